"""Shared fixtures: one strict build of the whole site per test session, served over HTTP
on 127.0.0.1, and one headless Chromium; jobs that run in the background beside the tests,
and the order the tests run in."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from notes.languages import CONFIG_FILES, DEFAULT_LANGUAGE, home  # noqa: E402

LANGUAGES = (
    DEFAULT_LANGUAGE,
    *(lang for lang in CONFIG_FILES if lang != DEFAULT_LANGUAGE),
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MKDOCS = [sys.executable, "-m", "mkdocs"]
SITE = ROOT / "site"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site is built for the address the test server will have, as a deploy builds it
# for its host: canonical and hreflang URLs, and the sitemaps Material's JavaScript
# fetches from them, then point at the server the tests use.
PORT = _free_port()
SITE_URL = f"http://127.0.0.1:{PORT}/"
BUILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
BUILD_ENV.pop("NOTES_CACHE", None)  # the tests build from scratch: every snippet runs


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """Strict build of `project` (both languages) into `site`; never raises."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


# Background jobs. The work that needs no browser (the second clean build, every snippet
# run alone, the fault builds, the Nu HTML Checker, the executed notebooks) runs on two
# worker threads beside the build and the browser tests, so that both cores of this
# machine stay busy until Lighthouse (sampled: 99-100 %; the suite took 536 s instead of
# 703 s). The tests that await a job run after all the others, and Lighthouse, which
# times page loads, runs last, when the workers are done (pytest_collection_modifyitems).

_JOBS: dict[str, tuple[Callable[[Path], object], bool]] = {}
_workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="background")
_started: dict[str, Future] = {}


def background(*, needs_site: bool = False):
    """Turns `job(scratch: Path)` into a session fixture of the same name whose value
    a worker computes: started when the site's build starts (with needs_site, once it
    is done) and awaited by the first test that asks for it."""

    def decorate(job: Callable[[Path], object]):
        _JOBS[job.__name__] = (job, needs_site)

        @pytest.fixture(scope="session", name=job.__name__)
        def awaited(request, tmp_path_factory):
            if needs_site:
                request.getfixturevalue("site")
            _start(tmp_path_factory, needs_site)  # when no build started it
            return _started[job.__name__].result()

        return awaited

    return decorate


def _start(tmp_path_factory, needs_site: bool) -> None:
    # Folders are made here, in the tests' thread: tmp_path_factory is not thread-safe
    # (two threads creating its base folder at once made two).
    for name, (job, job_needs_site) in _JOBS.items():
        if job_needs_site == needs_site and name not in _started:
            _started[name] = _workers.submit(job, tmp_path_factory.mktemp(name))


def pytest_collection_modifyitems(items):
    """The tests that await a background job after the others; Lighthouse last."""

    def order(item) -> int:
        if getattr(item, "originalname", "") == "test_lighthouse":
            return 2
        return 1 if _JOBS.keys() & set(item.fixturenames) else 0

    items.sort(key=order)  # stable: each group keeps its order


def pytest_sessionfinish():
    _workers.shutdown(cancel_futures=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The strict build of the site, into site/ as `make build` does (so CI publishes
    what it tested, without a second build): site/ is Chinese, site/en/ English. The
    background jobs start beside it."""
    _start(tmp_path_factory, needs_site=False)
    result = mkdocs_build(ROOT, SITE)
    assert result.returncode == 0, (
        f"strict build failed:\n{result.stdout}\n{result.stderr}"
    )
    _start(tmp_path_factory, needs_site=True)
    return SITE


@functools.cache
def parsed(page: Path) -> BeautifulSoup:
    """A built page, parsed once per session: the tests only read it, and parsing the
    site's 15 MB of HTML takes 6 s here."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def language_url(server: str, language: str, path: str = "") -> str:
    """A page of `language` on the test server: the build's rule (notes.languages)."""
    return server + home(language) + path


def language_dir(site: Path, language: str) -> Path:
    """The folder of `language` in the built site."""
    return site / home(language)


def page_files(site: Path, language: str) -> set[str]:
    """HTML pages of one language, relative to that language's root."""
    root = language_dir(site, language)
    pages = set()
    for path in root.rglob("*.html"):
        relative = path.relative_to(root)
        if language == LANGUAGES[0] and relative.parts[0] in LANGUAGES[1:]:
            continue
        pages.add(relative.as_posix())
    return pages


def longest_chapter(site: Path) -> str:
    """The chapter page with the most elements: the heaviest page a reader opens."""
    chapters = [
        page
        for page in page_files(site, LANGUAGES[0])
        if page.count("/") == 1 and page.split("/")[0] not in ("api", "notebooks")
    ]
    size = {page: len(parsed(site / page).find_all()) for page in chapters}
    return max(size, key=size.get).removesuffix("index.html")


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site like GitHub Pages: text compressed with gzip for clients that
    accept it, cached for 10 minutes, and the root 404.html for a missing path."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".py", ".ipynb"}
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and link checkers expect

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in self.COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def server(site) -> str:
    """Base URL of a static server for the built site, on the port it was built for."""
    handler = functools.partial(_PagesHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium. Skips locally without it; under CI (CI=true) a missing
    browser is a failure, never a skip."""
    missing = not CHROMIUM.exists() or shutil.which("chromium") is None
    if missing:
        message = "Chromium not found at /usr/bin/chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — required under CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
        )
        yield chromium
        chromium.close()


# One visit of every page in a phone-wide window, shared by two checks: axe-core finds no
# violation (test_audit.py) and no page is wider than the screen (test_browser.py). The
# window is 412 px wide without mobile emulation, where axe-core has always run: under
# emulation Material leaves the first code block of some pages without the tabindex it
# gives every overflowing block, and axe-core reports that block.

AXE = ROOT / "tests" / "audit" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {
    "viewport": {"width": 412, "height": 823},
    "is_mobile": True,
    "has_touch": True,
}


def _visit(urls: list[str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    visits = {}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        page = chromium.new_page(viewport=PHONE["viewport"])
        for url in urls:
            page.goto(url, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            visits[url] = {"width": width, "violations": result["violations"]}
        chromium.close()
    return visits


@pytest.fixture(scope="session")
def phone_visits(browser, server, site) -> dict[str, dict]:
    """Every page of both languages, loaded 412 px wide with the theme's script running:
    url -> {"width": the page's width, "violations": what axe-core found}. Two
    browsers share the pages, one per core: axe takes seconds on a long page."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (npm ci --prefix tests/audit)")
    urls = sorted(
        language_url(server, language, url)
        for language in LANGUAGES
        for url in (
            name.removesuffix("index.html") for name in page_files(site, language)
        )
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        halves = pool.map(_visit, [urls[0::2], urls[1::2]])
    return {url: visit for half in halves for url, visit in half.items()}


def pytest_terminal_summary(terminalreporter):
    """Every Lighthouse performance score, passed or not (tests/test_audit.py)."""
    lines = [
        value
        for outcome in ("passed", "xfailed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        for name, value in getattr(report, "user_properties", [])
        if name == "lighthouse"
    ]
    if lines:
        terminalreporter.section("Lighthouse")
        for line in lines:
            terminalreporter.write_line(line)
