"""Shared fixtures: one strict build of the whole site per test session, served over HTTP
on 127.0.0.1, and one headless Chromium."""

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
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MKDOCS = [sys.executable, "-m", "mkdocs"]


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


@pytest.fixture(scope="session")
def site() -> Path:
    """The strict build of the site, into site/ as `make build` does (so CI publishes
    what it tested, without a second build): site/ is Chinese, site/en/ English."""
    target = ROOT / "site"
    result = mkdocs_build(ROOT, target)
    assert result.returncode == 0, (
        f"strict build failed:\n{result.stdout}\n{result.stderr}"
    )
    return target


def page_files(site: Path, language: str) -> set[str]:
    """HTML pages of one language, relative to that language's root."""
    root = site if language == LANGUAGES[0] else site / language
    pages = set()
    for path in root.rglob("*.html"):
        relative = path.relative_to(root)
        if language == LANGUAGES[0] and relative.parts[0] in LANGUAGES[1:]:
            continue
        pages.add(relative.as_posix())
    return pages


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
