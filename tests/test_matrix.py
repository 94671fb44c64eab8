"""The version matrix on the pages (scripts/notes/matrix.py), without a build: the line
under a block from recordings made up here, stale entries never shown as results, and
the "Changed in PyTorch X.Y" labels of the pages checked against the real recordings
(snippets/versions/), wherever they cover X.Y."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from markdown.extensions.toc import slugify  # noqa: E402
from notes import matrix, pages  # noqa: E402

PASSED = {"key": "k", "status": "passed", "output_sha256": "a"}
OTHER_OUTPUT = {**PASSED, "output_sha256": "b", "output": "new\n"}
FAILED = {"key": "k", "status": "assertion failed", "output_sha256": "c",
          "message": "AssertionError — line 3"}  # fmt: skip
STALE = {**FAILED, "key": "old"}


@pytest.fixture
def recorded(monkeypatch):
    """Make up the recordings of one snippet, 'x.py', whose content key is 'k'."""

    def record(entries: dict[str, dict]) -> None:
        fake = {r: {"torch": r, "snippets": {"x.py": e}} for r, e in entries.items()}
        monkeypatch.setattr(matrix, "recordings", lambda: fake)

    monkeypatch.setattr(matrix, "content_key", lambda snippet: "k")
    return record


def test_a_snippet_that_holds_everywhere(recorded):
    recorded({"1.13.1": PASSED, "2.0.1": PASSED, "2.14.1": PASSED, "2.15.0": PASSED})
    assert matrix.summary("x.py", "en") == "PyTorch ✓ 1.13–2.15"


def test_ranges_of_failures_and_other_outputs(recorded):
    recorded({"1.13.1": FAILED, "2.4.1": FAILED, "2.6.0": OTHER_OUTPUT,
              "2.14.1": PASSED, "2.15.0": PASSED})  # fmt: skip
    assert matrix.summary("x.py", "en") == (
        "PyTorch ✓ 2.14–2.15 · ✗ 1.13–2.4 · ✓ 2.6 (other output)"
    )
    details = matrix.details("x.py", "old\n", "en")
    assert (
        "1.13.1–2.4.1: assertion failed <code>AssertionError — line 3</code>" in details
    )
    assert "-old\n+new" in details  # the output's difference from this build's


def test_a_stale_entry_is_no_result(recorded):
    recorded({"2.4.1": STALE, "2.14.1": PASSED})
    assert matrix.summary("x.py", "en") == "PyTorch ✓ 2.14"
    assert "2.4.1" not in matrix.details("x.py", "", "en")


def test_a_block_edited_since_the_pinned_recording_is_checked_on_this_build_only(
    recorded,
):
    recorded({"2.4.1": PASSED, "2.14.1": STALE})
    assert matrix.summary("x.py", "zh") is None
    assert "checked on PyTorch" in matrix.details("x.py", "", "en")


def test_changes_leave_out_releases_without_torchvision(recorded):
    not_run = {**PASSED, "status": "not run", "output_sha256": "e"}
    recorded({"1.13.1": not_run, "2.0.1": FAILED, "2.4.1": PASSED, "2.14.1": PASSED})
    assert [(old, new) for old, _, new, _ in matrix.changes("x.py")] == [
        ("2.0.1", "2.4.1")
    ]


LABEL = re.compile(r'^!!! \w+ "(?:更新：PyTorch|Changed in PyTorch) (\d+\.\d+)"', re.M)


def _labels():
    """(page, section anchor, X.Y) of every "Changed in PyTorch X.Y" box."""
    found = []
    for language in ("zh", "en"):
        for path in sorted((ROOT / "docs" / language).glob("*.md")):
            page = pages.parse(path, slugify)
            text = path.read_text(encoding="utf-8")
            for match in LABEL.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                section = [s for s in page.sections if s.line < line][-1]
                found.append((f"docs/{language}/{path.name}", section, match[1]))
    return found


def _minor(release: str) -> tuple[int, int]:
    major, minor = release.split(".")[:2]
    return int(major), int(minor)


def test_every_dated_change_the_matrix_covers_happens_in_that_release():
    """A box "Changed in PyTorch X.Y" in a section: where the recordings span X.Y, one
    of the section's snippets changes its result between the last recorded release
    before X.Y and the first at or after it. Labels older than the oldest recording
    are printed as not covered."""
    oldest = _minor(next(iter(matrix.recordings())))
    covered, wrong, older = 0, [], []
    for where, section, label in _labels():
        if _minor(label) <= oldest:
            older.append(f"{where} #{section.anchor}: {label}")
            continue
        covered += 1
        spans = [
            (old, new)
            for snippet in section.snippets
            for old, _, new, _ in matrix.changes(snippet)
        ]
        if not any(_minor(old) < _minor(label) <= _minor(new) for old, new in spans):
            wrong.append(
                f"{where} #{section.anchor}: {label}, recorded changes {spans}"
            )
    print(f"\n{covered} labels checked; older than the recordings: {older}")
    assert covered, "no label lies within the recorded releases"
    assert not wrong, wrong
