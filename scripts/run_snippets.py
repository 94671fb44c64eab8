"""Run snippets as scripts, each in a fresh process, and report what they printed.

    python scripts/run_snippets.py [--json] [--jobs N] [snippets/x/y.py ...]

Importing torch takes seconds, and there are many snippets, so this process imports the
heavy libraries once and then forks one child per snippet: every child starts from the
same clean state (nothing has run in the parent), runs the file with runpy exactly as
`python snippets/x/y.py` would (`__name__ == "__main__"`, fresh globals, cwd = repository
root), and exits. No state can pass from one snippet to another.
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 120

os.environ.setdefault("MPLBACKEND", "Agg")
import matplotlib.pyplot  # noqa: E402, F401  (imported once here, before any fork)
import numpy  # noqa: E402, F401
import PIL.Image  # noqa: E402, F401
import torch  # noqa: E402, F401

try:  # the version matrix runs releases without a matching torchvision too
    import torchvision  # noqa: F401
except ImportError:
    pass


def _child(snippet: Path, stdout: int, stderr: int) -> None:
    os.dup2(stdout, 1)
    os.dup2(stderr, 2)
    sys.argv = [str(snippet)]
    signal.alarm(TIME_LIMIT_S)
    code = 0
    try:
        runpy.run_path(str(snippet), run_name="__main__")
    except SystemExit as error:
        code = error.code if isinstance(error.code, int) else 1
    except BaseException:  # noqa: BLE001  (report anything, as python would)
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_all(snippets: list[Path], jobs: int) -> dict[str, dict]:
    """snippet path (relative to the root) -> {returncode, stdout, stderr, seconds}."""
    os.chdir(ROOT)
    results, running, queue = {}, {}, list(snippets)
    with tempfile.TemporaryDirectory() as scratch:
        while queue or running:
            while queue and len(running) < jobs:
                snippet = queue.pop(0)
                name = snippet.relative_to(ROOT).as_posix()
                out = open(Path(scratch) / f"{len(results) + len(running)}.out", "w+")  # noqa: SIM115
                err = open(Path(scratch) / f"{len(results) + len(running)}.err", "w+")  # noqa: SIM115
                sys.stdout.flush()
                pid = os.fork()
                if pid == 0:
                    _child(snippet, out.fileno(), err.fileno())
                running[pid] = (name, out, err, time.perf_counter())
            pid, status = os.wait()
            name, out, err, start = running.pop(pid)
            out.seek(0)
            err.seek(0)
            results[name] = {
                "returncode": os.waitstatus_to_exitcode(status),
                "stdout": out.read(),
                "stderr": err.read(),
                "seconds": round(time.perf_counter() - start, 3),
            }
            out.close()
            err.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "snippets", nargs="*", type=Path, help="default: every snippets/**/*.py"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", action="store_true", help="print all results as JSON")
    args = parser.parse_args()
    snippets = [p.resolve() for p in args.snippets] or sorted(
        (ROOT / "snippets").rglob("*.py")
    )
    started = time.perf_counter()
    results = run_all(snippets, args.jobs)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    failed = [name for name, result in results.items() if result["returncode"] != 0]
    for name in sorted(results):
        result = results[name]
        mark = "FAIL" if name in failed else "ok  "
        print(f"{mark} {result['seconds']:6.2f}s  {name}")
        if name in failed:
            print(result["stderr"])
    print(
        f"{len(results) - len(failed)} passed, {len(failed)} failed in {time.perf_counter() - started:.1f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
