"""Run a snippet in this process, as the build does, so that a test can change part of
PyTorch first (pytest's monkeypatch) and see the snippet's own check catch the change.

    from claims import claim_fails

    def test_unsqueeze_keeps_the_data(monkeypatch):
        real = torch.Tensor.unsqueeze
        monkeypatch.setattr(torch.Tensor, "unsqueeze", lambda t, d: real(t, d) * 2)
        claim_fails("shapes/unsqueeze.py", "torch.equal(")

`claim_fails` passes only if an AssertionError is raised by an assert of that snippet
whose text contains the given words: the claim that backs the page caught the change, not a
crash somewhere else.
"""

from __future__ import annotations

import ast
import contextlib
import io
import traceback
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


def run_namespace(snippet: str) -> tuple[dict, str]:
    """Execute snippets/<snippet> in a fresh module; return its globals and its output."""
    path = SNIPPETS / snippet
    module = types.ModuleType("snippet")
    stdout = io.StringIO()
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(stdout):
        # dont_inherit: the snippet is compiled as `python snippets/...` would compile it,
        # without this module's `from __future__` flags.
        code = compile(
            path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True
        )
        exec(code, module.__dict__)  # noqa: S102
    return module.__dict__, stdout.getvalue()


def run(snippet: str) -> str:
    """What the snippet prints."""
    return run_namespace(snippet)[1]


def claim_fails(snippet: str, line_text: str) -> AssertionError:
    """Run the snippet and require an `assert` on a line containing `line_text` to fail."""
    path = SNIPPETS / snippet
    try:
        run(snippet)
    except AssertionError as error:
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if Path(frame.filename) == path
        ]
        assert frames, (
            f"{snippet}: AssertionError raised outside the snippet: {error!r}"
        )
        failed = frames[-1]
        source = path.read_text(encoding="utf-8")
        last = next(  # the statement's last line, however many lines it spans
            (
                node.end_lineno
                for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.stmt) and node.lineno == failed.lineno
            ),
            failed.lineno,
        )
        lines = source.split("\n")[failed.lineno - 1 : last]  # comments included
        statement = "\n".join(lines)
        assert line_text in statement, (
            f"{snippet}:{failed.lineno}: another check failed first: {statement!r} "
            f"({error})"
        )
        return error
    raise AssertionError(f"{snippet}: every check passed although PyTorch was changed")


def snippet_stops(snippet: str, exception: type, line_text: str) -> None:
    """Require the snippet to stop with `exception` raised by its line with `line_text`
    (for a claim the snippet relies on by running it, not by an assert)."""
    path = SNIPPETS / snippet
    try:
        run(snippet)
    except exception as error:
        raised = error
    else:
        raise AssertionError(f"{snippet}: ran to the end, no {exception.__name__}")
    lines = [
        frame.line or ""
        for frame in traceback.extract_tb(raised.__traceback__)
        if Path(frame.filename) == path
    ]
    assert lines and line_text in lines[-1], (snippet, lines, raised)
