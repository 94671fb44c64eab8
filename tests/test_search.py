"""Site search in a real Chromium, per language: a query for an API in any common spelling,
or for a topic word, puts the section that answers it in the top 3 results.

"In the top 3" means what a reader sees in the result list, in display order:
Material groups the results by page (`li.md-search-result__item`); a group shows the page
link, then the page's best sections (those that score at least half the best:
scripts/notes/search_worker.js, notesShow), and folds the rest under "N more on this page" (a
closed <details>). A *result* is a visible section link, or the page link of a group that
shows no section of its own; folded sections are not results. An expected section (page
path + heading anchor) must be one of the first 3 results; an expected chapter (a bare
page path) is found when one of the first 3 results is on it, since the chapter's link
heads that result's group. The queries live in tests/search_queries.tsv; `test_hit_rate`
reports the top-1 and top-3 rates per language and per kind of query, prints every miss
with what came first instead, and fails below the floors (MIN_TOP1, MIN_TOP3).

Skips locally without Chromium; fails under CI (see conftest.browser).
"""

from __future__ import annotations

import urllib.parse
from collections import Counter
from pathlib import Path

import pytest
from conftest import LANGUAGES, PHONE, language_dir, language_url
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TOP = 3
# Floors under the rates measured on 2026-12-03 (top-1 / top-3: zh 94.2 % / 98.2 %,
# en 95.0 % / 99.2 %; 90.2 / 96.0 and 92.7 / 97.7 before the glossary's synonyms were
# written by a reader who never saw these queries), so that a change that loses ground
# fails. The search issue's targets: 85 % top-1 and 98 % top-3 in each language.
MIN_TOP1 = 0.93
MIN_TOP3 = 0.98


def _queries() -> list[tuple[str, str, str, str]]:
    """(language, query, expected "page/#anchor" relative to the language's home, kind)
    from tests/search_queries.tsv."""
    rows = []
    path = Path(__file__).with_name("search_queries.tsv")
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            assert len(fields) == 4, f"{path}:{number}: expected 4 tab-separated fields"
            rows.append(tuple(fields))
    return rows


QUERIES = _queries()

CHAPTERS = (
    "shapes",
    "operations",
    "pooling-normalize",
    "visualization",
    "image-formats",
    "gpu",
    "training",
    "save-load",
    "model-internals",
)

_LINK = ".md-search-result__list > li a.md-search-result__link"

# Per result group: its visible section links, or its page link when it shows none.
# Links inside the folded "N more on this page" <details> are left out.
_RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item')]
  .flatMap(group => {
    const links = [...group.querySelectorAll(':scope > a.md-search-result__link')]
      .map(a => a.getAttribute('href'));
    const sections = links.filter(href => href.includes('#'));
    return sections.length ? sections : links.slice(0, 1);
  })"""


def _home(server: str, language: str) -> str:
    return language_url(server, language)


def _relative(href: str, home: str) -> str:
    """'http://127.0.0.1:PORT/en/shapes/?h=x#anchor' -> 'shapes/#anchor' (decoded)."""
    parts = urllib.parse.urlsplit(urllib.parse.urljoin(home, href))
    path = urllib.parse.unquote(parts.path).removeprefix(
        urllib.parse.urlsplit(home).path
    )
    fragment = urllib.parse.unquote(parts.fragment)
    return path + (f"#{fragment}" if fragment else "")


class _SearchBox:
    """One browser tab on a language's home page, reused for every query of it."""

    def __init__(self, browser, home: str):
        self.home = home
        self.context = browser.new_context(service_workers="block")
        self.tab = self.context.new_page()
        self.tab.goto(home)
        self.tab.click("label.md-search__icon, .md-search__input")
        self.box = self.tab.locator("input.md-search__input")

    def results(self, query: str) -> list[str]:
        """The results of `query`, in display order, as 'page/#anchor'."""
        # Empty the box first and wait for the list to empty, so that the list read
        # below is the one for `query`, not the previous query's.
        self._type("")
        self.tab.wait_for_function(
            "() => !document.querySelector('.md-search-result__list > li')",
            timeout=15_000,
        )
        self._type(query)
        try:
            self.tab.locator(_LINK).first.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            return []  # no result at all
        return [_relative(href, self.home) for href in self.tab.evaluate(_RESULTS_JS)]

    def _type(self, text: str):
        self.box.fill(text)
        # Material searches on key events; fill() alone sends none.
        self.box.press("End")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def search(browser, server):
    """search(language, query) -> results in display order, cached per query."""
    boxes: dict[str, _SearchBox] = {}
    cache: dict[tuple[str, str], list[str]] = {}

    def run(language: str, query: str) -> list[str]:
        if (language, query) not in cache:
            if language not in boxes:
                boxes[language] = _SearchBox(browser, _home(server, language))
            cache[language, query] = boxes[language].results(query)
        return cache[language, query]

    yield run
    for box in boxes.values():
        box.close()


def test_the_list_covers_every_chapter_in_both_languages():
    for language in LANGUAGES:
        queries = [q for q in QUERIES if q[0] == language]
        assert len(queries) >= 120, (language, len(queries))
        pages = {expected.split("/")[0] for _, _, expected, _ in queries}
        assert set(CHAPTERS) <= pages, (language, set(CHAPTERS) - pages)


def test_expected_sections_exist(site):
    """A renamed heading fails here, naming the anchor, rather than as a search miss."""
    for language, query, expected, _ in QUERIES:
        root = language_dir(site, language)
        page, _, anchor = expected.partition("#")
        html = (root / page / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert f'id="{anchor}"' in html, (
                f"{language} {query!r}: no #{anchor} on {page}"
            )


def _found(expected: str, results: list[str], top: int) -> bool:
    """A section is found when it is one of the first `top` results; a chapter (a bare
    page path) when one of them is on it: its group is headed by the page's link."""
    pages = [result.partition("#")[0] for result in results[:top]]
    return expected in results[:top] or ("#" not in expected and expected in pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hit_rate(search, language, capsys):
    """Every query of a language in the real search box: the top-1 and top-3 rates,
    overall and per kind of query, and every miss with what came first instead."""
    queries = [(q, e, k) for lang, q, e, k in QUERIES if lang == language]
    top1, top3, misses = Counter(), Counter(), []
    kinds = Counter(kind for _, _, kind in queries)
    for query, expected, kind in queries:
        results = search(language, query)
        top1[kind] += _found(expected, results, 1)
        top3[kind] += _found(expected, results, TOP)
        if not _found(expected, results, TOP):
            misses.append(
                f"  {kind}: {query!r}: expected {expected}, got {results[:TOP]}"
            )
    n = len(queries)
    rate1, rate3 = sum(top1.values()) / n, sum(top3.values()) / n
    lines = [f"{language}: {n} queries, top-1 {rate1:.1%}, top-{TOP} {rate3:.1%}"]
    lines += [
        f"  {kind}: {top1[kind]}/{count} top-1, {top3[kind]}/{count} top-{TOP}"
        for kind, count in sorted(kinds.items())
    ]
    with capsys.disabled():
        print("\n" + "\n".join([*lines, *misses]))
    assert rate1 >= MIN_TOP1 and rate3 >= MIN_TOP3, "\n".join([*lines, *misses])


def test_the_index_loads_when_the_reader_searches(browser, server):
    """The search index and the sitemaps wait for the search (docs/overrides/main.html):
    a phone opening a chapter requests neither; opening the search requests the index
    and finds results, and the result opens with the query highlighted (?h=), for
    which the index is requested as that page loads."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    lazy = []
    page.on(
        "request",
        lambda request: (
            lazy.append(request.url.removeprefix(server))
            if request.url.endswith(("/search_index.json", "/sitemap.xml"))
            else None
        ),
    )
    page.goto(server + "pooling-normalize/", wait_until="networkidle")
    assert lazy == []
    page.click("label.md-header__button[for='__search']")
    page.keyboard.type("normalize")
    page.locator(_LINK).first.click()
    page.wait_for_url("**/pooling-normalize/?h=normalize*")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert lazy.count("search/search_index.json") == 2, lazy
    context.close()
