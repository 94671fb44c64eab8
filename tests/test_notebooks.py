"""Every chapter is also a notebook: rendered on the site in both languages, linked from
its chapter, downloadable, and — executed top to bottom with nbclient — it prints what the
page shows."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import LANGUAGES, ROOT, SITE, background, language_dir, parsed
from nbclient import NotebookClient

CHAPTERS = sorted(
    path.stem
    for path in (ROOT / "docs" / LANGUAGES[0]).glob("*.md")
    if path.stem != "index" and 'exec="1"' in path.read_text(encoding="utf-8")
)


def _root(site: Path, language: str) -> Path:
    return language_dir(site, language)


def _notebook(site: Path, language: str, chapter: str) -> nbformat.NotebookNode:
    path = _root(site, language) / "notebooks" / chapter / f"{chapter}.ipynb"
    return nbformat.read(path, as_version=4)


def _printed(cell) -> str:
    """What a code cell printed (stdout), or the data of its stored display output."""
    text = []
    for output in cell.outputs:
        if output.output_type == "stream" and output.name == "stdout":
            text.append(output.text)
        elif output.output_type == "display_data":
            data = output.data
            text.append(data.get("image/svg+xml") or data.get("text/markdown", ""))
        elif output.output_type == "error":
            text.append("\n".join(output.traceback))
    return "".join(text)


@background(needs_site=True)
def executed(scratch: Path) -> dict[str, nbformat.NotebookNode]:
    """The Chinese notebooks executed top to bottom in a fresh kernel each, in the
    background (the English ones hold the same code cells, checked below)."""

    def run(chapter: str) -> nbformat.NotebookNode:
        notebook = _notebook(SITE, LANGUAGES[0], chapter)
        client = NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            resources={
                "metadata": {"path": str(ROOT)}
            },  # snippets read data from the root
        )
        client.execute()
        return notebook

    return {chapter: run(chapter) for chapter in CHAPTERS}


def test_every_chapter_has_a_notebook():
    assert len(CHAPTERS) >= 9, CHAPTERS


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_is_rendered_and_linked(site, language, chapter):
    root = _root(site, language)
    rendered = parsed(root / "notebooks" / chapter / "index.html")
    assert rendered.html["lang"] == language
    assert len(rendered.select(".jp-CodeCell[id]")) == len(
        [c for c in _notebook(site, language, chapter).cells if c.cell_type == "code"]
    )
    page = parsed(root / chapter / "index.html")
    links = {a["href"] for a in page.select("aside.page-env a")}
    assert f"../notebooks/{chapter}/" in links
    assert f"../notebooks/{chapter}/{chapter}.ipynb" in links


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_languages_share_code_and_outputs(site, chapter):
    """Same code, same outputs; except that a snippet printing a table per language
    (div.notes-lang) shows each notebook its own language's."""
    code = [
        [
            (c.source, _printed(c))
            for c in _notebook(site, language, chapter).cells
            if c.cell_type == "code"
        ]
        for language in LANGUAGES
    ]
    assert [source for source, _ in code[0]] == [source for source, _ in code[1]]
    for (source, first), (_, second) in zip(*code, strict=True):
        if "notes-lang" in source:
            assert first.strip() and second.strip() and first != second
        else:
            assert first == second, source[:200]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_outputs_match_the_page(site, chapter):
    """The stored outputs are the page's outputs, block by block."""
    page = parsed(site / chapter / "index.html")
    blocks = page.select("div.exec")
    cells = [
        c for c in _notebook(site, LANGUAGES[0], chapter).cells if c.cell_type == "code"
    ]
    assert len(blocks) == len(cells)
    for block, cell in zip(blocks, cells, strict=True):
        text = block.select_one(":scope > .language-text")
        if text is not None:
            assert text.get_text().strip("\n") == _printed(cell).expandtabs(4).strip(
                "\n"
            )


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_executes_to_the_same_outputs(site, executed, chapter):
    stored = [
        c for c in _notebook(site, LANGUAGES[0], chapter).cells if c.cell_type == "code"
    ]
    fresh = [c for c in executed[chapter].cells if c.cell_type == "code"]
    for before, after in zip(stored, fresh, strict=True):
        assert not any(o.output_type == "error" for o in after.outputs), _printed(after)
        was, now = _printed(before), _printed(after)
        kinds = {o.output_type for o in before.outputs}
        if kinds == {"stream"}:
            assert now == was, (
                f"{chapter}: cell\n{before.source[:200]}\nprinted otherwise"
            )
        else:  # figures and Markdown tables (timings among them) are compared by kind
            assert now.strip(), f"{chapter}: a cell printed nothing"
            assert now.lstrip().startswith("<svg") == was.lstrip().startswith("<svg")
