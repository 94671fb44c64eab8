"""The version matrix on the pages (scripts/notes/matrix.py), without a build: the line
under a block from recordings made up here, stale entries never shown as results, and
the "Changed in PyTorch X.Y" labels of the pages checked against the real recordings
(snippets/versions/), wherever they cover X.Y."""

from __future__ import annotations

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


def _pages():
    for language in ("zh", "en"):
        for path in sorted((ROOT / "docs" / language).glob("*.md")):
            yield f"docs/{language}/{path.name}", pages.parse(path, slugify), path


def test_the_recordings_contradict_no_version_fact_of_the_prose():
    """What the build checks (hooks.py, on_page_markdown): every "更新：PyTorch X.Y",
    "从 PyTorch X.Y 起", "since X.Y", ... that the recordings span is a release where
    one of its section's snippets changes its result; and some facts are spanned."""
    checked = []
    for where, page, path in _pages():
        text = path.read_text(encoding="utf-8")
        assert matrix.check_dates(page, text, where) == [], where
        oldest = matrix._minor(next(iter(matrix.recordings())))
        checked += [v for _, v in matrix.dated_facts(text) if matrix._minor(v) > oldest]
    print(f"\nversion facts spanned by the recordings: {sorted(checked)}")
    assert {"2.0", "2.6"} <= set(checked)


def test_a_fact_the_recordings_contradict_is_found():
    """The same prose with "PyTorch 2.6" moved to 2.2 (weights_only; the first
    release with the new default is 2.6): the check names the line."""
    path = ROOT / "docs" / "en" / "save-load.md"
    page = pages.parse(path, slugify)
    text = path.read_text(encoding="utf-8").replace("PyTorch 2.6", "PyTorch 2.2")
    problems = matrix.check_dates(page, text, "docs/en/save-load.md")
    assert problems and all("says PyTorch 2.2" in p for p in problems), problems


def test_a_change_that_may_be_another_package_s_says_so(monkeypatch):
    """Between 2.4.1 and 2.5.1 the matrix moved from NumPy 1 to NumPy 2, which redraws
    figures: the changes page names the other packages that differ."""
    assert matrix.other_packages("2.4.1", "2.5.1") == [
        "numpy 1.26.4 → 2.4.6",
        "sympy 1.14.0 → 1.13.1",
    ]
    assert matrix.other_packages("2.7.1", "2.8.0") == []


def test_the_changes_page_marks_the_lines_that_changed():
    old, new = matrix.marked_lines("a\nb <1>\nc", "a\nb <2>\nc\nd")
    assert old == "a\n<del>b &lt;1&gt;</del>\nc"
    assert new == "a\n<ins>b &lt;2&gt;</ins>\nc\n<ins>d</ins>"
