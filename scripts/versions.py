"""The version matrix: every snippet run alone on each PyTorch release of RELEASES.

    python scripts/versions.py [--drop] [RELEASE ...]   (make versions TORCH=2.6.0)
    python scripts/versions.py [--drop] --bisect         (make versions BISECT=1)
    python scripts/versions.py --canary                  (the newest release)

For each release (default: all): a Python 3.11 venv under .cache/versions/torch-<release>
with the matching torchvision and a NumPy its wheels work with, then
scripts/run_snippets.py in it (every snippet in its own process). The result goes to
snippets/versions/torch-<release>.json:

- provenance: date, platform, Python, every installed package and its version;
- per snippet, keyed by its content key (its text and the data files beside it; a
  snippet edited after the recording no longer matches, so its entry is stale): "passed",
  "assertion failed" or "raised" with the last line of the error, or "not run" (a
  snippet that needs torchvision where none matches the release), and the sha256 of what
  it printed, plus the output itself where it differs from the pinned release's (null
  for an output over MAX_OUTPUT characters: a figure).

--bisect: where a snippet's result (status or output) differs between two adjacent
releases of RELEASES, also record the releases of BISECTION_RELEASES between them, down to
the first one with the new behavior (see bisect()). Their recordings have the same format,
plus "bisection": [the release of RELEASES before, the one after].

Downloads PyTorch from the package registry (about 5 GB and 1.5 min per release): it is
never part of `make test` or `.ci/run`. Venvs are kept (reruns are cheap) unless --drop
is given; delete .cache/versions/torch-* to free the disk.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
RECORDINGS = SNIPPETS / "versions"
VENVS = ROOT / ".cache" / "versions"
PINNED = "2.14.1"  # requirements.txt
# torch -> (torchvision, NumPy requirement): the pairs PyTorch publishes together.
RELEASES = {
    "1.13.1": ("0.14.1", "numpy<2"),
    "2.0.1": ("0.15.2", "numpy<2"),
    "2.2.2": ("0.17.2", "numpy<2"),
    "2.4.1": ("0.19.1", "numpy<2"),
    "2.6.0": ("0.21.0", "numpy"),
    "2.8.0": ("0.23.0", "numpy"),
    "2.10.0": ("0.25.0", "numpy"),
    "2.12.1": ("0.27.1", "numpy"),
    "2.14.1": ("0.29.1", "numpy"),
    "2.15.0": ("0.30.0", "numpy"),
}
# Bisection only: the latest patch release of each minor version between two of RELEASES
# that has Python 3.11 wheels in the registry, with its torchvision (2.N <-> 0.(N+15));
# every pair checked with `pip download --no-deps` on 2026-12-03.
BISECTION_RELEASES = {
    "2.1.2": ("0.16.2", "numpy<2"),
    "2.3.1": ("0.18.1", "numpy<2"),
    "2.5.1": ("0.20.1", "numpy"),
    "2.7.1": ("0.22.1", "numpy"),
    "2.9.1": ("0.24.1", "numpy"),
    "2.11.0": ("0.26.0", "numpy"),
    "2.13.0": ("0.28.0", "numpy"),
}
# Snippets that print the environment (its versions): their output differs on every
# release by design, no change of behavior (the canary, the changes page).
ENVIRONMENT = {"home/environment.py"}
# NOTES_TORCH_LOCAL="+cpu": the CPU wheel of each release, from PyTorch's CPU index
# (.github/workflows/versions.yml); unset, the registry's own wheel.
LOCAL = os.environ.get("NOTES_TORCH_LOCAL", "")
MAX_OUTPUT = 4000  # characters of a differing output kept in a recording
# What the snippets import besides torch, torchvision and NumPy.
OTHERS = ["pillow", "matplotlib", "sympy"]


def content_key(snippet: Path) -> str:
    """The snippet's text and every non-code file beside it (a recorded JSON, say)."""
    digest = hashlib.sha256(snippet.read_bytes())
    for path in sorted(snippet.parent.iterdir()):
        if path.is_file() and path.suffix != ".py":
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def venv(release: str) -> Path:
    """The release's venv, created and filled once; the pinned release is the build's.
    Without a matching torchvision in the registry (1.13.1 and 2.15.0 for Python 3.11
    on 2026-12-03), torch alone: the snippets that import torchvision are "not run"."""
    if release == PINNED:
        return ROOT / ".venv" / "bin" / "python"
    folder = VENVS / f"torch-{release}"
    python = folder / "bin" / "python"
    if not (folder / ".complete").exists():
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(folder)], check=True
        )
        vision, numpy = {**RELEASES, **BISECTION_RELEASES}[release]
        # "===": this very version, never a local build of it such as the
        # torch-2.13.0+cpu wheel in this machine's pip find-links (/opt/wheels).
        torch = f"torch==={release}{LOCAL}"
        pip = [str(python), "-m", "pip", "install", "--quiet",
               "--disable-pip-version-check", torch, numpy, *OTHERS]  # fmt: skip
        if subprocess.run([*pip, f"torchvision=={vision}"], check=False).returncode:
            subprocess.run(pip, check=True)
        (folder / ".complete").touch()
    return python


def _status(result: dict) -> tuple[str, str]:
    """("passed" | "assertion failed" | "raised" | "not run", the error's last line and, for an
    assertion, the line of the snippet that failed)."""
    if result["returncode"] == 0:
        return "passed", ""
    lines = [line.strip() for line in result["stderr"].splitlines() if line.strip()]
    last = lines[-1] if lines else f"exit code {result['returncode']}"
    if "No module named 'torchvision'" in last:
        return (
            "not run",
            "no torchvision for this release (Python 3.11) in the registry",
        )
    if not last.startswith("AssertionError"):
        return "raised", last.replace(f"{ROOT}/", "")
    frames = [i for i, line in enumerate(lines) if line.startswith('File "')]
    where = lines[frames[-1] : frames[-1] + 2] if frames else []
    message = " — ".join([last, *where])
    return "assertion failed", message.replace(f"{ROOT}/", "")


def record(release: str, python: Path | None = None, path: Path | None = None) -> Path:
    """Run every snippet in the release's venv (or `python`); write the recording to
    snippets/versions/torch-<release>.json (or `path`)."""
    python = python or venv(release)
    freeze = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--all"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    snippets = sorted(SNIPPETS.rglob("*.py"))
    run = subprocess.run(
        [str(python), str(ROOT / "scripts" / "run_snippets.py"), "--json",
         *(str(s.relative_to(ROOT)) for s in snippets)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    if not run.stdout.strip():
        raise SystemExit(
            f"torch {release}: run_snippets.py printed nothing:\n{run.stderr}"
        )
    results = json.loads(run.stdout)
    pinned_file = RECORDINGS / f"torch-{PINNED}.json"
    pinned = (
        json.loads(pinned_file.read_text(encoding="utf-8"))["snippets"]
        if release != PINNED and pinned_file.exists()
        else {}
    )
    entries = {}
    for snippet in snippets:
        name = str(snippet.relative_to(SNIPPETS))
        result = results[str(snippet.relative_to(ROOT))]
        status, message = _status(result)
        output = hashlib.sha256(result["stdout"].encode()).hexdigest()
        entry = {"key": content_key(snippet), "status": status, "output_sha256": output}
        if message:
            entry["message"] = message
        differs = name in pinned and pinned[name]["output_sha256"] != output
        if differs and status != "not run":
            # figures (SVG) differ in every byte when anything moves: their digest only
            small = len(result["stdout"]) <= MAX_OUTPUT
            entry["output"] = result["stdout"] if small else None
        entries[name] = entry
    recording = {"torch": release}
    if release in BISECTION_RELEASES:  # recorded to bisect a change between these two
        recording["bisection"] = list(around(release))
    recording |= {
        "date": datetime.date.today().isoformat(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "packages": freeze,
        "snippets": entries,
    }
    path = path or RECORDINGS / f"torch-{release}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(recording, indent=1, ensure_ascii=False) + "\n")
    counts = {}
    for entry in entries.values():
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    print(f"torch {release}: {counts} -> {path.relative_to(ROOT)}")
    return path


def version(release: str) -> tuple[int, ...]:
    return tuple(int(part) for part in release.split("."))


def around(release: str) -> tuple[str, str]:
    """The two adjacent releases of RELEASES that a bisection release lies between."""
    before = [r for r in RELEASES if version(r) < version(release)]
    after = [r for r in RELEASES if version(r) > version(release)]
    return before[-1], after[0]


def recording(release: str) -> dict | None:
    path = RECORDINGS / f"torch-{release}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def result(recording: dict, snippet: str) -> tuple[str, str] | None:
    """(status, output sha256) of the snippet in a recording; None where the entry is
    missing or stale (the snippet changed or was removed since), or where the snippet
    was "not run" (that says which torchvision the registry has, nothing about PyTorch)."""
    entry = recording["snippets"].get(snippet)
    if entry is None or entry["status"] == "not run":
        return None
    path = SNIPPETS / snippet
    if not path.exists() or entry["key"] != content_key(path):
        return None
    return entry["status"], entry["output_sha256"]


def bisect(drop: bool = False) -> None:
    """For every two adjacent releases of RELEASES, every snippet whose result (status or
    output sha256, fresh entries only) differs between them is bisected over the
    BISECTION_RELEASES between them: the middle one is recorded (once, then reused while
    its entries are fresh), and the search goes on in the half where the change is,
    down to the first release whose result is not the older release's."""
    releases = list(RELEASES)
    for old, new in zip(releases, releases[1:]):
        before, after = recording(old), recording(new)
        if before is None or after is None:
            print(f"{old} -> {new}: not both recorded, skipped")
            continue
        snippets = sorted(set(before["snippets"]) & set(after["snippets"]))
        changed = [
            s
            for s in snippets
            if None not in (result(before, s), result(after, s))
            and result(before, s) != result(after, s)
        ]
        between = sorted(
            (r for r in BISECTION_RELEASES if version(old) < version(r) < version(new)),
            key=version,
        )
        for snippet in changed:
            chain = [old, *between, new]
            low, high = 0, len(chain) - 1  # chain[low] behaves as old, chain[high] not
            while high - low > 1:
                middle = (low + high) // 2
                found = recorded_for_bisection(chain[middle], snippet, drop)
                if result(found, snippet) == result(before, snippet):
                    low = middle
                else:
                    high = middle
            was, now = result(before, snippet)[0], result(after, snippet)[0]
            change = f"{was} -> {now}" if was != now else f"{was}, output changed"
            print(f"{old} -> {new}: {snippet}: {change}; first in {chain[high]}")


def recorded_for_bisection(release: str, snippet: str, drop: bool) -> dict:
    """The release's recording, made now unless it has a fresh entry for the snippet."""
    found = recording(release)
    entry = found and found["snippets"].get(snippet)
    if not entry or entry["key"] != content_key(SNIPPETS / snippet):
        record(release)
        if drop:
            shutil.rmtree(VENVS / f"torch-{release}", ignore_errors=True)
        found = recording(release)
    return found


def changed_from_pinned(recording: dict) -> list[str]:
    """The snippets of a recording whose result or output differs from the pinned
    release's (fresh entries on both sides; "not run" is no result), one line each."""
    pinned = json.loads((RECORDINGS / f"torch-{PINNED}.json").read_text())["snippets"]
    return [
        f"  {name}: {old['status']} -> {new['status']}"
        + (f" ({new['message']})" if new.get("message") else " (other output)")
        for name, new in recording["snippets"].items()
        if (old := pinned.get(name)) and old["key"] == new["key"]
        and name not in ENVIRONMENT
        and "not run" not in (old["status"], new["status"])
        and (old["status"], old["output_sha256"]) != (new["status"], new["output_sha256"])
    ]  # fmt: skip


def canary() -> int:
    """The newest PyTorch release (with its torchvision), every snippet run on it and
    compared with the pinned release's recording: prints each snippet whose result or
    output changed and returns 1 if any did (.github/workflows/canary.yml)."""
    folder = VENVS / "newest"
    python = folder / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "torch", "torchvision", "numpy", *OTHERS],
        check=True,
    )  # fmt: skip
    newest = subprocess.run(
        [str(python), "-c", "import torch; print(torch.__version__.split('+')[0])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    path = record(newest, python, VENVS / "canary.json")
    changed = changed_from_pinned(json.loads(path.read_text(encoding="utf-8")))
    print(f"torch {newest} against {PINNED}: {len(changed)} snippets changed")
    print("\n".join(changed))
    return 1 if changed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("releases", nargs="*", metavar="RELEASE")
    parser.add_argument("--bisect", action="store_true", help="see bisect()")
    parser.add_argument("--canary", action="store_true", help="see canary()")
    parser.add_argument(
        "--drop", action="store_true", help="delete each venv once recorded (5 GB)"
    )
    args = parser.parse_args()
    if args.canary:
        sys.exit(canary())
    known = {**RELEASES, **BISECTION_RELEASES}
    for release in args.releases or ([] if args.bisect else list(RELEASES)):
        if release not in known:
            raise SystemExit(f"{release}: not in RELEASES or BISECTION_RELEASES")
        record(release)
        if args.drop and release != PINNED:  # the pinned release runs in .venv
            shutil.rmtree(VENVS / f"torch-{release}", ignore_errors=True)
    if args.bisect:
        bisect(args.drop)
