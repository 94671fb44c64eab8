"""Fault injection: each fault, put into a small copy of the project, must stop the strict
build with a message naming the file (and the line / block where there is one)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_ENV, ROOT, background

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
            "  - Versions: versions.md\n"
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


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


# Each fault: how to inject it into a fresh copy, and what the build log must say.
# The builds are independent: they run one after another in the background (conftest.py).


def raises(root: Path) -> None:
    (root / "snippets/demo/hello.py").write_text(
        "total = 1 + 1\nraise ValueError('boom')\n"
    )


def claim_fails(root: Path) -> None:
    edit(
        root / "snippets/demo/hello.py",
        "total == 2",
        "total == 3, 'arithmetic changed'",
    )


def hidden_region_unclosed(root: Path) -> None:
    edit(
        root / "snippets/demo/hello.py", "print(total)", "# --- hidden on the page ---"
    )


def snippet_link_missing(root: Path) -> None:
    edit(root / "docs/en/page.md", "Text.", "See [data](snippets:demo/gone.json).")


def missing_include(root: Path) -> None:
    for language in ("zh", "en"):
        edit(root / f"docs/{language}/page.md", "demo/hello.py", "demo/gone.py")


def fence_without_id(root: Path) -> None:
    edit(root / "docs/zh/page.md", ' id="hello"', "")


def languages_differ(root: Path) -> None:
    (root / "snippets/demo/other.py").write_text("print(2)\n")
    edit(root / "docs/en/page.md", "demo/hello.py", "demo/other.py")


def broken_link(root: Path) -> None:
    edit(root / "docs/en/page.md", "Text.", "See [nowhere](nowhere.md).")


def broken_anchor(root: Path) -> None:
    edit(root / "docs/zh/page.md", "Text.", "See [home](index.md#no-such-heading).")


def one_language_only(root: Path) -> None:
    (root / "docs/zh/extra.md").write_text("# 多出来的一页\n")


def not_in_nav(root: Path) -> None:
    for language in ("zh", "en"):
        (root / f"docs/{language}/extra.md").write_text("# Extra\n")


def front_matter_not_yaml(root: Path) -> None:
    edit(root / "docs/zh/page.md", "# 页面", "---\ndescription: a: b\n---\n\n# 页面")


def snippet_hangs(root: Path) -> None:
    (root / "snippets/demo/hello.py").write_text("while True:\n    pass\n")
    for language in ("zh", "en"):
        edit(root / f"docs/{language}/page.md", 'id="hello"', 'id="hello" timeout="2"')


def syntax_error(root: Path) -> None:
    edit(
        root / "snippets/demo/hello.py",
        "assert total == 2\n",
        "assert total == 2\ndef (:\n",
    )


def remote_image(root: Path) -> None:
    edit(root / "docs/en/page.md", "Text.", "![x](https://example.com/x.png)")


def version_fact_contradicted(root: Path) -> None:
    """Recordings where the snippet passes on 2.4.1, 2.6.0 and 2.14.1 alike, and a page
    that says something changed in PyTorch 2.6."""
    key = hashlib.sha256(HELLO.encode()).hexdigest()  # scripts/notes/matrix.py
    entry = {"key": key, "status": "passed", "output_sha256": "2"}
    (root / "snippets/versions").mkdir()
    for release in ("2.4.1", "2.6.0", "2.14.1"):
        recording = {"torch": release, "snippets": {"demo/hello.py": entry}}
        (root / f"snippets/versions/torch-{release}.json").write_text(
            json.dumps(recording)
        )
    edit(root / "docs/en/page.md", "Text.", "Since PyTorch 2.6, it adds up.")


FAULTS = {
    raises: [
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello' (snippets/demo/hello.py) failed",
        'snippets/demo/hello.py", line 2',
        "ValueError: boom",
    ],
    claim_fails: [
        f"docs/zh/page.md:{FENCE_LINE}",
        "AssertionError: arithmetic changed",
    ],
    hidden_region_unclosed: [
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello': snippets/demo/hello.py:2: "
        '"# --- hidden on the page ---" is not closed by "# --- shown on the page ---"'
    ],
    snippet_link_missing: [
        "docs/en/page.md:3: link to snippets/demo/gone.json, which does not exist"
    ],
    missing_include: [
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello' includes snippets/demo/gone.py, "
        "which does not exist"
    ],
    fence_without_id: [f"docs/zh/page.md:{FENCE_LINE}: executed fence has no id"],
    languages_differ: [
        "docs/zh/page.md and docs/en/page.md must run the same snippets"
    ],
    broken_link: ["docs/en: Doc file 'page.md' contains a link 'nowhere.md'"],
    broken_anchor: ["docs/zh: Doc file 'page.md'", "anchor '#no-such-heading'"],
    one_language_only: [
        "docs/en/extra.md is missing: docs/zh/extra.md has no English version"
    ],
    not_in_nav: ['not included in the "nav" configuration', "extra.md"],
    front_matter_not_yaml: ["docs/zh/page.md:1: front matter is not valid YAML"],
    snippet_hangs: [
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello' (snippets/demo/hello.py) failed",
        "did not finish within 2 s and was stopped",
    ],
    syntax_error: [
        f"docs/zh/page.md:{FENCE_LINE}: block 'hello': snippets/demo/hello.py:4: "
        "SyntaxError"
    ],
    remote_image: [
        "docs/en/page.md:3: loads a resource from another host (![x](https://"
    ],
    version_fact_contradicted: [
        "docs/en/page.md:3: says PyTorch 2.6, but no snippet of its section changes"
    ],
}


def fork_builds(projects: list[Path]) -> dict[str, list]:
    """{project: [return code, log]}: each built in a fresh process (tests/fork_builds.py)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fork_builds.py"), *map(str, projects)],
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@background()
def builds(scratch: Path) -> dict[str, tuple[Path, int, str]]:
    """name -> (project, return code, log), for the unbroken copy and every fault:
    each project is built in a fresh process (tests/fork_builds.py)."""
    injections = [None, *FAULTS]
    names = [i.__name__ if i else "unbroken" for i in injections]
    projects = []
    for inject, name in zip(injections, names):
        project = make_project(scratch / name)
        if inject:
            inject(project)
        projects.append(project)
    built = fork_builds(projects)
    return {
        name: (project, *built[str(project)]) for name, project in zip(names, projects)
    }


def test_the_unbroken_copy_builds(builds):
    root, code, log = builds["unbroken"]
    assert code == 0, log
    assert (root / "site" / "page" / "index.html").exists()
    assert (root / "site" / "en" / "page" / "index.html").exists()


@pytest.mark.parametrize("fault", [f.__name__ for f in FAULTS])
def test_fault_stops_the_build_and_names_the_place(builds, fault):
    _, code, log = builds[fault]
    assert code != 0, f"the build should have failed:\n{log}"
    expected = next(
        texts for inject, texts in FAULTS.items() if inject.__name__ == fault
    )
    for text in expected:
        assert text in log, f"{text!r} not in the build log:\n{log}"


@background()
def rebuilt(scratch: Path) -> list[tuple[int, str, str]]:
    """The unbroken copy built twice, its prose edited in between, sharing the caches
    a maintainer's builds share (rendered notebooks under .cache/): (return code, log,
    the zh notebook page) per build."""
    project = make_project(scratch / "rebuilt")
    builds = []
    for edited in (False, True):
        if edited:
            edit(project / "docs/zh/page.md", "Text.", "Edited text.")
        code, log = fork_builds([project])[str(project)]
        notebook = project / "site" / "notebooks" / "page" / "index.html"
        builds.append((code, log, notebook.read_text(encoding="utf-8")))
    return builds


def test_the_notebook_cache_never_serves_an_old_page(rebuilt):
    (code, log, first), (code_again, log_again, second) = rebuilt
    assert code == 0 and code_again == 0, log + log_again
    assert "Cache miss, writing" in log  # the first build filled the cache
    assert "Text." in first and "Edited text." not in first
    assert "Edited text." in second, "an edit of the page did not reach its notebook"
    assert "Cache hit" in log_again  # the English notebook, unchanged, came from it
