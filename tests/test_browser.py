"""What a reader does, in a real Chromium: open a page in each language, switch language,
look at a figure, read on a phone (searching is in test_search.py). Skips locally
without Chromium; fails under CI (see conftest.browser)."""

from __future__ import annotations

import json
import time

import pytest
from conftest import LANGUAGES, PHONE, language_url, longest_chapter, page_files


@pytest.fixture
def page(browser):
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    yield tab
    context.close()


def _url(server: str, language: str, path: str = "") -> str:
    return language_url(server, language, path)


@pytest.mark.parametrize(("language", "other"), [("zh", "en"), ("en", "zh")])
def test_language_switcher_keeps_the_page(browser, server, language, other):
    # Material's JavaScript once rewrote this link to the other language's home page,
    # depending on whether its sitemap fetch had finished (see
    # docs/overrides/partials/alternate.html): a few tries, after the network is idle.
    for _ in range(3):
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(_url(server, language, "shapes/"), wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == language
        page.locator(f'a.md-select__link[hreflang="{other}"]').dispatch_event("click")
        page.wait_for_url(_url(server, other, "shapes/"))
        assert page.locator("html").get_attribute("lang") == other
        assert page.locator("div.exec").count() > 5
        context.close()


def test_figure_is_drawn(page, server):
    page.goto(_url(server, "zh", "shapes/"))
    figure = page.locator('div.exec svg[role="img"]').first
    box = figure.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 80


@pytest.mark.parametrize(
    ("system", "first", "second"),
    [
        ("light", "default", "slate"),
        ("dark", "slate", "default"),
    ],
)
def test_colour_scheme_follows_the_system_and_the_toggle(
    browser, server, system, first, second
):
    """The scheme is the system's when no choice is stored; the toggle (notes.js, not
    Material's palette component) switches it, by mouse or by Enter, and the choice holds
    on the next page."""
    context = browser.new_context(service_workers="block", color_scheme=system)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def scheme() -> str:
        return page.locator("body").get_attribute("data-md-color-scheme")

    page.goto(_url(server, "zh", "shapes/"))
    assert scheme() == first
    toggle = page.locator("[data-notes-palette] label:visible")
    assert toggle.count() == 1
    toggle.click()
    assert scheme() == second
    page.goto(_url(server, "zh", "operations/"))
    assert scheme() == second
    page.locator("[data-notes-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert scheme() == first
    assert not errors
    context.close()


def test_every_page_fits_a_phone_screen(phone_visits):
    """No page is wider than a 412 px phone screen, which would make Chrome zoom the
    page out (the API index's longest name once made its page 140 px too wide)."""
    too_wide = {url: v["width"] for url, v in phone_visits.items() if v["width"] > 412}
    assert len(phone_visits) > 20
    assert not too_wide, too_wide


def test_every_page_fits_a_phone_screen_without_javascript(browser, server, site):
    """The same without JavaScript, where Material's stylesheet hides the search button
    (html.no-js): the language menu, hidden but laid out, once reached 16 px past the
    screen in that state."""
    context = browser.new_context(
        service_workers="block", java_script_enabled=False, **PHONE
    )
    page = context.new_page()
    too_wide = {}
    for language in LANGUAGES:
        for name in sorted(page_files(site, language)):
            url = _url(server, language, name.removesuffix("index.html"))
            page.goto(url, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 412:
                too_wide[url] = width
    context.close()
    assert not too_wide, too_wide


def test_the_theme_script_restyles_little_of_the_longest_chapter(browser, server, site):
    """Once the whole page has its style, the theme's start-up restyles only a little
    of it (a phone pays for every element restyled). Material's table wrapper, put
    among the article's children, once restyled 1,842 elements, nearly all of the
    chapter; each table now sits in a box of its own (scripts/notes/). Its
    focus-visible class on <html> restyled 2,172 (docs/overrides/main.html). The theme's
    script arrives half a second late here, so that the page is parsed and styled
    before it starts, and every recalculation after that is the script's doing."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()

    def late(route):
        time.sleep(0.5)
        route.continue_()

    page.route("**/assets/javascripts/bundle.*.min.js", late)
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.goto(_url(server, "zh", longest_chapter(site)), wait_until="load")
    page.wait_for_timeout(1000)  # the code blocks on screen are set up after a frame
    events = json.loads(browser.stop_tracing())["traceEvents"]
    total = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    events = sorted((event for event in events if "ts" in event), key=lambda e: e["ts"])
    start = next(
        event["ts"]
        for event in events
        if event.get("name") == "EvaluateScript"
        and "/bundle." in event["args"].get("data", {}).get("url", "")
    )
    restyled = [
        (event["ts"] >= start, event["args"]["elementCount"])
        for event in events
        if event.get("name") == "UpdateLayoutTree" and "elementCount" in event["args"]
    ]
    before = sum(count for late, count in restyled if not late)
    after = [count for late, count in restyled if late]
    assert before >= 0.95 * total, (
        "the page was not styled before the script",
        total,
        restyled,
    )
    assert max(after, default=0) < total / 4, (total, after)
