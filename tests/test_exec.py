"""The execution stage (scripts/notes/processes.py), without a build: each snippet in its own
process, in parallel, within its time limit, its failure named by file and line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import matplotlib  # noqa: E402, F401  (as in the build: children start with these loaded)
import torch  # noqa: E402, F401
from notes import processes as notes_exec  # noqa: E402
from notes.processes import Job, SnippetFailed  # noqa: E402


def job(key: str, code: str, time_limit: float = 30) -> Job:
    return Job(key, f"demo/{key}.py", f"snippets/demo/{key}.py", code, time_limit)


def test_output_and_failure_with_file_and_line():
    results = notes_exec.run_all(
        [job("ok", "print(6 * 7)\n"), job("bad", "x = 1\nassert x == 2, 'nope'\n")]
    )
    assert results["ok"] == "42\n"
    failure = results["bad"]
    assert isinstance(failure, SnippetFailed)
    assert 'snippets/demo/bad.py", line 2' in str(failure)
    assert "AssertionError: nope" in str(failure)


def test_no_state_leaks_from_one_snippet_to_the_next():
    """matplotlib's rcParams, torch's default dtype and sys.modules set by one snippet
    are not seen by a later one, even on the same worker."""
    change = (
        "import matplotlib, torch, sys\n"
        "matplotlib.rcParams['font.size'] = 99\n"
        "torch.set_default_dtype(torch.float64)\n"
        "sys.modules['leaked'] = sys\n"
    )
    look = (
        "import matplotlib, torch, sys\n"
        "print(matplotlib.rcParams['font.size'], torch.get_default_dtype(),"
        " 'leaked' in sys.modules)\n"
    )
    results = notes_exec.run_all([job("change", change), job("look", look)], workers=1)
    assert results["change"] == ""
    assert results["look"] == "10.0 torch.float32 False\n"


def test_time_limit_stops_the_snippet_and_what_it_started(tmp_path):
    pid_file = tmp_path / "grandchild.pid"
    code = (
        "import subprocess, sys\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "while True:\n    pass\n"
    )
    started = time.monotonic()
    results = notes_exec.run_all([job("hang", code, time_limit=2)])
    assert time.monotonic() - started < 10
    assert isinstance(results["hang"], SnippetFailed)
    assert "did not finish within 2 s" in str(results["hang"])
    grandchild = int(pid_file.read_text())
    time.sleep(0.2)
    assert not _running(grandchild)  # killed with the snippet's process group


def _running(pid: int) -> bool:
    """True if the process exists and is not a zombie (a killed process whose parent
    died stays one until PID 1 reaps it, which a container's PID 1 may never do)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_snippets_run_in_parallel():
    jobs = [job(f"sleep{i}", "import time\ntime.sleep(1)\n") for i in range(2)]
    started = time.monotonic()
    results = notes_exec.run_all(jobs, workers=2)
    assert set(results) == {"sleep0", "sleep1"}
    assert time.monotonic() - started < 1.8  # one after another would take 2 s


def test_a_snippet_that_exits_is_a_failure():
    results = notes_exec.run_all([job("exit", "import os\nos._exit(3)\n")])
    assert "the process ended with code 3" in str(results["exit"])
