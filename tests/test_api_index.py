"""The API index is derived from the code: compare it with a plain reading of the snippets,
and check that every link on it and to it lands on something that exists."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, language_dir, page_files, parsed

SNIPPETS = {
    path.relative_to(ROOT / "snippets").as_posix(): path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "snippets").rglob("*.py"))
}
# A plain textual reading, independent of scripts/api_index.py: qualified calls written
# with the project's usual import names.
ALIASES = {
    "torch": "torch",
    "nn": "torch.nn",
    "F": "torch.nn.functional",
    "torchvision": "torchvision",
}
QUALIFIED_CALL = re.compile(r"(?<![\w.])(torch|nn|F|torchvision)((?:\.\w+)+)\(")


def _root(site: Path, language: str) -> Path:
    return language_dir(site, language)


def _index(site: Path, language: str) -> BeautifulSoup:
    return parsed(_root(site, language) / "api/index.html")


def _written_calls() -> dict[str, set[str]]:
    calls: dict[str, set[str]] = {}
    for name, source in SNIPPETS.items():
        imports = set(re.findall(r"^import (torch|torchvision)\b", source, re.M))
        if re.search(r"^import torch\.nn as nn$|^from torch import nn$", source, re.M):
            imports.add("nn")
        if re.search(r"^import torch\.nn\.functional as F$", source, re.M):
            imports.add("F")
        for alias, rest in QUALIFIED_CALL.findall(source):
            if alias in imports and not any(p.startswith("_") for p in rest.split(".")):
                calls.setdefault(ALIASES[alias] + rest, set()).add(name)
    return calls


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_lists_every_qualified_call(site, language):
    listed = {row["id"] for row in _index(site, language).select("tr[id]")}
    written = _written_calls()
    assert len(written) > 50
    # A few written names are aliases the index lists under their public home.
    missing = {
        api: sorted(where) for api, where in written.items() if api not in listed
    }
    assert not missing, (
        f"called in snippets but not in the {language} API index: {missing}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_listed_api_is_in_the_code(site, language):
    code = "\n".join(SNIPPETS.values())
    for row in _index(site, language).select("tr[id]"):
        name = row["id"].rsplit(".", 1)[-1]
        assert re.search(rf"\b{re.escape(name)}\b", code), (
            f"{row['id']} appears in no snippet"
        )
        doc = row.select_one("td a")["href"]
        assert doc.startswith("https://docs.pytorch.org/"), doc


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_from_and_to_the_index_resolve(site, language):
    root = _root(site, language)
    ids: dict[str, set[str]] = {}

    def anchors(page: str) -> set[str]:
        if page not in ids:
            soup = parsed(root / page)
            ids[page] = {tag["id"] for tag in soup.select("[id]")}
        return ids[page]

    def target(page: str, href: str) -> tuple[str, str]:
        url = urlsplit(urljoin(f"http://site/{page}", href))
        path = url.path.lstrip("/")
        return (
            path + "index.html" if path.endswith("/") or not path else path
        ), url.fragment

    links = 0
    for row in _index(site, language).select("tr[id]"):
        for link in row.select("td:nth-of-type(2) a"):
            page, fragment = target("api/index.html", link["href"])
            assert fragment in anchors(page), (
                f"{link['href']} from the {language} index"
            )
            links += 1
    for page in page_files(site, language):
        soup = parsed(root / page)
        for link in soup.select("p.exec-apis a"):
            if link["href"].endswith(".py"):  # the block's source file, published as is
                source = site / link["href"].lstrip("/")
                assert source.read_text("utf-8") == (ROOT / link.get_text()).read_text(
                    "utf-8"
                )
                continue
            index, fragment = target(page, link["href"])
            assert index == "api/index.html" and fragment in anchors(index), (
                page,
                link,
            )
            links += 1
    assert links > 100
