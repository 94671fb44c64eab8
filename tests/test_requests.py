"""A reader in mainland China must get complete pages with zero third-party requests:
record every request of every kind of page, in both languages, in a real Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import language_url

# One page of each type: home, chapter (figures, formulas), API index, notebook, 404.
PAGE_TYPES = [
    "",
    "shapes/",
    "pooling-normalize/",
    "api/",
    "notebooks/shapes/",
    "no-such-page/",
]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_third_party_requests(browser, server, language, path):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    requests, failures, errors = [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    url = language_url(server, language, path)
    response = page.goto(url, wait_until="networkidle")
    # The search box loads the index and its worker: part of every page type.
    page.click("label.md-search__icon, .md-search__input")
    page.locator("input.md-search__input").fill("torch")
    page.locator("input.md-search__input").press("End")
    page.wait_for_load_state("networkidle")
    context.close()

    own = urlsplit(server).netloc
    outside = [
        r for r in requests if urlsplit(r).scheme in ("http", "https", "ws", "wss")
    ]
    outside = [r for r in outside if urlsplit(r).netloc != own]
    assert not outside, f"{url} requested other hosts: {outside}"
    assert not failures, f"{url}: failed requests {failures}"
    if path == "no-such-page/":
        assert response.status == 404  # the server answers 404; the page is 404.html
    else:
        assert response.ok and not errors, f"{url}: console errors {errors}"
    assert len(requests) >= 3  # the page, its CSS and its JavaScript at least
