"""Checks on the built HTML: no error text anywhere, the two languages mirror each other,
every page links to its counterpart, and nothing is loaded from another host."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGES, SITE_URL, language_dir, page_files, parsed

ERROR_TEXT = re.compile(
    r"Traceback \(most recent call last\)|exec-error|markdown-exec: |Error reading page"
)
HAN = re.compile(r"[\u4e00-\u9fff]")


def _root(site: Path, language: str) -> Path:
    return language_dir(site, language)


def _soup(site: Path, language: str, page: str) -> BeautifulSoup:
    return parsed(_root(site, language) / page)


def _content_pages(site: Path, language: str) -> list[str]:
    return sorted(p for p in page_files(site, language) if p != "404.html")


def test_same_pages_in_every_language(site):
    zh, en = (page_files(site, language) for language in LANGUAGES)
    assert zh == en
    assert len(_content_pages(site, "zh")) >= 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_error_text_on_any_page(site, language):
    for page in page_files(site, language):
        text = (_root(site, language) / page).read_text(encoding="utf-8")
        match = ERROR_TEXT.search(text)
        assert match is None, f"{language}/{page} contains {match[0]!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_lang_and_counterparts(site, language):
    """<html lang> is right, and the switcher and hreflang links point at the same page."""
    for page in _content_pages(site, language):
        soup = _soup(site, language, page)
        assert soup.html["lang"] == language, page
        url = f"http://site/{'' if language == LANGUAGES[0] else language + '/'}{page}"
        switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        homes = {
            x["hreflang"]: x["href"]
            for x in soup.select('link[rel="alternate"][hreflang]')
        }
        assert set(switcher) == set(homes) == set(LANGUAGES), page
        # absolute (hreflang requires it) on the built site_url; Material fetches the
        # sitemap.xml next to each
        assert homes == {"zh": SITE_URL, "en": SITE_URL + "en/"}, page
        for other, href in switcher.items():
            target = urlsplit(urljoin(url, href)).path.lstrip("/")
            expected = ("" if other == LANGUAGES[0] else other + "/") + page
            assert (
                target + ("index.html" if target.endswith("/") or not target else "")
                == expected
            )


def test_same_snippets_in_every_language(site):
    for page in _content_pages(site, "zh"):
        runs = [
            [
                block["data-snippet"]
                for block in _soup(site, language, page).select("div.exec")
            ]
            for language in LANGUAGES
        ]
        assert runs[0] == runs[1], page


def test_figures_have_alt_text_in_the_page_language(site):
    for language in LANGUAGES:
        for page in _content_pages(site, language):
            for svg in _soup(site, language, page).select("div.exec svg[role]"):
                label = svg.get("aria-label", "")
                assert label, f"{language}/{page}: a figure has no alt text"
                assert bool(HAN.search(label)) == (language == "zh"), (
                    f"{language}/{page}: {label}"
                )


def test_outputs_in_two_languages_keep_the_page_language(site):
    """A snippet that prints a table per language (div.notes-lang) shows the page's."""
    shown = {}
    for language in LANGUAGES:
        for page in _content_pages(site, language):
            for div in _soup(site, language, page).select("div.notes-lang"):
                assert div["lang"] == language, (
                    f"{language}/{page}: {div['lang']} table"
                )
                shown[language] = shown.get(language, 0) + 1
    assert shown["zh"] == shown["en"] > 0, shown


def test_no_third_party_resources(site):
    """Scripts, styles, images, fonts and frames all come from the site itself."""
    for language in LANGUAGES:
        for page in page_files(site, language):
            soup = _soup(site, language, page)
            for tag in soup.find_all(
                ["script", "link", "img", "iframe", "source", "image"]
            ):
                if tag.name == "link" and tag.get("rel") in (
                    ["alternate"],
                    ["canonical"],
                ):
                    continue
                for attribute in ("src", "href", "xlink:href"):
                    value = tag.get(attribute, "")
                    assert not re.match(r"(https?:)?//", value), (
                        f"{language}/{page}: {tag}"
                    )
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css.read_text()), css


def test_search_index_per_language(site):
    """Each language has its own index holding only its own pages."""
    indexes = {
        language: json.loads(
            (_root(site, language) / "search/search_index.json").read_text()
        )
        for language in LANGUAGES
    }
    zh_text = " ".join(doc["text"] + doc["title"] for doc in indexes["zh"]["docs"])
    en_docs = indexes["en"]["docs"]
    assert "升维" in zh_text.replace("\u200b", "")
    assert indexes["zh"]["config"]["lang"] == ["zh"]
    assert indexes["en"]["config"]["lang"] == ["en"]
    assert not any(doc["location"].startswith("en/") for doc in indexes["zh"]["docs"])
    titles = [
        doc["title"]
        for doc in en_docs
        if "#" not in doc["location"] and doc["location"]
    ]
    assert titles and not any(HAN.search(title) for title in titles), titles
    # the page footer (build environment, notebook links) is chrome, not an answer
    footers = [d["location"] for d in en_docs if "produced with" in d["text"]]
    assert not footers, footers


def test_every_page_has_its_own_description(site):
    """Search engines show it: each page says what it is about, not the site's tagline."""
    for language in LANGUAGES:
        pages = _content_pages(site, language)
        descriptions = {}
        for page in pages:
            meta = _soup(site, language, page).select_one('meta[name="description"]')
            assert meta and len(meta["content"]) > 40, f"{language}/{page}"
            descriptions[page] = meta["content"]
        chapters = [page for page in pages if not page.startswith("notebooks/")]
        assert len({descriptions[page] for page in chapters}) == len(chapters), (
            descriptions
        )


def test_every_block_says_on_which_releases_it_holds(site):
    """Under each executed block, one line of the version matrix (matrix.py): the
    releases on which its checks hold, in the page's language, or that it was checked
    on this build only."""
    for language in LANGUAGES:
        for page in _content_pages(site, language):
            for block in _soup(site, language, page).select("div.exec"):
                lines = block.select(".exec-versions")
                where = f"{language}/{page} {block['data-snippet']}"
                assert len(lines) == 1, where
                assert "PyTorch" in lines[0].get_text(" "), where


def test_the_changes_across_releases_are_a_page_in_nav_and_search(site):
    for language in LANGUAGES:
        root = _root(site, language)
        changes = parsed(root / "versions" / "index.html")
        assert changes.select("table.versions-change"), language
        home = parsed(root / "index.html")
        assert home.select_one('nav a[href$="versions/"]'), language
        index = json.loads((root / "search/search_index.json").read_text())
        assert any(d["location"] == "versions/" for d in index["docs"]), language
