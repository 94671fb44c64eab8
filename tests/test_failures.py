"""Fault injection: each fault, put into a small copy of the project, must stop the strict
build with a message naming the file (and the line / block where there is one)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

PAGE = """# {title}

Text.

```python exec="1" id="hello"
--8<-- "demo/hello.py"
```
"""
FENCE_LINE = 5  # the line of the fence above, in docs/<lang>/page.md
HELLO = "total = 1 + 1\nprint(total)\nassert total == 2\n"


def make_project(root: Path) -> Path:
    """The real build code, config and theme, with two tiny pages per language."""
    shutil.copytree(
        ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "docs" / "overrides", root / "docs" / "overrides")
    navs = {"mkdocs.yml": ("首页", "页面"), "mkdocs.en.yml": ("Home", "Page")}
    for config, (home, page) in navs.items():
        text = (ROOT / config).read_text(encoding="utf-8")
        text = text[: text.index("\nnav:\n")]
        (root / config).write_text(
            f"{text}\nnav:\n  - {home}: index.md\n  - {page}: page.md\n  - API: api.md\n"
        )
        language = "zh" if config == "mkdocs.yml" else "en"
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "index.md").write_text(
            f"# {home}\n\n[{page}](page.md)\n"
        )
        (root / "docs" / language / "page.md").write_text(PAGE.format(title=page))
    (root / "snippets" / "demo").mkdir(parents=True)
    (root / "snippets" / "demo" / "hello.py").write_text(HELLO)
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def build_fails(project: Path, *expected: str) -> str:
    result = mkdocs_build(project, project / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{log}"
    for text in expected:
        assert text in log, f"{text!r} not in the build log:\n{log}"
    return log


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_unbroken_copy_builds(project):
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "page" / "index.html").exists()
    assert (project / "site" / "en" / "page" / "index.html").exists()


def test_snippet_that_raises(project):
    (project / "snippets/demo/hello.py").write_text(
        "total = 1 + 1\nraise ValueError('boom')\n"
    )
    build_fails(
        project,
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello' (snippets/demo/hello.py) raised",
        'snippets/demo/hello.py", line 2',
        "ValueError: boom",
    )


def test_claim_that_no_longer_holds(project):
    edit(
        project / "snippets/demo/hello.py",
        "total == 2",
        "total == 3, 'arithmetic changed'",
    )
    build_fails(
        project, f"docs/zh/page.md:{FENCE_LINE}", "AssertionError: arithmetic changed"
    )


def test_missing_include(project):
    for language in ("zh", "en"):
        edit(project / f"docs/{language}/page.md", "demo/hello.py", "demo/gone.py")
    build_fails(
        project,
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello' includes snippets/demo/gone.py, which does not exist",
    )


def test_executed_fence_without_id(project):
    edit(project / "docs/zh/page.md", ' id="hello"', "")
    build_fails(project, f"docs/zh/page.md:{FENCE_LINE}: executed fence has no id")


def test_languages_run_different_snippets(project):
    (project / "snippets/demo/other.py").write_text("print(2)\n")
    edit(project / "docs/en/page.md", "demo/hello.py", "demo/other.py")
    build_fails(
        project, "docs/zh/page.md and docs/en/page.md must run the same snippets"
    )


def test_broken_link(project):
    edit(project / "docs/en/page.md", "Text.", "See [nowhere](nowhere.md).")
    build_fails(project, "docs/en: Doc file 'page.md' contains a link 'nowhere.md'")


def test_broken_anchor(project):
    edit(project / "docs/zh/page.md", "Text.", "See [home](index.md#no-such-heading).")
    build_fails(project, "docs/zh: Doc file 'page.md'", "anchor '#no-such-heading'")


def test_page_in_one_language_only(project):
    (project / "docs/zh/extra.md").write_text("# 多出来的一页\n")
    build_fails(
        project, "docs/en/extra.md is missing: docs/zh/extra.md has no English version"
    )


def test_page_not_in_nav(project):
    for language in ("zh", "en"):
        (project / f"docs/{language}/extra.md").write_text("# Extra\n")
    build_fails(project, 'not included in the "nav" configuration', "extra.md")


def test_front_matter_that_is_not_yaml(project):
    edit(project / "docs/zh/page.md", "# 页面", "---\ndescription: a: b\n---\n\n# 页面")
    build_fails(project, "docs/zh/page.md:1: front matter is not valid YAML")
