"""Execution: every snippet of the site run once per build, each alone in its own process,
in parallel (processes.py), its output kept in memory for both languages and, with
NOTES_CACHE, on disk across builds. The cache key is everything that can change what a
snippet prints: its text, the data files beside it, Python and the package versions.
A failure is never stored: it runs again next time.

NOTES_CACHE: a folder where outputs outlive the process (make serve / make build use
.cache/exec; a fresh clone, so CI and every deploy, starts without one).
NOTES_EXECUTE=0: render pages without running anything (scripts/bench_build.py).
"""

from __future__ import annotations

import functools
import hashlib
import os
import platform
import time
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from . import api_index, processes
from .languages import SNIPPETS

log = get_plugin_logger("notes")

os.environ.setdefault(
    "MPLBACKEND", "Agg"
)  # the snippets draw into files, never a window
CACHE = Path(os.environ["NOTES_CACHE"]) if os.environ.get("NOTES_CACHE") else None
EXECUTE = os.environ.get("NOTES_EXECUTE", "1") != "0"
# Anything that can change what a snippet prints, besides its own text.
ENVIRONMENT_KEY = " ".join(
    [platform.python_version()]
    + [
        f"{name}=={version(name)}"
        for name in ("torch", "torchvision", "numpy", "matplotlib", "pillow", "sympy")
    ]
)
SnippetFailed = processes.SnippetFailed

_outputs: dict[str, str | SnippetFailed] = {}  # cache key -> stdout, for both languages


def read(snippet: str) -> str:
    return (SNIPPETS / snippet).read_text(encoding="utf-8")


def _data_key(snippet: str) -> str:
    """The files beside a snippet that are not code (a recorded JSON, say): a snippet may
    read them, so they are part of its cache key."""
    folder = (SNIPPETS / snippet).parent
    return "".join(
        f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix != ".py"
    )


def job(snippet: str, code: str, time_limit: float) -> processes.Job:
    code = code.strip("\n") + "\n"  # as a page includes it or as read from the file
    text = f"{ENVIRONMENT_KEY}\0{snippet}\0{code}\0{_data_key(snippet)}"
    key = hashlib.sha256(text.encode()).hexdigest()
    return processes.Job(key, snippet, str(SNIPPETS / snippet), code, time_limit)


def _stored(job: processes.Job) -> Path | None:
    return CACHE / f"{job.key}.out" if CACHE else None


def run_snippets(jobs: list[processes.Job]) -> None:
    """Run, in parallel and each in its own process, every job whose output is in
    neither cache; outputs go to the caches, failures only to this build's."""
    if not EXECUTE:
        return
    todo = {}
    for job in jobs:
        stored = _stored(job)
        if job.key not in _outputs and stored and stored.exists():
            _outputs[job.key] = stored.read_text(encoding="utf-8")
        if job.key not in _outputs:
            todo[job.key] = job
    if not todo:
        return
    for job in todo.values():
        log.info(f"running snippets/{job.snippet}")
    started = time.monotonic()
    for key, output in processes.run_all(list(todo.values())).items():
        _outputs[key] = output
        stored = _stored(todo[key])
        if stored and not isinstance(output, SnippetFailed):
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(output, encoding="utf-8")
    log.info(f"ran {len(todo)} snippets in {time.monotonic() - started:.1f} s")


def run_snippet(
    snippet: str, code: str, time_limit: float = processes.TIME_LIMIT
) -> str:
    """What the snippet prints, running it only if this exact text has not run yet;
    raises SnippetFailed."""
    if not EXECUTE:
        return "(not executed: NOTES_EXECUTE=0)\n"
    todo = job(snippet, code, time_limit)
    run_snippets([todo])
    if isinstance(_outputs[todo.key], SnippetFailed):
        raise _outputs[todo.key]
    return _outputs[todo.key]


API_INDEX_CODE = Path(api_index.__file__).read_bytes()


@functools.cache
def apis(source: str) -> frozenset[str]:
    """The APIs a snippet calls; kept in NOTES_CACHE like outputs (reading them resolves
    names in torch, 4-5 s of a warm build), keyed by the snippet, the reader's code and
    the versions."""
    key = hashlib.sha256(
        ENVIRONMENT_KEY.encode() + b"\0" + API_INDEX_CODE + b"\0" + source.encode()
    ).hexdigest()
    stored = CACHE / f"{key}.apis" if CACHE else None
    if stored and stored.exists():
        return frozenset(stored.read_text(encoding="utf-8").split())
    found = frozenset(api_index.apis_in(source))
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text("\n".join(sorted(found)), encoding="utf-8")
    return found
