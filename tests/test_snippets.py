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
# torch.compile compiles for seconds: 8-11 s alone on this machine, 16.4 s in a CI run
# beside the build (2026-12-03).
SLOW_SECONDS_FOR = {"save_load/compile_ddp_prefix.py": 40}


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
    limit = SLOW_SECONDS_FOR.get(snippet, SLOW_SECONDS)
    assert run["seconds"] < limit, f"snippets/{snippet} took {run['seconds']} s"


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
        assert release in versions.RELEASES or release in versions.BISECTION_RELEASES
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


def test_version_recordings_ran_the_paired_torchvision():
    """torchvision is the release's pair of RELEASES / BISECTION_RELEASES; where none was
    installed, every snippet that imports it is "not run", and only those."""
    pairs = {**versions.RELEASES, **versions.BISECTION_RELEASES}
    for release, recording in _recordings().items():
        vision = [p for p in recording["packages"] if p.startswith("torchvision==")]
        not_run = {
            name
            for name, entry in recording["snippets"].items()
            if entry["status"] == "not run"
        }
        if vision:
            assert vision == [f"torchvision=={pairs[release][0]}"], release
            assert not not_run, f"{release}: {sorted(not_run)}"
        else:
            assert not_run, f"torch {release}: no torchvision, yet every snippet ran"


def test_version_recording_entries_are_consistent():
    """A failure has its message and a pass none; a kept output is the one its digest
    names (an entry whose snippet changed since is stale: its key no longer matches,
    and the bisection and the pinned check skip it)."""
    for release, recording in _recordings().items():
        for snippet, entry in recording["snippets"].items():
            assert len(entry["key"]) == len(entry["output_sha256"]) == 64
            assert ("message" in entry) == (entry["status"] != "passed"), (
                release,
                snippet,
            )
            if entry.get("output") is not None:
                printed = hashlib.sha256(entry["output"].encode()).hexdigest()
                assert printed == entry["output_sha256"], (release, snippet)
        stale = [
            snippet
            for snippet in recording["snippets"]
            if versions.result(recording, snippet) is None
            and recording["snippets"][snippet]["status"] != "not run"
        ]
        if stale:
            print(f"torch {release}: {len(stale)} stale entries: {', '.join(stale)}")


def test_version_bisection_recordings_lie_between_two_releases():
    """A bisection recording says which two adjacent releases of RELEASES it lies
    strictly between; the other recordings say nothing of the kind."""
    recordings = _recordings()
    releases = list(versions.RELEASES)
    for release, recording in recordings.items():
        if release not in versions.BISECTION_RELEASES:
            assert "bisection" not in recording, release
            continue
        old, new = recording["bisection"]
        assert releases.index(new) == releases.index(old) + 1, release
        assert versions.version(old) < versions.version(release)
        assert versions.version(release) < versions.version(new)
        assert old in recordings and new in recordings, release


def test_version_differences_are_bisected():
    """Every fresh difference (status or output) between two adjacent recorded releases
    of RELEASES with a bisection release between them has a fresh entry for the snippet
    in at least one of those: `make versions BISECT=1` has run since."""
    recordings = _recordings()
    releases = list(versions.RELEASES)
    missing = []
    for old, new in zip(releases, releases[1:]):
        if old not in recordings or new not in recordings:
            continue
        between = [
            r
            for r in versions.BISECTION_RELEASES
            if versions.version(old) < versions.version(r) < versions.version(new)
        ]
        for snippet in recordings[old]["snippets"]:
            before = versions.result(recordings[old], snippet)
            after = versions.result(recordings[new], snippet)
            if None in (before, after) or before == after or not between:
                continue
            if not any(
                r in recordings and versions.result(recordings[r], snippet)
                for r in between
            ):
                missing.append(f"{snippet} ({old} -> {new})")
    assert not missing, "not bisected: " + "; ".join(missing)


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


def test_the_canary_names_the_snippets_that_changed():
    """scripts/versions.py --canary compares the newest release with the pinned one as
    changed_from_pinned does: here on recorded releases, where the answers are known
    (the cross-entropy message was reworded in 2.12; nothing differs from 2.13.0)."""

    def load(release: str) -> dict:
        return json.loads((RECORDINGS / f"torch-{release}.json").read_text())

    assert versions.changed_from_pinned(load("2.13.0")) == []
    older = versions.changed_from_pinned(load("2.11.0"))
    assert any(
        line.startswith(
            "  training/cross_entropy_logits.py: passed -> assertion failed"
        )
        for line in older
    ), older
