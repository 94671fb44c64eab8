"""Every snippet runs alone (python snippets/x/y.py), offline, and prints exactly what the
built page shows for it — so the page output is reproducible, not an artefact of the build."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, background, page_files, parsed

SNIPPETS = sorted(
    p.relative_to(ROOT / "snippets").as_posix()
    for p in (ROOT / "snippets").rglob("*.py")
)
SLOW_SECONDS = 10  # generous for a shared 2-core CI; most snippets take well under 1 s


@background()
def standalone(scratch: Path) -> dict[str, dict]:
    """Every snippet run as a script in a fresh process (scripts/run_snippets.py forks
    one per snippet from a parent that has only imported the libraries)."""
    env = dict(os.environ, MPLBACKEND="Agg")
    env.pop("CUDA_VISIBLE_DEVICES", None)
    result = subprocess.run(
        [sys.executable, "scripts/run_snippets.py", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    return {
        name.removeprefix("snippets/"): run
        for name, run in json.loads(result.stdout).items()
    }


@pytest.fixture(scope="session")
def page_outputs(site) -> dict[str, list[tuple[str, str, str]]]:
    """snippet -> [(page, kind, output)] for every executed block of every built page."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for language in LANGUAGES:
        root = site if language == LANGUAGES[0] else site / language
        for page in page_files(site, language):
            soup = parsed(root / page)
            for block in soup.select("div.exec"):
                text_output = block.select_one(":scope > .language-text")
                if text_output is not None:
                    kind, output = "text", text_output.get_text()
                elif block.select_one("svg"):
                    kind, output = "svg", ""
                else:
                    kind, output = "markdown", block.get_text()
                found.setdefault(block["data-snippet"], []).append(
                    (f"{language}/{page}", kind, output)
                )
    return found


def test_snippets_exist():
    assert len(SNIPPETS) >= 10, SNIPPETS


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippet_runs_alone(snippet, standalone):
    run = standalone[snippet]
    assert run["returncode"] == 0, f"snippets/{snippet} failed:\n{run['stderr']}"
    assert run["stdout"].strip(), f"snippets/{snippet} printed nothing"
    assert run["seconds"] < SLOW_SECONDS, f"snippets/{snippet} took {run['seconds']} s"


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_page_shows_what_the_snippet_prints(snippet, standalone, page_outputs):
    uses = page_outputs.get(snippet)
    assert uses, f"snippets/{snippet} is not included by any page"
    assert {page.split("/", 1)[0] for page, _, _ in uses} == set(LANGUAGES), (
        f"snippets/{snippet} must be shown in every language: {uses}"
    )
    printed = standalone[snippet]["stdout"]
    for page, kind, output in uses:
        if kind == "text":
            # Python-Markdown expands tabs (to 4 columns) before rendering.
            assert output.strip("\n") == printed.expandtabs(4).strip("\n"), (
                f"{page} differs from a fresh run"
            )
        elif kind == "svg":
            assert printed.lstrip().startswith("<svg"), (
                f"{snippet} is shown as a figure on {page}"
            )
        else:
            assert output.strip(), f"{page} shows no output for {snippet}"


# Recordings of the version matrix (scripts/versions.py), one file per PyTorch release.
RECORDINGS = ROOT / "snippets" / "versions"
sys.path.insert(0, str(ROOT / "scripts"))
import versions  # noqa: E402


def _recordings() -> dict[str, dict]:
    return {
        path.stem.removeprefix("torch-"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(RECORDINGS.glob("torch-*.json"))
    }


def test_every_recording_has_its_provenance():
    recordings = _recordings()
    assert versions.PINNED in recordings
    for release, recording in recordings.items():
        assert release in versions.RELEASES, release
        assert recording["torch"] == release
        installed = [p for p in recording["packages"] if p.startswith("torch==")]
        assert installed and installed[0].split("==")[1].split("+")[0] == release
        assert recording["date"] and recording["platform"] and recording["machine"]
        assert set(recording["snippets"]) <= set(SNIPPETS), release
        for entry in recording["snippets"].values():
            assert entry["status"] in (
                "passed",
                "assertion failed",
                "raised",
                "not run",
            )


def test_the_pinned_recording_is_what_the_snippets_do_now(standalone):
    """Every fresh entry (the snippet unchanged since it was recorded) of the pinned
    release says what running the snippet alone says now: same status, same output."""
    pinned = _recordings()[versions.PINNED]["snippets"]
    fresh = 0
    for snippet, entry in pinned.items():
        if entry["key"] != versions.content_key(ROOT / "snippets" / snippet):
            continue  # edited since: stale, never shown as current
        fresh += 1
        run = standalone[snippet]
        assert (run["returncode"] == 0) == (entry["status"] == "passed"), snippet
        printed = hashlib.sha256(run["stdout"].encode()).hexdigest()
        assert entry["output_sha256"] == printed, f"{snippet}: output differs"
    print(
        f"{fresh}/{len(SNIPPETS)} snippets have a fresh recording of {versions.PINNED}"
    )
