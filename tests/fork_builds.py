"""Strict builds of small projects, each in a fresh process, for the fault tests.

    python tests/fork_builds.py PROJECT...   (prints JSON: {PROJECT: [return code, log]})

A build spends about 6 s importing torch, the theme, the plugins and nbconvert before it
reads a file, and the fault tests build a dozen projects. So this process imports those
libraries once, then forks one child per project: each child starts as a new process
would, except that the libraries are loaded, changes into its project and runs
`mkdocs build --strict` there. The projects' own build hooks (scripts/ in each copy) are
not imported here: each child imports them from its project, as MkDocs does.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

# The libraries a build imports, loaded once before any fork.
import jupytext  # noqa: F401
import latex2mathml.converter  # noqa: F401
import markdown_exec  # noqa: F401
import material.plugins.search.plugin  # noqa: F401
import mkdocs.__main__
import mkdocs_jupyter.plugin  # noqa: F401
import nbconvert  # noqa: F401
import pymdownx.superfences  # noqa: F401
import torch  # noqa: F401


def _build(project: Path, log: int) -> None:
    """In the child: the strict build of `project`, its output into `log`."""
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.chdir(project)
    args = ["build", "--strict", "--site-dir", str(project / "site")]
    try:
        mkdocs.__main__.cli.main(args, prog_name="mkdocs", standalone_mode=True)
        code = 0
    except SystemExit as error:
        code = error.code if isinstance(error.code, int) else 1
    except BaseException:  # noqa: BLE001  (report anything, as a new process would)
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def build_all(projects: list[Path]) -> dict[str, list]:
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for number, project in enumerate(projects):
            log_path = Path(scratch) / f"{number}.log"
            with open(log_path, "wb") as log:
                child = os.fork()
                if child == 0:
                    _build(project.resolve(), log.fileno())
                _, status = os.waitpid(child, 0)
            log_text = log_path.read_text(encoding="utf-8", errors="replace")
            results[str(project)] = [os.waitstatus_to_exitcode(status), log_text]
    return results


if __name__ == "__main__":
    print(json.dumps(build_all([Path(arg) for arg in sys.argv[1:]])))
