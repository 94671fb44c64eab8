"""Two clean builds of the same commit produce byte-identical sites: figures, search
indexes, sitemaps and their gzip headers, notebooks, footers. Dates come from
SOURCE_DATE_EPOCH, which the build sets to the last commit's time unless given."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import ROOT, background, mkdocs_build


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@background()
def second_build(scratch: Path) -> tuple[Path, str]:
    """A second clean build, in a fresh process (nothing cached in memory), made while
    the first one runs: (site folder, error log or "")."""
    result = mkdocs_build(ROOT, scratch / "site")
    return scratch / "site", result.stderr if result.returncode else ""


def test_two_clean_builds_are_byte_identical(site, second_build):
    second, errors = second_build
    assert not errors, errors
    first, again = digests(site), digests(second)
    assert first.keys() == again.keys(), sorted(first.keys() ^ again.keys())
    differing = sorted(name for name in first if first[name] != again[name])
    assert not differing, f"{len(differing)} files differ between builds: {differing}"
    assert len(first) > 100  # the whole site was compared, not an empty folder
