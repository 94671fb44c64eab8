"""The built site, audited by the tools a reviewer would run, against the local server:
Lighthouse, axe-core, the Nu HTML Checker and linkinator; actionlint and zizmor on the
GitHub workflows. The Node tools and the checker come from tests/audit/package.json
(`make test` installs them with npm ci)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LANGUAGES,
    ROOT,
    SITE,
    background,
    home,
    longest_chapter,
)

AUDIT = ROOT / "tests" / "audit"
NODE_BIN = AUDIT / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent


def tool(path: Path) -> str:
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test` (npm ci --prefix tests/audit)")
    return str(path)


def _root(language: str) -> str:
    return home(language)


# Lighthouse: mobile preset (its default). Accessibility, best practices and SEO must
# be 1.00 on every audited page.
#
# Performance: the preset slows the CPU down 4x, a factor meant for a host with a
# benchmarkIndex of about 1,500. This 2-core machine measures 750 to 2,050 within one day
# (Lighthouse itself warns below 1,000), and the same page scored 0.77 to 0.93 with it.
# As Lighthouse's docs/throttling.md ("CPU throttling") tells, the factor is calibrated
# to the host instead: each run gathers the page load once, and the benchmarkIndex that
# Lighthouse measured in that run sets the factor (Lighthouse's CPU throttling
# calculator, as PageSpeed Insights sets its own 1.2x), with which the load is audited.
# One run per page (a run takes about 25 s, and this suite must fit in CI's 15
# minutes); scores of one page vary by about ±0.03 between runs on this shared machine,
# so a score below 0.95 is reported as an expected failure that carries the score and
# the failing metrics, never as a pass. Below 0.80 in two runs the test fails: the
# calibrated scores of these pages ran from 0.86 to 0.99 in this suite's runs on a quiet
# machine, and the chapter scored 0.73 before its code blocks and colour toggle were
# made lighter.
# Most of that spread is one effect of the Chromium under test. Once a page keeps its
# main thread busy for more than a few frames, viz offers it a frame only once a second
# (Lighthouse issues #17148 and #17230), so the longest chapter's first paint is seen
# at about 1.2 s or 2.2 s, never earlier. Which one is a race: if Material's script
# is still downloading when the parser reaches it, the page is painted while it waits
# and that paint is shown at the first slow frame (1.2 s); if the script is there, it
# runs first and computes the whole page's style and layout inside its own task, with
# no paint; the paint then waits for the first slow frame and misses it (2.2 s).
# Lantern counts every request and task before the paint seen as blocking it, and the
# score drops by 0.03-0.08. Each result says when the paint was seen.

PERFORMANCE = 0.95
PERFORMANCE_FLOOR = 0.80
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = {"": "home", "chapter": "longest chapter", "api/": "API index"}


def cpu_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown under which this host emulates the preset's phone, from the
    calculator linked by Lighthouse's throttling docs
    (https://lighthouse-cpu-throttling-calculator.vercel.app/): 4x at 1,533."""
    if benchmark_index >= 1300:
        factor = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        factor = 2 + (benchmark_index - 800) / 500
    else:
        factor = 1 + (benchmark_index - 150) / 650
    return round(max(factor, 1.0), 2)


def _run_lighthouse(url: str, categories: list[str], *flags: str) -> str:
    result = subprocess.run(
        [
            tool(NODE_BIN / "lighthouse"),
            url,
            "--quiet",
            f"--only-categories={','.join(categories)}",
            # the screenshot of the whole page only illustrates a report (2.5 s on
            # the chapter); the screenshots that speed index measures stay
            "--disable-full-page-screenshot",
            *flags,
        ],
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def lighthouse(url: str, categories: list[str], folder: Path) -> dict:
    """One run: gather the page load (-G), then audit it (-A) with the CPU slowdown
    calibrated from that run's benchmarkIndex (settings must match between the two)."""
    chrome = "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)
    _run_lighthouse(url, categories, f"-G={folder}", chrome)
    artifacts_file = folder / "artifacts.json"
    artifacts = json.loads(artifacts_file.read_text())
    slowdown = cpu_slowdown(artifacts["BenchmarkIndex"])
    artifacts["settings"]["throttling"]["cpuSlowdownMultiplier"] = slowdown
    artifacts_file.write_text(json.dumps(artifacts))
    report = _run_lighthouse(
        url,
        categories,
        f"-A={folder}",
        f"--throttling.cpuSlowdownMultiplier={slowdown}",
        "--output=json",
        "--output-path=stdout",
    )
    return json.loads(report)


def failed_audits(report: dict, category: str) -> list[str]:
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            nodes = [i.get("node", {}).get("snippet", "") for i in items[:3]]
            shown = audit.get("displayValue", "")
            failed.append(f"{ref['id']} {shown}: {audit['title']} {nodes}")
    return failed


def performance(report: dict) -> str:
    """The score with the run's benchmarkIndex, CPU slowdown and the time the first
    paint was seen in the unthrottled load (see the comment above PERFORMANCE)."""
    score = report["categories"]["performance"]["score"]
    slowdown = report["configSettings"]["throttling"]["cpuSlowdownMultiplier"]
    benchmark = report["environment"]["benchmarkIndex"]
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    seen = metrics["observedFirstContentfulPaint"]
    return (
        f"{score} (benchmarkIndex {benchmark:.0f}, CPU {slowdown}x, "
        f"first paint seen at {seen} ms)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("which", PAGES)
def test_lighthouse(server, site, language, which, tmp_path, record_property):
    page = longest_chapter(site) if which == "chapter" else which
    url = f"{server}{_root(language)}{page}"
    report = lighthouse(url, ["performance", *CATEGORIES], tmp_path)
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        assert score == 1, (url, category, score, failed_audits(report, category))
    runs = [performance(report)]
    score = report["categories"]["performance"]["score"]
    if score < PERFORMANCE_FLOOR:
        # One slow moment of this shared machine (seen: 0.79 once, with TBT 870 ms) is
        # not a regression: a second run must confirm it.
        report = lighthouse(url, ["performance"], tmp_path / "again")
        runs.append(performance(report))
        score = report["categories"]["performance"]["score"]
        assert score >= PERFORMANCE_FLOOR, (
            url,
            runs,
            failed_audits(report, "performance"),
        )
    record_property("lighthouse", f"{url}: performance {', then '.join(runs)}")
    if score < PERFORMANCE:
        pytest.xfail(
            f"{url}: performance {performance(report)} < {PERFORMANCE}, "
            f"failing metrics: {failed_audits(report, 'performance')}"
        )


# axe-core in Chromium: every page of both languages in a 412 px wide window, with the
# theme's script running (conftest.phone_visits), no violation of any rule.


def test_axe_finds_no_violations(phone_visits):
    assert len(phone_visits) > 20
    problems = [
        f"{url}: {violation['id']} {[n['target'] for n in violation['nodes'][:3]]}"
        for url, visit in phone_visits.items()
        for violation in visit["violations"]
    ]
    assert not problems, "\n".join(problems)


# The Nu HTML Checker over every page. What it reports about markup that the theme's
# templates write (not this site's content) is listed here, each with its reason.

THEME_MARKUP = {
    r"Attribute “autocomplete” is only allowed when the input type is": (
        "Material's drawer and search toggles: autocomplete=off on checkboxes keeps "
        "Firefox from restoring them"
    ),
}
# mkdocs-jupyter pages: nbconvert's own template, its inline CSS and copy buttons.
NOTEBOOK_MARKUP = {
    r"^CSS: ": "nbconvert's inline JupyterLab stylesheet (vendor hacks, new syntax)",
    r"“aria-label” attribute must not be specified on any “clipboard-copy”": (
        "nbconvert's copy button element"
    ),
    r"A “style” element in “body” must be the first child": "nbconvert's cell styles",
    r"“for” attribute of the “label” element must be the ID of a non-hidden": (
        "nbconvert's hidden cell toggles"
    ),
}


@background(needs_site=True)
def checker_messages(scratch: Path) -> list[dict]:
    """What the Nu HTML Checker says about every page of the built site (it runs in
    the background: it needs no browser)."""
    java = subprocess.run(
        [
            "java",
            "-jar",
            tool(AUDIT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"),
            "--format",
            "json",
            "--skip-non-html",
            str(SITE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert java.returncode in (0, 1), java.stderr[-2000:]  # 1: it found errors
    return json.loads(java.stderr)["messages"]


def test_html_is_valid(site, checker_messages):
    errors = []
    for message in checker_messages:
        if message["type"] != "error":
            continue
        allowed = dict(THEME_MARKUP)
        if "/notebooks/" in message["url"]:
            allowed |= NOTEBOOK_MARKUP
        if not any(re.search(pattern, message["message"]) for pattern in allowed):
            where = message["url"].split(str(site))[-1]
            errors.append(f"{where}:{message.get('lastLine')}: {message['message']}")
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:50])


# linkinator: every internal link and #anchor, crawled from the home page.


def test_no_broken_internal_links(server):
    result = subprocess.run(
        [
            tool(NODE_BIN / "linkinator"),
            server,
            "--recurse",
            "--check-fragments",
            "--skip",
            f"^(?!{re.escape(server)})",  # other hosts: checked by nobody offline
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    links = json.loads(result.stdout)["links"]
    broken = [
        f"{link['url']} <- {link.get('parent')}"
        for link in links
        if link["state"] == "BROKEN"
    ]
    assert not broken, "\n".join(broken)
    assert result.returncode == 0, result.stderr[-2000:]
    checked = {link["url"] for link in links if link["state"] == "OK"}
    # both languages, notebooks and snippet files were reached, not just the home page
    for part in ("en/", "notebooks/", "snippets/", "api/"):
        assert any(f"{server}{part}" in url for url in checked), part


# GitHub workflows.


def test_workflows_pass_actionlint():
    result = subprocess.run(
        [tool(VENV_BIN / "actionlint"), "-color=false"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_zizmor():
    result = subprocess.run(
        [tool(VENV_BIN / "zizmor"), "--offline", "--no-progress", ".github/workflows"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("benchmark_index", "slowdown"),
    [
        (2000, 6.0),
        (1533, 4.0),
        (1300, 3.0),
        (1050, 2.5),
        (800, 2.0),
        (150, 1.0),
        (90, 1.0),
    ],
)
def test_cpu_slowdown_follows_lighthouses_calculator(benchmark_index, slowdown):
    assert cpu_slowdown(benchmark_index) == slowdown
