"""A chapter page as a Jupyter notebook: its headings and prose as Markdown cells, its
snippets as code cells holding the outputs this build produced for them.

The build writes these notebooks outside docs/, mkdocs-jupyter renders each one as a page
of the site, and the .ipynb itself is offered for download next to it. Nothing is executed
here: the outputs are the ones the page shows (tests/test_notebooks.py re-executes every
downloaded notebook with nbclient and compares).
"""

from __future__ import annotations

import re

import nbformat

from . import strings

ADMONITION = re.compile(r'^!!! \w+(?: "(?P<title>[^"]*)")?[ \t]*$')
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _markdown_cell(lines: list[str], prose):
    """A Markdown cell from page text: admonitions become quotes, attr lists go."""
    out, quoting = [], False
    for line in lines:
        match = ADMONITION.match(line)
        if match:
            out.append(f"> **{match['title'] or ''}**")
            quoting = True
            continue
        if quoting and (line.startswith("    ") or not line.strip()):
            out.append(("> " + line[4:]).rstrip())
            continue
        quoting = False
        out.append(re.sub(r"[ \t]*\{[ \t]*#[^}]*\}[ \t]*$", "", line))
    text = prose("\n".join(out).strip())
    return nbformat.v4.new_markdown_cell(text) if text.strip("> \n") else None


# A snippet whose output must read in the page's language (the GPU recording tables)
# prints one div.notes-lang per language: a page or notebook keeps its own language's.
LANGUAGE_DIV = re.compile(
    r'<div class="notes-lang" lang="(?P<lang>[\w-]+)" markdown>\n(?P<inner>.*?)\n</div>\n?',
    re.S,
)


def keep_language(printed: str, language: str, unwrap: bool = False) -> str:
    """Drop the other languages' div.notes-lang; `unwrap` also drops the page's own div
    (a notebook renders Markdown without md_in_html)."""

    def keep(match: re.Match) -> str:
        if match["lang"] != language:
            return ""
        return match["inner"] + "\n" if unwrap else match[0]

    return LANGUAGE_DIV.sub(keep, printed)


def _outputs(kind: str, printed: str) -> list:
    if kind == "html":
        data = {"image/svg+xml": printed.strip(), "text/plain": "<figure>"}
        return [nbformat.v4.new_output("display_data", data=data)]
    if kind == "markdown":
        data = {"text/markdown": printed, "text/plain": printed}
        return [nbformat.v4.new_output("display_data", data=data)]
    return (
        [nbformat.v4.new_output("stream", name="stdout", text=printed)]
        if printed
        else []
    )


HIDE_MARKER = re.compile(r"[ \t]*# markdown-exec: hide$", re.M)


def build(
    page_markdown: str, language: str, title: str, url: str, blocks, prose=str
) -> dict:
    """`blocks`: one (line, source, kind, printed) per executed fence, `line` being the
    1-based line of the fence in `page_markdown`; `prose` rewrites each Markdown cell."""
    front = FRONT_MATTER.match(page_markdown)
    offset = page_markdown.count("\n", 0, front.end()) if front else 0
    lines = page_markdown.split("\n")
    cells = [
        nbformat.v4.new_markdown_cell(
            strings.text("notebook header", language, title=title, url=url)
        )
    ]
    start = offset
    execution_count = 0
    for line, source, kind, printed in blocks:
        fence = line - 1
        cell = _markdown_cell(lines[start:fence], prose)
        if cell:
            cells.append(cell)
        execution_count += 1
        # the whole snippet runs in the notebook: drop only the page's hide markers
        code = nbformat.v4.new_code_cell(
            HIDE_MARKER.sub("", source.rstrip("\n")), execution_count=execution_count
        )
        code.outputs = _outputs(kind, keep_language(printed, language, unwrap=True))
        cells.append(code)
        # continue after the closing fence: the same marker at the same indent
        indent = re.match(r"[ \t]*", lines[fence])[0]
        marker = re.match(r"`{3,}|~{3,}", lines[fence].strip())[0]
        end = fence + 1
        while not (lines[end].startswith(indent) and lines[end].strip() == marker):
            end += 1
        start = end + 1
    tail = _markdown_cell(lines[start:], prose)
    if tail:
        cells.append(tail)
    for number, cell in enumerate(cells):
        cell.id = f"cell-{number}"  # nbformat draws random ids: keep rebuilds identical
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {
            "display_name": "Python 3",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python"},
    }
    nbformat.validate(notebook)
    return notebook
