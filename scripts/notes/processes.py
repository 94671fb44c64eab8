"""Execution: every snippet alone in its own process, in parallel, within a time limit.

The build process imports torch and matplotlib once and never runs a snippet itself:
each snippet runs in a child forked from it, so nothing a snippet changes (matplotlib's
rcParams, torch's default dtype, the random state, sys.modules) reaches another one,
and a page shows what `python snippets/<chapter>/<file>.py` prints. Up to one child per
core runs at a time. A child that outlives its time limit is killed together with any
process it started (it leads its own process group), and its snippet fails.

    run_all([Job(...), ...]) -> {job.key: output text or SnippetFailed}

scripts/run_snippets.py also forks one process per snippet, but runs the files as
`python` does (`__main__`, stderr, exit code) and on purpose shares no code with this
module: tests/test_snippets.py compares the two, an independent check of the pages.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import re
import signal
import sys
import time
import traceback
import types
from dataclasses import dataclass
from multiprocessing.connection import wait

TIME_LIMIT = 60.0  # seconds per snippet; a fence may set its own: timeout="120"


class SnippetFailed(Exception):
    """A snippet raised, or ran past its time limit; the message says which."""


@dataclass(frozen=True)
class Job:
    key: str  # the cache key of (snippet, code, data files, environment)
    snippet: str  # path under snippets/
    path: str  # the file name its traceback shows
    code: str
    time_limit: float = TIME_LIMIT


def _child(job: Job, connection) -> None:
    """In the forked child: run the snippet, send ("ok", stdout) or ("failed", text)."""
    os.setsid()  # its own process group, killed as a whole past the time limit
    module = types.ModuleType("snippet_" + re.sub(r"\W", "_", job.snippet))
    sys.modules[module.__name__] = module  # dataclasses and pickle look modules up here
    stdout = io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout):
            # dont_inherit: compiled as `python snippets/...` compiles it, without the
            # build's `from __future__` flags (tests/claims.py does the same).
            compiled = compile(job.code, job.path, "exec", dont_inherit=True)
            exec(compiled, module.__dict__)  # noqa: S102
        result = ("ok", stdout.getvalue())
    except BaseException as error:  # noqa: BLE001  (SystemExit, KeyboardInterrupt too)
        # Drop this function's frame: the traceback starts in the snippet file.
        lines = traceback.format_exception(
            type(error), error, error.__traceback__.tb_next
        )
        result = ("failed", "".join(lines))
    connection.send(result)
    connection.close()


def run_all(
    jobs: list[Job], workers: int | None = None
) -> dict[str, str | SnippetFailed]:
    """Run every job in its own process, `workers` at a time (default: one per core)."""
    context = multiprocessing.get_context("fork")
    workers = workers or os.cpu_count() or 1
    waiting = list(jobs)
    running: dict = {}  # receiving end of the pipe -> (job, process, deadline)
    results: dict[str, str | SnippetFailed] = {}
    while waiting or running:
        while waiting and len(running) < workers:
            job = waiting.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(job, send), daemon=True)
            process.start()
            send.close()
            running[receive] = (job, process, time.monotonic() + job.time_limit)
        deadline = min(d for _, _, d in running.values())
        ready = wait(list(running), timeout=max(0.0, deadline - time.monotonic()))
        for receive in ready:
            job, process, _ = running.pop(receive)
            try:
                status, text = receive.recv()
            except EOFError:  # the child died without a word (killed, os._exit, crash)
                process.join()
                status, text = (
                    "failed",
                    f"the process ended with code {process.exitcode}",
                )
            process.join()
            results[job.key] = text if status == "ok" else SnippetFailed(text)
        now = time.monotonic()
        for receive, (job, process, deadline) in list(running.items()):
            if now >= deadline:
                _kill(process)
                del running[receive]
                results[job.key] = SnippetFailed(
                    f"did not finish within {job.time_limit:g} s and was stopped "
                    '(the time limit; a block sets its own with timeout="SECONDS")'
                )
    return results


def _kill(process) -> None:
    """Stop a child and every process it started (its process group; a child stopped
    before it could lead one has started nothing)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.kill()
    process.join()
