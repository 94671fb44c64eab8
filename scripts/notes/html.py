"""HTML passes on a rendered page: math as MathML (no script or font is fetched), the
notebook pages' headings and scripts, lighter code blocks and boxed tables (page weight,
as the audits in tests/test_audit.py see it), links to snippet files, and the theme's
search dialog and worker."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import get_toc

from . import search
from .languages import DOCS, language_of, relative
from .pages import parse
from .strings import text

log = get_plugin_logger("notes")

# Math: TeX becomes MathML at build time.
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\\(?P<open>[\[(])(?P<tex>.*?)\\[\])]</(?P=tag)>',
    re.DOTALL,
)


def math_as_mathml(html_text: str, where: str) -> str:
    def to_mathml(match: re.Match) -> str:
        display = "block" if match["open"] == "[" else "inline"
        tex = html.unescape(match["tex"]).strip()
        try:
            return latex_to_mathml(tex, display=display)
        except Exception as error:  # noqa: BLE001  (any parser error: report it with the page)
            log.error(f"{where}: cannot render ${tex}$: {error}")
            return match[0]

    return ARITHMATEX.sub(to_mathml, html_text)


SNIPPET_HREF = re.compile(r'href="snippets:([^"]+)"')


def snippet_links(html_text: str, root: str) -> str:
    """[text](snippets:x/y.json) -> the copy published with the site (prose.py)."""
    return SNIPPET_HREF.sub(rf'href="{root}snippets/\1"', html_text)


# Notebook pages (rendered by mkdocs-jupyter through nbconvert).

NOTEBOOK_MATH = re.compile(
    r"\$\$(?P<block>.+?)\$\$|(?<![\\$\w])\$(?P<inline>[^$\n]+?)\$(?![\w$])", re.DOTALL
)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)
NOTEBOOK_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<text>.*?)'
    r'<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>',
    re.DOTALL,
)


@functools.lru_cache(maxsize=64)  # a rebuild under mkdocs serve gets the same pages
def notebook_html(html_text: str) -> str:
    """nbconvert's page loads MathJax from a CDN: drop every script, render TeX as MathML."""
    html_text = SCRIPT_TAG.sub("", html_text)

    def to_mathml(match: re.Match) -> str:
        tex = html.unescape(match["block"] or match["inline"]).strip()
        try:
            return latex_to_mathml(tex, display="block" if match["block"] else "inline")
        except Exception:  # noqa: BLE001  (leave text that is not TeX as it is)
            return match[0]

    parts = re.split(r"(<pre\b.*?</pre>)", html_text, flags=re.DOTALL)  # not in code
    return "".join(
        p if p.startswith("<pre") else NOTEBOOK_MATH.sub(to_mathml, p) for p in parts
    )


def notebook_headings(html_text: str, page, config) -> str:
    """nbconvert gives headings ids of its own (empty for a Chinese title, the same twice
    for two similar headings). Give each the id of the same heading on the chapter page,
    whose cells these are, so that the page's own #links, the skip link and the toc
    resolve; then make the toc from them."""
    chapter = DOCS / language_of(config) / (Path(page.file.src_uri).stem + ".md")
    slugify = config.mdx_configs["toc"]["slugify"]
    parsed = parse(chapter, slugify)
    ids = [slugify(parsed.title, "-")] + [s.anchor for s in parsed.sections]
    found = NOTEBOOK_HEADING.findall(html_text)
    if len(found) != len(ids):
        raise PluginError(
            f"{page.file.src_uri}: {len(found)} headings, but its chapter "
            f"{relative(chapter)} has {len(ids)}"
        )
    tokens = iter(ids)
    root: list[dict] = []
    parents: list[dict] = []

    def rename(match: re.Match) -> str:
        level, anchor = int(match["level"]), next(tokens)
        name = re.sub(r"<[^>]+>", "", match["text"])
        token = {"level": level, "id": anchor, "name": name, "children": []}
        while parents and parents[-1]["level"] >= level:
            parents.pop()
        (parents[-1]["children"] if parents else root).append(token)
        parents.append(token)
        return (
            f'<h{level} id="{anchor}">{match["text"]}'
            f'<a class="anchor-link" href="#{anchor}">¶</a></h{level}>'
        )

    html_text = NOTEBOOK_HEADING.sub(rename, html_text)
    page.toc = get_toc(root)
    return html_text


# Pygments wraps every name, space, operator and punctuation mark in a span. Names and
# spaces are coloured like plain code by Material anyway (.n uses --md-code-fg-color, .w
# has no rule); operators and punctuation become plain code text too (notes.css keeps
# the colour of operator words). A phone styles and lays out every element: on the
# longest chapter, the operator and punctuation spans alone were 1,490 of 3,543.
PLAIN_CODE_SPAN = re.compile(r'<span class="[nwop]">([^<]*)</span>')
HIGHLIGHTED_CODE = re.compile(
    r'<div class="language-[^"]* highlight">.*?</pre></div>', re.DOTALL
)
# A code block too wide for the screen scrolls, so it takes keyboard focus (axe:
# scrollable-region-focusable); Material sets this only once a block is on screen.
CODE_START = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")


def lighten_code_blocks(html_text: str) -> str:
    html_text = HIGHLIGHTED_CODE.sub(
        lambda m: PLAIN_CODE_SPAN.sub(r"\1", m[0]), html_text
    )
    return CODE_START.sub(r'\1<code tabindex="0">', html_text)


# Once its script starts, Material takes each table out of the article and puts a
# scrolling wrapper with the table in its place. Among the article's children that
# restyled the whole article (1,842 elements of the longest chapter, 17-28 ms in three
# traced loads here, more on a phone); in a box of its own, about 50 elements
# (tests/test_browser.py).
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def box_tables(html_text: str) -> str:
    return TABLE.sub(lambda m: f'<div class="notes-table">{m[0]}</div>', html_text)


# The glossary's API names break only after a dot or an underscore (with the CSS of
# .glossary-table code), not inside a word: "torch.Ten" / "sor.dim" read badly.
GLOSSARY_TABLE = re.compile(r'<div class="glossary-table".*?</table>', re.DOTALL)
API_NAME = re.compile(r"<code>([\w.]+)</code>")


def break_api_names(html_text: str) -> str:
    def breaks(name: re.Match) -> str:
        return "<code>" + re.sub(r"([._])(?=\w)", r"\1<wbr>", name[1]) + "</code>"

    return GLOSSARY_TABLE.sub(lambda m: API_NAME.sub(breaks, m[0]), html_text)


# Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(output: str, name: str, config) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError(
            f"{name}: the theme's search dialog markup changed; "
            "update SEARCH_DIALOG in scripts/notes/html.py"
        )
    label = text("search", language_of(config))
    return output.replace(
        SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1
    )


def use_search_worker(output: str, name: str) -> str:
    """Point the page at the site's search worker (search.py)."""
    try:
        material, ours, _ = search.patched_worker()
    except ValueError as error:
        raise PluginError(str(error)) from None
    if material not in output:
        raise PluginError(f"{name}: no reference to the search worker {material}")
    return output.replace(material, ours)
