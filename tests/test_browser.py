"""What a reader does, in a real Chromium: open a page in each language, switch language,
search. Skips locally without Chromium; fails under CI (see conftest.browser)."""

from __future__ import annotations

import pytest

# (language, query, page the first results must include)
SEARCHES = [
    ("zh", "笔记", ""),
    ("zh", "升维", "shapes/"),
    ("zh", "拼接", "shapes/"),
    ("zh", "unsqueeze", "shapes/"),
    ("zh", "torch.stack", "shapes/"),
    ("zh", "ceil_mode", "pooling-normalize/"),
    ("en", "notes", ""),
    ("en", "unsqueeze", "shapes/"),
    ("en", "torch.stack", "shapes/"),
    ("en", "concatenate", "shapes/"),
    ("en", "ceil_mode", "pooling-normalize/"),
]
TOP = 3


@pytest.fixture
def page(browser):
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    yield tab
    context.close()


def _url(server: str, language: str, path: str = "") -> str:
    return server + ("" if language == "zh" else f"{language}/") + path


def search(tab, home: str, query: str) -> list[str]:
    """Type into the header search box; return the pages of the results, best first,
    relative to the language's home (anchors and ?h= dropped)."""
    tab.click("label.md-search__icon, .md-search__input")
    box = tab.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events; fill() alone sends none
    results = tab.locator(".md-search-result__list > li a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    links = [results.nth(i).get_attribute("href") for i in range(results.count())]
    return [link.split("?")[0].split("#")[0].removeprefix(home) for link in links]


@pytest.mark.parametrize(("language", "other"), [("zh", "en"), ("en", "zh")])
def test_language_switcher_keeps_the_page(page, server, language, other):
    page.goto(_url(server, language, "shapes/"))
    assert page.locator("html").get_attribute("lang") == language
    page.locator(f'a.md-select__link[hreflang="{other}"]').dispatch_event("click")
    page.wait_for_url(_url(server, other, "shapes/"))
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("div.exec").count() > 5


def test_figure_is_drawn(page, server):
    page.goto(_url(server, "zh", "shapes/"))
    figure = page.locator('div.exec svg[role="img"]').first
    box = figure.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 80


@pytest.mark.parametrize(("language", "query", "expected"), SEARCHES)
def test_search(page, server, language, query, expected):
    home = _url(server, language)
    page.goto(home)
    pages = search(page, home, query)
    assert expected in pages[:TOP], (
        f"{query!r} in {language}: top results {pages[:TOP]}"
    )
    if language == "zh":
        assert not any(page.startswith("en/") for page in pages), pages
