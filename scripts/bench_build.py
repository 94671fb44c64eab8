"""Measure the build: how much of it is running snippets, and what the cache saves.

    python scripts/bench_build.py [--runs 3]      (or: make bench)

On this machine, in one run of this script:
  T_cold    full strict build, empty snippet cache
  T_warm    full strict build again, nothing changed (every output from the cache)
  T_render  the same pages with execution off (NOTES_EXECUTE=0)
  T_exec    every snippet once, in one process (scripts/run_snippets.py --jobs 1)
  T_par     the same, one process per core (scripts/run_snippets.py)
  T_edit    under `mkdocs serve` (a copy of the project, warm cache): from saving a
            one-line prose edit of the longest chapter until the new page is served
  T_snippet_edit  the same for an edit of one of its snippets (its run included)
and R_cold = T_cold / (T_render + T_exec), R_warm = T_warm / T_render, R_par = T_cold /
(T_render + T_exec / cores), each time the median of --runs runs, plus the peak memory
of the largest build.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def edit_loop(
    scratch: Path, cache: str, env: dict, edits: int = 3
) -> tuple[float, float]:
    """Under `mkdocs serve`, on a copy of the project in `scratch` whose snippet outputs
    are already in `cache`: the median seconds from saving a one-line prose edit of the
    longest chapter until the new page is served, and the same for an edit of one of its
    snippets (which then runs again: its run time is included)."""
    project = scratch / "project"
    for name in ("docs", "snippets", "scripts"):
        shutil.copytree(
            ROOT / name, project / name, ignore=shutil.ignore_patterns(".*")
        )
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, project / name)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(env, NOTES_CACHE=cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/shapes/"

    def edit(path: Path, line: str, shown: str) -> float:
        start = time.perf_counter()
        path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
        _wait_for(url, shown)
        return time.perf_counter() - start

    try:
        _wait_for(url, "</html>")
        page = project / "docs" / "zh" / "shapes.md"
        snippet = project / "snippets" / "shapes" / "flatten.py"
        prose, code = [], []
        for _ in range(edits):
            marker = f"改了一行 {time.time_ns()}。"
            prose.append(edit(page, f"\n{marker}\n", marker))
            marker = f"edited {time.time_ns()}"
            code.append(edit(snippet, f'print("{marker}")\n', marker))
        return statistics.median(prose), statistics.median(code)
    finally:
        serve.terminate()
        serve.wait()


def _wait_for(url: str, text: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} never showed {text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    base.pop("NOTES_CACHE", None)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    times: dict[str, list[float]] = {
        "cold": [], "warm": [], "render": [], "exec": [], "par": [], "edit": [],
        "snippet_edit": [],
    }  # fmt: skip
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as scratch:
            site, cache = f"{scratch}/site", f"{scratch}/cache"
            cached = dict(base, NOTES_CACHE=cache)
            times["cold"].append(timed([*build, site], cached))
            times["warm"].append(timed([*build, site], cached))
            times["render"].append(timed([*build, site], dict(base, NOTES_EXECUTE="0")))
            prose, code = edit_loop(Path(scratch), cache, base)
            times["edit"].append(prose)
            times["snippet_edit"].append(code)
        runner = [sys.executable, "scripts/run_snippets.py"]
        times["exec"].append(
            timed([*runner, "--jobs", "1"], dict(base, MPLBACKEND="Agg"))
        )
        times["par"].append(timed(runner, dict(base, MPLBACKEND="Agg")))
        print(
            f"run {run + 1}: "
            + ", ".join(f"T_{k} {v[-1]:.1f} s" for k, v in times.items())
        )
    t = {name: statistics.median(values) for name, values in times.items()}
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"median of {args.runs}: " + ", ".join(f"T_{k} {v:.1f} s" for k, v in t.items())
    )
    print(
        f"R_cold = T_cold / (T_render + T_exec) = {t['cold'] / (t['render'] + t['exec']):.2f}"
    )
    print(f"R_warm = T_warm / T_render = {t['warm'] / t['render']:.2f}")
    cores = os.cpu_count() or 1
    r_par = t["cold"] / (t["render"] + t["exec"] / cores)
    print(f"R_par = T_cold / (T_render + T_exec / {cores} cores) = {r_par:.2f}")
    print(f"snippets on every core: T_exec / T_par = {t['exec'] / t['par']:.2f}")
    print(f"peak memory of one process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
