"""The build's stages (scripts/notes/), imported and run without building a site: every
check's error message, the fence formatter through a bare Markdown instance, each HTML
pass with the guard that fails when the theme's markup changes, and the language links.
Part of `make unit`."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import markdown  # noqa: E402
import markdown_exec  # noqa: E402
from markdown.extensions.toc import slugify  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from notes import fences, html, languages, pages, prose  # noqa: E402

SNIPPET = "shapes/flatten.py"


@pytest.fixture
def page_file():
    """Write a page under the project (the checks name files relative to it)."""
    folder = ROOT / ".cache" / "unit"
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def write(text: str) -> Path:
        path = folder / f"page{len(written)}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        pages.parse.cache_clear()
        return path

    yield write
    shutil.rmtree(folder, ignore_errors=True)


def fence(attrs: str, body: str = f'--8<-- "{SNIPPET}"', lang: str = "python") -> str:
    return f"# T\n\n## S {{#s}}\n\n```{lang} {attrs}\n{body}\n```\n"


@pytest.mark.parametrize(
    ("attrs", "body", "lang", "message"),
    [
        ('exec="1"', None, "python", 'executed fence has no id="..."'),
        ('exec="1" id="a" session="x"', None, "python", "uses session="),
        ('exec="1" id="a"', "print(1)", "python", "exactly one line --8<--"),
        ('exec="1" id="a" html="1"', None, "python", 'needs alt="..."'),
        ('exec="1" id="a"', '--8<-- "gone/x.py"', "python", "which does not exist"),
        ('exec="1" id="a" timeout="soon"', None, "python", "is not a positive number"),
        ('exec="1" id="a"', None, "bash", "only python fences are executed"),
    ],
)
def test_each_malformed_fence_is_named_with_its_line(
    page_file, attrs, body, lang, message
):
    path = page_file(fence(attrs, body or f'--8<-- "{SNIPPET}"', lang))
    with pytest.raises(PluginError, match="Broken executed blocks") as error:
        pages.parse(path, slugify)
    assert f"{languages.relative(path)}:5: " in str(error.value)
    assert message in str(error.value)


def test_an_id_used_twice(page_file):
    path = page_file(fence('exec="1" id="a"') + fence('exec="1" id="a"'))
    with pytest.raises(PluginError, match="id 'a' is used twice on this page"):
        pages.parse(path, slugify)


def test_a_page_is_parsed_into_blocks_and_sections(page_file):
    page = pages.parse(page_file(fence('exec="1" id="a" timeout="5"')), slugify)
    assert page.title == "T"
    assert page.blocks == (pages.Block("a", 5, SNIPPET, "text", 5.0, ""),)
    assert page.sections == (pages.Section("S", "s", (SNIPPET,), 3),)


def test_prose_checks_name_the_line():
    with pytest.raises(PluginError, match=r"p\.md:2: link to snippets/gone\.json"):
        prose.check_snippet_links("text\n[x](snippets:gone.json)\n", "p.md")
    with pytest.raises(PluginError, match=r"p\.md:3: loads a resource from another"):
        prose.check_no_remote_resources("a\n\n<img src='https://x.org/i.png'>", "p.md")
    prose.check_no_remote_resources("[a link](https://x.org) is fine\n", "p.md")
    prose.check_no_remote_resources(
        "```html\n<img src='https://x.org/i'>\n```\n", "p.md"
    )
    assert prose.join_cjk_lines("中文\n接着写\n\n```\n代码\n行\n```\n") == (
        "中文接着写\n\n```\n代码\n行\n```\n"
    )


def test_the_fence_formatter_through_a_bare_markdown():
    page = pages.Page(Path("p.md"), "T", (pages.Block("a", 1, SNIPPET),), ())
    fences.set_page(page, "docs/en/p.md", "shapes/", "/")
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [
                    {
                        "name": "python",
                        "class": "python",
                        "validator": markdown_exec.validator,
                        "format": fences.format_snippet,
                    }
                ]
            }
        },
    )
    source = (ROOT / "snippets" / SNIPPET).read_text(encoding="utf-8")
    out = md.convert(f'```python exec="1" id="a"\n{source}\n```\n')
    assert f'<div class="exec" data-snippet="{SNIPPET}">' in out
    assert "torch.Size" in out  # what the snippet printed, run in its own process
    assert f'href="/snippets/{SNIPPET}"' in out  # the snippet file under the block
    assert 'class="exec-versions"' in out  # the version matrix line


def test_hidden_regions_and_figure_ids():
    source = "a\n# --- hidden on the page ---\nb\n# --- shown on the page ---\nc"
    assert fences.shown_on_page(source) == "a\nc"
    svg = '<svg id="figure_1"><use xlink:href="#glyph_1"/><g id="glyph_1"/></svg>'
    assert fences.scope_svg_ids(svg, "b") == (
        '<svg id="b-figure_1"><use xlink:href="#b-glyph_1"/><g id="b-glyph_1"/></svg>'
    )


def test_html_passes():
    code = (
        '<div class="language-python highlight"><pre><span></span><code>'
        '<span class="n">x</span><span class="o">=</span><span class="mi">1</span>'
        "</code></pre></div>"
    )
    assert html.lighten_code_blocks(code) == (
        '<div class="language-python highlight"><pre><span></span><code tabindex="0">'
        'x=<span class="mi">1</span></code></pre></div>'
    )
    assert html.box_tables("<table>t</table>") == (
        '<div class="notes-table"><table>t</table></div>'
    )
    glossary = '<div class="glossary-table"><table><code>torch.nn.Module.train_</code>'
    assert html.break_api_names(glossary + "</table><code>a.b</code>") == (
        '<div class="glossary-table"><table><code>torch.<wbr>nn.<wbr>Module.<wbr>'
        "train_</code></table><code>a.b</code>"
    )
    assert html.snippet_links('<a href="snippets:a/b.json">', "/r/") == (
        '<a href="/r/snippets/a/b.json">'
    )
    math = html.math_as_mathml('<span class="arithmatex">\\(x^2\\)</span>', "p.md")
    assert math.startswith("<math") and "<msup>" in math
    page = html.notebook_html(
        '<script src="https://cdn/mathjax.js"></script><p>$x$</p>'
    )
    assert "<script" not in page and "<math" in page


def test_the_theme_guards_fail_loudly():
    config = SimpleNamespace(theme={"language": "en"})
    named = html.name_search_dialog(html.SEARCH_DIALOG, "p.html", config)
    assert 'aria-label="Search"' in named
    with pytest.raises(PluginError, match="search dialog markup changed"):
        html.name_search_dialog('<div class="md-search">', "p.html", config)
    with pytest.raises(PluginError, match="no reference to the search worker"):
        html.use_search_worker("<html></html>", "p.html")


def test_language_links():
    config = SimpleNamespace(
        theme={"language": "en"}, site_url="https://example.org/notes/en/"
    )
    assert languages.site_root_path(config) == "/notes/"
    assert languages.alternates(config, "shapes/") == [
        {"name": "中文", "lang": "zh", "link": "https://example.org/notes/",
         "href": "/notes/shapes/"},
        {"name": "English", "lang": "en", "link": "https://example.org/notes/en/",
         "href": "/notes/en/shapes/"},
    ]  # fmt: skip


def test_a_rendered_block_is_reused_only_while_its_inputs_are_the_same(monkeypatch):
    """fences._rendered keeps a block's HTML across rebuilds (mkdocs serve); a new
    output or new recordings render it anew."""
    page = pages.Page(Path("p.md"), "T", (pages.Block("a", 1, SNIPPET),), ())
    fences.set_page(page, "docs/en/p.md", "shapes/", "/")
    source = (ROOT / "snippets" / SNIPPET).read_text(encoding="utf-8")
    options = {"id": "a", "extra": {}, "source": "", "result": "", "html": False}
    md = markdown.Markdown()

    def render() -> str:
        return fences.format_snippet(source, "python", "python", dict(options), md)

    first = render()
    assert render() is first
    with monkeypatch.context() as change:
        change.setattr(fences, "run_snippet", lambda *args: "another output\n")
        assert "another output" in render()
    assert render() is first
    monkeypatch.setattr(fences.matrix, "fingerprint", lambda: "new recordings")
    assert render() is not first
