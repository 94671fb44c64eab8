"""Fences: the superfences formatter of executed python fences (it replaces
markdown-exec's). It shows the snippet without its hidden regions, the output of the
execution stage (a failure as an error naming the page, line, block and snippet file),
figures with their alt text and ids of their own, and under each block the snippet file
and the API index entries it calls, and the PyTorch releases on which it holds
(matrix.py)."""

from __future__ import annotations

import html
import re

from markdown_exec import base_format
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from . import api_index, matrix, notebooks
from .execution import SnippetFailed, apis, run_snippet
from .languages import building
from .pages import HIDDEN_END, HIDDEN_START, Page

log = get_plugin_logger("notes")

# Generated in every language, never written into docs/ (generated.py).
API_PAGE = "api.md"
CHANGES_PAGE = "versions.md"

# The page being rendered now (hooks.py, on_page_markdown).
current: dict = {"path": "", "url": "", "root": "/", "blocks": {}}


def set_page(page: Page, path: str, url: str, root: str) -> None:
    current.update(path=path, url=url, root=root, blocks={b.id: b for b in page.blocks})


def format_snippet(source, language, css_class, options, md, **kwargs):
    block = current["blocks"][options["id"]]
    extra = dict(options["extra"])
    extra.pop("alt", None)  # read by pages.parse, like timeout
    extra.pop("timeout", None)
    options = dict(options, extra=extra, source=options["source"] or "above")
    # Output is shown as plain text unless the fence asks for html="1" (figures) or
    # result="markdown" (a snippet that prints Markdown, e.g. a formula it has checked).
    if options["result"] == "markdown":
        options["result"] = ""
    elif not options["html"]:
        options["result"] = options["result"] or "text"
    try:
        printed = run_snippet(block.snippet, source, block.time_limit)
    except SnippetFailed as failure:
        log.error(
            f"{current['path']}:{block.line}: block '{block.id}' "
            f"(snippets/{block.snippet}) failed:\n{failure}"
        )
        return Markup(f'<pre class="exec-error">{html.escape(str(failure))}</pre>')
    output = notebooks.keep_language(printed, building["language"])
    if block.alt:
        label = html.escape(block.alt, quote=True)
        output = output.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    if options["html"]:
        output = scope_svg_ids(output, block.id)
    key = (building["language"], current["url"], current["root"], block, source)
    key += (printed, repr(sorted(options.items())), matrix.fingerprint())
    if key not in _rendered:  # rendering is most of a rebuild under mkdocs serve
        rendered = base_format(
            language="python",
            run=lambda *args, **kwargs: output,
            code=shown_on_page(source),
            md=md,
            **options,
        )
        _rendered[key] = Markup(
            f'<div class="exec" data-snippet="{block.snippet}">{rendered}'
            f"{_api_line(block.snippet, source)}"
            f"{matrix.details(block.snippet, printed, building['language'])}</div>"
        )
    return _rendered[key]


# A block's HTML, kept for as long as the process (mkdocs serve): keyed by everything it
# is made of, the recordings of the version matrix included.
_rendered: dict[tuple, Markup] = {}


def shown_on_page(source: str) -> str:
    """The source a page shows: without the regions between HIDDEN_START and HIDDEN_END
    (plumbing such as figure export or a verification sweep), marker lines included.
    markdown-exec then drops single lines marked `# markdown-exec: hide`. The snippet
    file, run and linked under the block, stays whole."""
    shown, hidden = [], False
    for line in source.split("\n"):
        marker = line.strip()
        if marker == HIDDEN_START:
            hidden = True
        elif marker == HIDDEN_END:
            hidden = False
        elif not hidden:
            shown.append(line)
    return "\n".join(shown)


SVG_ID = re.compile(r'(?<=\sid=")[^"]+(?=")')


def scope_svg_ids(svg: str, prefix: str) -> str:
    """Matplotlib numbers the ids in each figure from 1 (figure_1, axes_1, its glyphs):
    prefix them with the block's id, so that two figures on a page never share one."""
    ids = set(SVG_ID.findall(svg))
    if not ids:
        return svg
    pattern = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    svg = re.sub(rf"(?<=#)({pattern})(?=[\")])", rf"{prefix}-\1", svg)
    seen: dict[str, int] = {}

    def rename(match: re.Match) -> str:
        # two identical images in one figure get one hashed id: number the repeats
        seen[match[0]] = seen.get(match[0], 0) + 1
        repeat = f"-{seen[match[0]]}" if seen[match[0]] > 1 else ""
        return f"{prefix}-{match[0]}{repeat}"

    return re.sub(rf'(?<=\sid=")({pattern})(?=")', rename, svg)


def _api_line(snippet: str, source: str) -> str:
    """Under a block: its source file, and links to the API index entries it calls."""
    index = get_relative_url(API_PAGE.removesuffix(".md") + "/", current["url"])
    links = " ".join(
        f'<a href="{index}#{api_index.anchor(api)}"><code>{api}</code></a>'
        for api in sorted(apis(source))
    )
    file = (
        f'<a href="{current["root"]}snippets/{snippet}">'
        f"<code>snippets/{snippet}</code></a>"
    )
    return (
        f'<p class="exec-apis">{file}' + (f" · API: {links}" if links else "") + "</p>"
    )
