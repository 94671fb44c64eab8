"""Measure the build: how much of it is running snippets, and what the cache saves.

    python scripts/bench_build.py [--runs 3]      (or: make bench)

On this machine, in one run of this script:
  T_cold    full strict build, empty snippet cache
  T_warm    full strict build again, nothing changed (every output from the cache)
  T_render  the same pages with execution off (NOTES_EXECUTE=0)
  T_exec    every snippet once, in one process (scripts/run_snippets.py --jobs 1)
and R_cold = T_cold / (T_render + T_exec), R_warm = T_warm / T_render, each time the
median of --runs runs, plus the peak memory of the largest build.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    base.pop("NOTES_CACHE", None)
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    times: dict[str, list[float]] = {"cold": [], "warm": [], "render": [], "exec": []}
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as scratch:
            site, cache = f"{scratch}/site", f"{scratch}/cache"
            cached = dict(base, NOTES_CACHE=cache)
            times["cold"].append(timed([*build, site], cached))
            times["warm"].append(timed([*build, site], cached))
            times["render"].append(timed([*build, site], dict(base, NOTES_EXECUTE="0")))
        runner = [sys.executable, "scripts/run_snippets.py", "--jobs", "1"]
        times["exec"].append(timed(runner, dict(base, MPLBACKEND="Agg")))
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
    print(f"peak memory of one process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
