"""Build logic of the bilingual, executed site (the hooks in hooks.py forward here).

What it adds to MkDocs + Material + markdown-exec:
- one build makes both languages: the Chinese site, then the English one in en/;
- every executed fence is checked before it runs: it has an id, it includes exactly
  one snippet file that exists, and the other language's page runs the same snippets;
- snippets run through our own formatter: stdout is the output, a failure is an error
  that names the page, the line and the snippet file, and each snippet runs once per
  build however many languages include it (an in-memory cache keyed by its content);
- the language switcher and the hreflang links point at the same page in the other
  language.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import html
import logging
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import api_index
import notebooks
import notes_exec
import notes_search
from latex2mathml.converter import convert as latex_to_mathml
from markdown.extensions.toc import slugify as default_slugify
from markdown_exec import base_format
from markupsafe import Markup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
DEFAULT_LANGUAGE = "zh"  # served at /, the other language at /<lang>/
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
CONFIG_FILES = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}

log = get_plugin_logger("notes")

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w-]+)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.S | re.M,
)
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<path>[^"]+)"\s*$')

# Anything that can change what a snippet prints, besides its own text.
ENVIRONMENT_KEY = " ".join(
    [platform.python_version()]
    + [
        f"{name}=={version(name)}"
        for name in ("torch", "torchvision", "numpy", "matplotlib", "pillow", "sympy")
    ]
)


@dataclass(frozen=True)
class Block:
    """An executed fence of a page: `id` from its attributes, `snippet` under snippets/,
    `kind` of output: "text", "html" (a figure) or "markdown"."""

    id: str
    line: int
    snippet: str
    kind: str = "text"
    time_limit: float = notes_exec.TIME_LIMIT  # seconds; the fence's timeout="..."


SnippetFailed = notes_exec.SnippetFailed


_outputs: dict[str, str | SnippetFailed] = {}  # cache key -> stdout, for both languages
_nav_files: dict[str, list[str]] = {}  # language -> pages in nav order
_page: dict = {"path": "", "blocks": {}}  # the page being rendered now
_building: dict = {"language": DEFAULT_LANGUAGE}  # the language being built now
API_PAGE = "api.md"  # generated in every language, never written into docs/


def _language(config) -> str:
    return config.theme["language"]


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# Config: both languages have the same pages and nav; python fences run through us.


def _pages(language: str) -> set[str]:
    folder = DOCS / language
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def _flatten_nav(nav) -> list[str]:
    files = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            files += _flatten_nav(value)
        elif isinstance(value, str) and not re.match(r"\w+://", value):
            files.append(value)
    return files


def check_languages_match() -> None:
    """Raise if a page exists in one language only."""
    pages = {language: _pages(language) for language in CONFIG_FILES}
    problems = [
        f"docs/{other}/{page} is missing: docs/{language}/{page} has no "
        f"{LANGUAGE_NAMES[other]} version"
        for language in pages
        for other in pages
        if other != language
        for page in sorted(pages[language] - pages[other])
    ]
    if problems:
        raise PluginError(
            "Each page must exist in every language:\n  " + "\n  ".join(problems)
        )


class _NameTheLanguage(logging.Filter):
    """MkDocs names a page by its path inside docs_dir ('shapes.md'); both languages have
    one, so prefix warnings that name no docs/ path with the folder being built."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and "docs/" not in str(record.msg):
            record.msg = f"docs/{_building['language']}: {record.msg}"
        return True


def _name_the_language_in_warnings() -> None:
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _NameTheLanguage) for f in handler.filters):
            handler.addFilter(_NameTheLanguage())


def on_config(config):
    language = _language(config)
    if language not in CONFIG_FILES:
        raise PluginError(
            f"theme.language is {language!r}; expected one of {list(CONFIG_FILES)}"
        )
    _building["language"] = language
    _name_the_language_in_warnings()
    _pin_source_date()
    check_languages_match()

    _nav_files[language] = _flatten_nav(config.nav)
    other = next(iter(set(_nav_files) - {language}), None)
    if other and _nav_files[other] != _nav_files[language]:
        raise PluginError(
            f"The nav of {CONFIG_FILES[language].name} and {CONFIG_FILES[other].name} must list "
            f"the same pages in the same order:\n  {language}: {_nav_files[language]}\n"
            f"  {other}: {_nav_files[other]}"
        )

    if (
        language != DEFAULT_LANGUAGE
        and config.site_url
        and not config.site_url.endswith(f"/{language}/")
    ):
        config.site_url = config.site_url.rstrip("/") + f"/{language}/"

    _key_the_notebook_cache(config, language)
    fences = config.mdx_configs["pymdownx.superfences"]["custom_fences"]
    for fence in fences:
        if fence["name"] in ("python", "py"):
            fence["format"] = format_snippet
    return config


# The packages that turn a notebook into HTML: a new version renders anew.
RENDERERS = ("mkdocs-jupyter", "nbconvert", "pygments", "jupytext", "mistune")


def _key_the_notebook_cache(config, language: str) -> None:
    """mkdocs-jupyter keys its cache by the notebook and its own options, and deletes
    what a build did not use: one folder per language (the two builds would delete each
    other's) and per version of the renderers (its key has no versions)."""
    plugin = config.plugins["mkdocs-jupyter"]
    versions = " ".join(f"{name}=={version(name)}" for name in RENDERERS)
    digest = hashlib.sha256(versions.encode()).hexdigest()[:12]
    plugin.config["cache_dir"] = str(
        ROOT / ".cache" / "jupyter" / f"{language}-{digest}"
    )


def _pin_source_date() -> None:
    """Dates in the site (footer, sitemap, sitemap.xml.gz header) come from
    SOURCE_DATE_EPOCH, which MkDocs honours too; unset, it is the last commit's time, so
    two builds of one commit are byte-identical whenever they run."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if commit:
        os.environ["SOURCE_DATE_EPOCH"] = commit
    else:
        log.info("not a git checkout and no SOURCE_DATE_EPOCH: dates are today's")


# Pages: check every executed fence before anything runs.


def scan_blocks(path: Path) -> list[Block]:
    """Return the executed fences of a page, raising on any malformed one."""
    text = path.read_text(encoding="utf-8")
    name = _relative(path)
    blocks, problems = [], []
    for match in FENCE.finditer(text):
        attrs = dict(ATTR.findall(match["attrs"]))
        if attrs.get("exec", "0").lower() in ("", "0", "no", "off", "false"):
            continue
        line = text.count("\n", 0, match.start()) + 1
        where = f"{name}:{line}"
        block_id = attrs.get("id", "")
        includes = [
            m["path"] for m in map(INCLUDE.match, match["body"].splitlines()) if m
        ]
        body_lines = [line for line in match["body"].splitlines() if line.strip()]
        if match["lang"] not in ("python", "py"):
            problems.append(
                f"{where}: only python fences are executed here, not {match['lang']!r}"
            )
        elif not block_id:
            problems.append(
                f'{where}: executed fence has no id="..." (errors name blocks by id)'
            )
        elif block_id in {block.id for block in blocks}:
            problems.append(f"{where}: id {block_id!r} is used twice on this page")
        elif "session" in attrs:
            problems.append(
                f"{where}: block {block_id!r} uses session=; snippets must be standalone"
            )
        elif len(includes) != 1 or len(body_lines) != 1:
            problems.append(
                f'{where}: block {block_id!r} must contain exactly one line --8<-- "chapter/file.py"'
            )
        elif attrs.get("html", "0") not in ("0", "") and not attrs.get("alt"):
            problems.append(
                f'{where}: figure block {block_id!r} needs alt="..." in the page language'
            )
        elif not (SNIPPETS / includes[0]).is_file():
            problems.append(
                f"{where}: block {block_id!r} includes snippets/{includes[0]}, which does not exist"
            )
        elif unclosed := _unclosed_hidden_region(SNIPPETS / includes[0]):
            problems.append(
                f"{where}: block {block_id!r}: snippets/{includes[0]}:{unclosed}: "
                f'"{HIDDEN_START}" is not closed by "{HIDDEN_END}"'
            )
        elif (limit := _time_limit(attrs)) is None:
            problems.append(
                f'{where}: block {block_id!r}: timeout="{attrs["timeout"]}" is not a '
                "positive number of seconds"
            )
        elif error := _syntax_error(SNIPPETS / includes[0]):
            problems.append(f"{where}: block {block_id!r}: {error}")
        else:
            kind = "html" if attrs.get("html", "0") not in ("0", "") else "text"
            kind = "markdown" if attrs.get("result") == "markdown" else kind
            blocks.append(Block(block_id, line, includes[0], kind, limit))
    if problems:
        raise PluginError("Broken executed blocks:\n  " + "\n  ".join(problems))
    return blocks


def _time_limit(attrs: dict[str, str]) -> float | None:
    try:
        limit = float(attrs.get("timeout", notes_exec.TIME_LIMIT))
    except ValueError:
        return None
    return limit if limit > 0 else None


def _syntax_error(snippet: Path) -> str:
    """'snippets/x.py:15: SyntaxError: ...' if the snippet does not parse, else ''."""
    try:
        compile(
            snippet.read_text(encoding="utf-8"), str(snippet), "exec", dont_inherit=True
        )
    except SyntaxError as error:
        return f"{_relative(snippet)}:{error.lineno}: SyntaxError: {error.msg}"
    return ""


def check_blocks_match(page: str) -> list[Block]:
    """Scan a page in every language; all must run the same snippets, in order."""
    found = {language: scan_blocks(DOCS / language / page) for language in CONFIG_FILES}
    shapes = {
        language: [(b.id, b.snippet) for b in blocks]
        for language, blocks in found.items()
    }
    first, *others = CONFIG_FILES
    for other in others:
        if shapes[other] != shapes[first]:
            raise PluginError(
                f"docs/{first}/{page} and docs/{other}/{page} must run the same snippets with "
                f"the same ids, in the same order:\n  {first}: {shapes[first]}\n  {other}: {shapes[other]}"
            )
    return found


CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
CJK_LINE_BREAK = re.compile(rf"(?<=[{CJK}])\n[ \t]*(?=[{CJK}])")


def join_cjk_lines(markdown: str) -> str:
    """Drop line breaks between two Chinese characters outside code: browsers show a
    soft line break as a space, which is wrong between Chinese characters."""
    parts, start = [], 0
    for match in FENCE.finditer(markdown):
        parts.append(CJK_LINE_BREAK.sub("", markdown[start : match.start()]))
        parts.append(match[0])
        start = match.end()
    parts.append(CJK_LINE_BREAK.sub("", markdown[start:]))
    return "".join(parts)


def on_page_markdown(markdown, *, page, config, files):
    language = _language(config)
    if page.file.src_uri.endswith(".ipynb"):
        # The chapter answers searches; its notebook copy would only crowd the results.
        page.meta["search"] = {"exclude": True}
        chapter = DOCS / language / (Path(page.file.src_uri).stem + ".md")
        page.meta["description"] = get_data(chapter.read_text(encoding="utf-8"))[1].get(
            "description"
        )
        return markdown
    if page.file.generated_by:  # the API index
        return markdown
    if page.file.content_string.startswith("---\n") and not page.meta:
        # MkDocs silently drops front matter that is not valid YAML (a ": " in a value)
        raise PluginError(
            f"docs/{language}/{page.file.src_uri}:1: front matter is not valid YAML"
        )
    blocks = check_blocks_match(page.file.src_uri)[language]
    _page["path"] = f"docs/{language}/{page.file.src_uri}"
    check_snippet_links(page.file.content_string, _page["path"])
    check_no_remote_resources(page.file.content_string, _page["path"])
    _page["url"] = page.url
    _page["root"] = _site_root_path(config)
    _page["blocks"] = {block.id: block for block in blocks}
    return join_cjk_lines(markdown)


# API index: a generated page per language, from the code of the snippets.

HEADING = re.compile(
    r"^(?P<level>#{1,3})[ \t]+(?P<text>.+?)[ \t]*(?:\{[ \t]*#(?P<id>[^}\s]+)[ \t]*\})?[ \t]*$",
    re.M,
)


def _heading_text(markdown: str) -> str:
    """What the toc extension sees of a heading: no code ticks, bold or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [label](link) -> label
    return text.replace("`", "").replace("**", "").strip()


def page_sections(path: Path, slugify) -> tuple[str, list[tuple[str, str, list[str]]]]:
    """(page title, [(section title, anchor, snippets run in it)]) of a page; a section is
    the H2 or H3 above a block, and its anchor is the id the toc extension gives it."""
    text = path.read_text(encoding="utf-8")
    fences = [(m.start(), m.end()) for m in FENCE.finditer(text)]
    headings = [
        m
        for m in HEADING.finditer(text)
        if not any(a <= m.start() < b for a, b in fences)
    ]
    title = next(
        (_heading_text(m["text"]) for m in headings if m["level"] == "#"), path.stem
    )
    blocks = {block.line: block.snippet for block in scan_blocks(path)}
    sections = []
    for i, heading in enumerate(headings):
        if heading["level"] == "#":
            continue
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        first, last = (
            text.count("\n", 0, heading.start()) + 1,
            text.count("\n", 0, end) + 1,
        )
        snippets = [snippet for line, snippet in blocks.items() if first < line <= last]
        label = _heading_text(heading["text"])
        sections.append((label, heading["id"] or slugify(label, "-"), snippets))
    return title, sections


@event_priority(100)  # before mkdocs-jupyter and the nav: the page must exist by then
def on_files(files, *, config):
    language = _language(config)
    slugify = config.mdx_configs.get("toc", {}).get("slugify", default_slugify)
    uses: dict[str, list[tuple[str, str]]] = {}
    headings: dict[str, str] = {}  # search index location -> heading
    for page in _nav_files[language]:
        if page == API_PAGE:
            continue
        title, sections = page_sections(DOCS / language / page, slugify)
        url = files.get_file_from_path(page).url
        for label, anchor, snippets in sections:
            headings[f"{url}#{anchor}"] = label
            link = (
                get_relative_url(url, API_PAGE.removesuffix(".md") + "/") + f"#{anchor}"
            )
            for snippet in snippets:
                for api in _apis((SNIPPETS / snippet).read_text(encoding="utf-8")):
                    entry = (f"{title} › {label}", link)
                    if entry not in uses.setdefault(api, []):
                        uses[api].append(entry)
    content = api_index.render_page(language, uses)
    _search_keywords[language] = notes_search.section_keywords(
        DOCS, language, headings, set(uses)
    )
    included = InclusionLevel.INCLUDED
    files.append(File.generated(config, API_PAGE, content=content, inclusion=included))
    folder = _notebook_folders.setdefault(
        language, Path(tempfile.mkdtemp(prefix="notes-nb-"))
    )
    for name in write_notebooks(language, folder, config, slugify):
        notebook = File(
            name,
            src_dir=str(folder),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        files.append(notebook)
    return files


# Notebooks: each chapter as an .ipynb, rendered by mkdocs-jupyter and downloadable.

_notebook_folders: dict[str, Path] = {}  # language -> temporary folder, outside docs/


@atexit.register
def _remove_notebook_folders() -> None:
    """The folders live as long as the process (mkdocs serve renders from them)."""
    for folder in _notebook_folders.values():
        shutil.rmtree(folder, ignore_errors=True)


_notebooks: dict[str, dict[str, str]] = {}  # language -> {page: its notebook's path}


PAGE_LINK = re.compile(r"\]\((?![a-z]+:)(?P<page>[\w-]+)\.md(?P<anchor>#[^)\s]*)?\)")


def _web_links(markdown: str, site_url: str | None, config) -> str:
    """Links to other pages (`other.md#x`) and to snippet files (`snippets:x/y.json`)
    as the web pages' URLs: the notebook is a page of its own on the site, and a file
    of its own once downloaded."""

    def to_url(match: re.Match) -> str:
        page = "" if match["page"] == "index" else match["page"] + "/"
        return f"]({site_url or '/'}{page}{match['anchor'] or ''})"

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url)) if site_url else ""
    files = f"]({origin}{_site_root_path(config)}snippets/"
    return SNIPPET_LINK.sub(files, PAGE_LINK.sub(to_url, markdown))


# A page links a file under snippets/ (a recording, say) as [text](snippets:gpu/x.json):
# MkDocs leaves such a link alone, the build checks the file and points it at the copy
# published with the site (publish_snippets), from any page and from the notebooks.
SNIPPET_LINK = re.compile(r"\]\(snippets:")
SNIPPET_HREF = re.compile(r'href="snippets:([^"]+)"')


def check_snippet_links(markdown: str, where: str) -> None:
    """Raise, naming the line, for a snippets: link to a file that does not exist."""
    for match in re.finditer(r"\]\(snippets:([^)\s]+)\)", markdown):
        if not (SNIPPETS / match[1]).is_file():
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"{where}:{line}: link to snippets/{match[1]}, which does not exist"
            )


# A page loads nothing from another host (privacy, speed in mainland China, offline
# reading): a remote image, script, stylesheet, frame, media or font fails the build here,
# where the line is known, not only in the test suite (tests/test_site.py).
REMOTE = r"""\s*["']?(?:https?:)?//"""
REMOTE_RESOURCE = re.compile(
    rf"!\[[^\]]*\]\({REMOTE}"  # ![alt](https://...)
    rf"|<(?:img|script|link|iframe|source|video|audio|embed|object|track)\b[^>]*?"
    rf"\b(?:src|href|srcset|data|poster)\s*={REMOTE}"
    rf"|@import{REMOTE}|url\({REMOTE}",
    re.I,
)


def check_no_remote_resources(markdown: str, where: str) -> None:
    """Raise, naming the line, for a resource the page would load from another host
    (links to other sites are fine; code blocks are not looked at)."""
    fences = [(m.start(), m.end()) for m in FENCE.finditer(markdown)]
    for match in REMOTE_RESOURCE.finditer(markdown):
        if not any(a <= match.start() < b for a, b in fences):
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"{where}:{line}: loads a resource from another host "
                f"({match[0].strip()}...); pages load nothing from other hosts"
            )


def _read(snippet: str) -> str:
    return (SNIPPETS / snippet).read_text(encoding="utf-8")


def write_notebooks(language: str, folder: Path, config, slugify) -> list[str]:
    """Write the notebook of every chapter page; this runs all their snippets (once: the
    pages then read the outputs from the cache)."""
    _notebooks[language] = {}
    pages = {
        page: scan_blocks(DOCS / language / page)
        for page in _nav_files[language]
        if page != API_PAGE
    }
    if EXECUTE:  # every snippet of the site at once, in parallel
        run_snippets(
            [
                _job(block.snippet, _read(block.snippet), block.time_limit)
                for blocks in pages.values()
                for block in blocks
            ]
        )
    for page, blocks in pages.items():
        path = DOCS / language / page
        if not blocks or page == "index.md":
            continue
        runs = []
        for block in blocks:
            source = _read(block.snippet)
            try:
                printed = run_snippet(block.snippet, source, block.time_limit)
            except (
                SnippetFailed
            ) as failure:  # reported with its page when the page renders
                printed = str(failure)
            runs.append((block.line, source, block.kind, printed))
        title, _ = page_sections(path, slugify)
        url = (config.site_url or "") + page.removesuffix(".md") + "/"
        text = path.read_text(encoding="utf-8")
        notebook = notebooks.build(
            text,
            language,
            title,
            url,
            runs,
            prose=lambda cell: join_cjk_lines(
                _web_links(cell, config.site_url, config)
            ),
        )
        name = f"notebooks/{Path(page).stem}.ipynb"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        notebooks.nbformat.write(notebook, folder / name)
        _notebooks[language][page] = name
    return list(_notebooks[language].values())


# Execution: each snippet once per build, failures named precisely.


# NOTES_CACHE: a folder where outputs outlive the process (make serve / make build use
# .cache/exec; a fresh clone, so CI and every deploy, starts without one).
# NOTES_EXECUTE=0: render pages without running anything (scripts/bench_build.py).
CACHE = Path(os.environ["NOTES_CACHE"]) if os.environ.get("NOTES_CACHE") else None
EXECUTE = os.environ.get("NOTES_EXECUTE", "1") != "0"


def _data_key(snippet: str) -> str:
    """The files beside a snippet that are not code (a recorded JSON, say): a snippet may
    read them, so they are part of its cache key."""
    folder = (SNIPPETS / snippet).parent
    return "".join(
        f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix != ".py"
    )


def _job(snippet: str, code: str, time_limit: float) -> notes_exec.Job:
    code = code.strip("\n") + "\n"  # as a page includes it or as read from the file
    text = f"{ENVIRONMENT_KEY}\0{snippet}\0{code}\0{_data_key(snippet)}"
    key = hashlib.sha256(text.encode()).hexdigest()
    return notes_exec.Job(key, snippet, str(SNIPPETS / snippet), code, time_limit)


def _stored(job: notes_exec.Job) -> Path | None:
    return CACHE / f"{job.key}.out" if CACHE else None


def run_snippets(jobs: list[notes_exec.Job]) -> None:
    """Run, in parallel and each in its own process, every job whose output is in
    neither cache; outputs go to the caches, failures only to this build's."""
    todo = {}
    for job in jobs:
        stored = _stored(job)
        if job.key not in _outputs and stored and stored.exists():
            _outputs[job.key] = stored.read_text(encoding="utf-8")
        if job.key not in _outputs:
            todo[job.key] = job
    if not todo:
        return
    for job in todo.values():
        log.info(f"running snippets/{job.snippet}")
    started = time.monotonic()
    for key, output in notes_exec.run_all(list(todo.values())).items():
        _outputs[key] = output  # a failure is never stored: it runs again next time
        stored = _stored(todo[key])
        if stored and not isinstance(output, SnippetFailed):
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(output, encoding="utf-8")
    log.info(f"ran {len(todo)} snippets in {time.monotonic() - started:.1f} s")


def run_snippet(
    snippet: str, code: str, time_limit: float = notes_exec.TIME_LIMIT
) -> str:
    """Return what the snippet prints, running it only if this exact text has not run yet."""
    if not EXECUTE:
        return "(not executed: NOTES_EXECUTE=0)\n"
    job = _job(snippet, code, time_limit)
    run_snippets([job])
    if isinstance(_outputs[job.key], SnippetFailed):
        raise _outputs[job.key]
    return _outputs[job.key]


SVG_ID = re.compile(r'(?<=\sid=")[^"]+(?=")')


def _scope_svg_ids(svg: str, prefix: str) -> str:
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


def format_snippet(source, language, css_class, options, md, **kwargs):
    """superfences formatter for executed python fences (replaces markdown-exec's)."""
    block = _page["blocks"][options["id"]]
    extra = dict(options["extra"])
    alt = extra.pop("alt", "")
    extra.pop("timeout", None)  # read by scan_blocks
    options = dict(options, extra=extra, source=options["source"] or "above")
    # Output is shown as plain text unless the fence asks for html="1" (figures) or
    # result="markdown" (a snippet that prints Markdown, e.g. a formula it has checked).
    if options["result"] == "markdown":
        options["result"] = ""
    elif not options["html"]:
        options["result"] = options["result"] or "text"
    try:
        output = run_snippet(block.snippet, source, block.time_limit)
    except SnippetFailed as failure:
        log.error(
            f"{_page['path']}:{block.line}: block '{block.id}' "
            f"(snippets/{block.snippet}) failed:\n{failure}"
        )
        return Markup(f'<pre class="exec-error">{html.escape(str(failure))}</pre>')
    output = notebooks.keep_language(output, _building["language"])
    if alt:
        label = html.escape(alt, quote=True)
        output = output.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    if options["html"]:
        output = _scope_svg_ids(output, block.id)
    rendered = base_format(
        language="python",
        run=lambda *args, **kwargs: output,
        code=shown_on_page(source),
        md=md,
        **options,
    )
    return Markup(
        f'<div class="exec" data-snippet="{block.snippet}">{rendered}{_api_line(block, source)}</div>'
    )


HIDDEN_START = "# --- hidden on the page ---"
HIDDEN_END = "# --- shown on the page ---"


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


def _unclosed_hidden_region(snippet: Path) -> int:
    """The line of a HIDDEN_START that no HIDDEN_END follows (0 if none)."""
    start = 0
    for number, line in enumerate(snippet.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip() == HIDDEN_START and not start:
            start = number
        elif line.strip() == HIDDEN_END:
            start = 0
    return start


def _api_line(block: Block, source: str) -> str:
    """Under a block: its source file, and links to the API index entries it calls."""
    index = get_relative_url(API_PAGE.removesuffix(".md") + "/", _page["url"])
    links = " ".join(
        f'<a href="{index}#{api_index.anchor(api)}"><code>{api}</code></a>'
        for api in sorted(_apis(source))
    )
    file = f'<a href="{_page["root"]}snippets/{block.snippet}"><code>snippets/{block.snippet}</code></a>'
    return (
        f'<p class="exec-apis">{file}' + (f" · API: {links}" if links else "") + "</p>"
    )


API_INDEX_CODE = Path(api_index.__file__).read_bytes()


@functools.cache
def _apis(source: str) -> frozenset[str]:
    """The APIs a snippet calls; kept in NOTES_CACHE like outputs (reading them resolves
    names in torch, 4-5 s of a warm build), keyed by the snippet, the reader's code and
    the versions."""
    key = hashlib.sha256(
        ENVIRONMENT_KEY.encode() + b"\0" + API_INDEX_CODE + b"\0" + source.encode()
    ).hexdigest()
    stored = CACHE / f"{key}.apis" if CACHE else None
    if stored and stored.exists():
        return frozenset(stored.read_text(encoding="utf-8").split())
    apis = frozenset(api_index.apis_in(source))
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text("\n".join(sorted(apis)), encoding="utf-8")
    return apis


# Math: TeX becomes MathML at build time, so no math script or font is fetched.

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\\(?P<open>[\[(])(?P<tex>.*?)\\[\])]</(?P=tag)>',
    re.S,
)


FOOTER = {
    "zh": "本页输出的构建环境：{env}；源码日期 {date}。",
    "en": "The outputs on this page were produced with {env}; source dated {date}.",
}
NOTEBOOK_LINKS = {
    "zh": '本页也是一个 notebook：<a href="{view}">在网站上查看</a> · '
    '<a href="{file}" download>下载 .ipynb</a>',
    "en": 'This page is also a notebook: <a href="{view}">view it on the site</a> · '
    '<a href="{file}" download>download the .ipynb</a>',
}
BACK_TO_PAGE = {
    "zh": '由<a href="{page}">网页版</a>生成的 notebook · <a href="{file}" download>下载 .ipynb</a>',
    "en": 'Notebook generated from <a href="{page}">the web page</a> · '
    '<a href="{file}" download>download the .ipynb</a>',
}


def build_environment() -> str:
    import torch

    device = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "CPU"
    return (
        f"PyTorch {torch.__version__} · Python {platform.python_version()} · {device}"
    )


def build_date() -> str:
    """SOURCE_DATE_EPOCH (the last commit's time unless set), else today (UTC)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def page_footer(page, language: str) -> str:
    parts = [FOOTER[language].format(env=build_environment(), date=build_date())]
    notebook = _notebooks.get(language, {}).get(page.file.src_uri)
    if notebook:
        view = get_relative_url(notebook.removesuffix(".ipynb") + "/", page.url)
        file = f"{view}{Path(notebook).name}"
        parts.append(NOTEBOOK_LINKS[language].format(view=view, file=file))
    elif page.file.src_uri.endswith(".ipynb"):
        chapter = Path(page.file.src_uri).stem + "/"
        url = get_relative_url(chapter, page.url)
        parts.append(
            BACK_TO_PAGE[language].format(page=url, file=Path(page.file.src_uri).name)
        )
    # data-search-exclude: the footer is the same on every page, not a search answer
    return (
        '<aside class="page-env" data-search-exclude>' + "<br>".join(parts) + "</aside>"
    )


NOTEBOOK_MATH = re.compile(
    r"\$\$(?P<block>.+?)\$\$|(?<![\\$\w])\$(?P<inline>[^$\n]+?)\$(?![\w$])", re.S
)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


NOTEBOOK_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<text>.*?)'
    r'<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>',
    re.S,
)


def _notebook_headings(html_text: str, page, config) -> str:
    """nbconvert gives headings ids of its own (empty for a Chinese title, the same twice
    for two similar headings). Give each the id of the same heading on the chapter page,
    whose cells these are, so that the page's own #links, the skip link and the toc
    resolve; then make the toc from them."""
    chapter = DOCS / _language(config) / (Path(page.file.src_uri).stem + ".md")
    slugify = config.mdx_configs["toc"]["slugify"]
    title, sections = page_sections(chapter, slugify)
    ids = [slugify(title, "-")] + [anchor for _, anchor, _ in sections]
    found = NOTEBOOK_HEADING.findall(html_text)
    if len(found) != len(ids):
        raise PluginError(
            f"{page.file.src_uri}: {len(found)} headings, but its chapter "
            f"{_relative(chapter)} has {len(ids)}"
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


def _notebook_html(html_text: str) -> str:
    """nbconvert's page loads MathJax from a CDN: drop every script, render TeX as MathML."""
    html_text = SCRIPT_TAG.sub("", html_text)

    def to_mathml(match: re.Match) -> str:
        tex = html.unescape(match["block"] or match["inline"]).strip()
        try:
            return latex_to_mathml(tex, display="block" if match["block"] else "inline")
        except Exception:  # noqa: BLE001  (leave text that is not TeX as it is)
            return match[0]

    parts = re.split(r"(<pre\b.*?</pre>)", html_text, flags=re.S)  # never inside code
    return "".join(
        p if p.startswith("<pre") else NOTEBOOK_MATH.sub(to_mathml, p) for p in parts
    )


def on_page_content(html_text, *, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        html_text = _notebook_headings(_notebook_html(html_text), page, config)
    else:
        html_text = _box_tables(_lighten_code_blocks(html_text))
    root = _site_root_path(config)
    html_text = SNIPPET_HREF.sub(rf'href="{root}snippets/\1"', html_text)
    html_text += page_footer(page, _language(config))

    def to_mathml(match: re.Match) -> str:
        display = "block" if match["open"] == "[" else "inline"
        tex = html.unescape(match["tex"]).strip()
        try:
            return latex_to_mathml(tex, display=display)
        except Exception as error:  # noqa: BLE001  (any parser error: report it with the page)
            log.error(
                f"docs/{_language(config)}/{page.file.src_uri}: cannot render ${tex}$: {error}"
            )
            return match[0]

    return ARITHMATEX.sub(to_mathml, html_text)


# Page weight and the theme's markup, as the audits (tests/test_audit.py) see them.

# Pygments wraps every name, space, operator and punctuation mark in a span. Names and
# spaces are coloured like plain code by Material anyway (.n uses --md-code-fg-color, .w
# has no rule); operators and punctuation become plain code text too (notes.css keeps
# the colour of operator words). A phone styles and lays out every element: on the
# longest chapter, the operator and punctuation spans alone were 1,490 of 3,543.
PLAIN_CODE_SPAN = re.compile(r'<span class="[nwop]">([^<]*)</span>')
HIGHLIGHTED_CODE = re.compile(
    r'<div class="language-[^"]* highlight">.*?</pre></div>', re.S
)


# A code block too wide for the screen scrolls, so it takes keyboard focus (axe:
# scrollable-region-focusable); Material sets this only once a block is on screen.
CODE_START = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")


def _lighten_code_blocks(html_text: str) -> str:
    html_text = HIGHLIGHTED_CODE.sub(
        lambda m: PLAIN_CODE_SPAN.sub(r"\1", m[0]), html_text
    )
    return CODE_START.sub(r'\1<code tabindex="0">', html_text)


# Once its script starts, Material takes each table out of the article and puts a
# scrolling wrapper with the table in its place. Among the article's children that
# restyled the whole article (1,842 elements of the longest chapter, 17-28 ms in three
# traced loads here, more on a phone); in a box of its own, about 110 elements
# (tests/test_browser.py).
TABLE = re.compile(r"<table>.*?</table>", re.S)


def _box_tables(html_text: str) -> str:
    return TABLE.sub(lambda m: f'<div class="notes-table">{m[0]}</div>', html_text)


# Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = {"zh": "搜索", "en": "Search"}


def _name_search_dialog(output: str, name: str, config) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError(
            f"{name}: the theme's search dialog markup changed; "
            "update SEARCH_DIALOG in scripts/notes_site.py"
        )
    label = SEARCH_LABEL[_language(config)]
    return output.replace(
        SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1
    )


def _use_search_worker(output: str, name: str) -> str:
    """Point the page at the site's search worker (scripts/notes_search.py)."""
    try:
        material, ours, _ = notes_search.patched_worker()
    except ValueError as error:
        raise PluginError(str(error)) from None
    if material not in output:
        raise PluginError(f"{name}: no reference to the search worker {material}")
    return output.replace(material, ours)


def on_post_page(output, *, page, config):
    output = _use_search_worker(output, page.file.src_uri)
    return _name_search_dialog(output, page.file.src_uri, config)


def on_post_template(output, *, template_name, config):
    """404.html: MkDocs renders it as a template, not as a page."""
    if template_name != "404.html":
        return output
    output = _use_search_worker(output, template_name)
    return _name_search_dialog(output, template_name, config)


# Search: section keywords and the query segmenter (scripts/notes_search.py).

_search_keywords: dict[str, dict[str, str]] = {}  # language -> {location: keywords}


def _finish_search(config) -> None:
    """Add the keywords to this language's search index; write the search worker."""
    language = _language(config)
    site = Path(config.site_dir)
    try:
        count = notes_search.add_keywords(
            site / "search" / "search_index.json",
            _search_keywords[language],
            chinese=language == "zh",
        )
    except ValueError as error:
        raise PluginError(str(error)) from None
    _, name, text = notes_search.patched_worker()
    (site / "assets/javascripts/workers" / name).write_text(text, encoding="utf-8")
    log.info(f"search ({language}): keywords for {count} sections")


# Language switcher and hreflang: the same page in the other language.


def _site_root_path(config) -> str:
    """The path of the default language's root on the host: "/" or "/<repo>/"."""
    root = config.site_url or "/"
    language = _language(config)
    if language != DEFAULT_LANGUAGE:
        root = root.removesuffix(f"{language}/")
    return urlsplit(root).path


def _alternates(config, page_url: str) -> list[dict]:
    """One entry per language. `link` is the language's home as an absolute URL on
    site_url (hreflang must be absolute): Material puts it in <link rel="alternate"> and
    its JavaScript fetches the sitemap.xml next to it, so it is the home, not the page.
    `href` is the same page in that language for the language switcher
    (docs/overrides/partials/alternate.html), a path from the host's root that works on
    any host and port."""
    base = _site_root_path(config)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(config.site_url or ""))
    alternates = []
    for other in CONFIG_FILES:
        home = base + ("" if other == DEFAULT_LANGUAGE else f"{other}/")
        alternates.append(
            {
                "name": LANGUAGE_NAMES[other],
                "lang": other,
                "link": (origin if config.site_url else "") + home,
                "href": home + page_url,
            }
        )
    return alternates


def on_env(env, *, config, files):
    config.extra["alternate"] = _alternates(config, "")  # 404.html: the home pages
    return env


def on_page_context(context, *, page, config, nav):
    config.extra["alternate"] = _alternates(config, page.url)
    return context


# Both languages from one build.


def on_post_build(*, config):
    """Publish the snippet files the pages link to; then, after the default language,
    build every other language into its subfolder."""
    _finish_search(config)
    if _language(config) != DEFAULT_LANGUAGE:
        return
    for source in sorted(SNIPPETS.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            target = Path(config.site_dir) / "snippets" / source.relative_to(SNIPPETS)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    for language, config_file in CONFIG_FILES.items():
        if language == DEFAULT_LANGUAGE:
            continue
        other = load_config(
            str(config_file),
            site_dir=str(Path(config.site_dir) / language),
            strict=config.strict,
        )
        build(other)
    _building["language"] = DEFAULT_LANGUAGE
