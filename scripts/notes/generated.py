"""Generated pages, never written into docs/: the API index of each language (from the
code of the snippets), the search keywords of each section (search.py), and each
chapter as a notebook that mkdocs-jupyter renders and readers download."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from . import api_index, matrix, notebooks, search, strings
from .execution import SnippetFailed, apis, job, read, run_snippet, run_snippets
from .fences import API_PAGE, CHANGES_PAGE
from .languages import DOCS, SNIPPETS, language_of, nav_files, site_root_path
from .pages import parse
from .prose import SNIPPET_LINK, join_cjk_lines

log = get_plugin_logger("notes")

keywords: dict[str, dict[str, str]] = {}  # language -> {search location: keywords}
notebook_of: dict[str, dict[str, str]] = {}  # language -> {page: its notebook's path}
_folders: dict[str, Path] = {}  # language -> temporary folder of its notebooks
_written: dict[Path, tuple] = {}  # notebook file -> what it was written from


def chapters(language: str) -> list[str]:
    """The pages of the nav that a reader wrote (not the generated ones), in nav order."""
    return [
        page for page in nav_files[language] if page not in (API_PAGE, CHANGES_PAGE)
    ]


def add_pages(files, config, slugify) -> None:
    """Add the API index, the changes across releases and the notebooks to `files`;
    collect the search keywords."""
    language = language_of(config)
    uses: dict[str, list[tuple[str, str]]] = {}  # API -> [(section, link from api/)]
    places: dict[str, tuple[str, str]] = {}  # snippet -> (its section, its .md link)
    headings: dict[str, str] = {}  # search index location -> heading, in reading order
    for page in chapters(language):
        parsed = parse(DOCS / language / page, slugify)
        url = files.get_file_from_path(page).url
        from_api = get_relative_url(url, API_PAGE.removesuffix(".md") + "/")
        for section in parsed.sections:
            headings[f"{url}#{section.anchor}"] = section.title
            name = f"{parsed.title} › {section.title}"
            for snippet in section.snippets:
                places.setdefault(snippet, (name, f"{page}#{section.anchor}"))
                _use(uses, snippet, name, f"{from_api}#{section.anchor}")
    folder = _folders.setdefault(language, Path(tempfile.mkdtemp(prefix="notes-nb-")))
    written = _write_notebooks(language, folder, config, slugify)
    built = {snippet: _printed(snippet) for snippet in places}
    changes = matrix.changes_page(language, places, built)
    fresh, total = matrix.coverage(places)
    log.info(
        f"version matrix: {fresh} of {total} snippets have a fresh recording on all "
        f"{len(matrix.recordings())} releases ({', '.join(matrix.recordings())})"
    )
    title = strings.text("changes title", language)
    from_api = "../" + CHANGES_PAGE.removesuffix(".md") + "/"
    for release, found in matrix.grouped_changes(places).items():
        name = f"{title} › PyTorch {matrix.short(release)}"
        for snippet, *_ in found:
            _use(uses, snippet, name, f"{from_api}#{matrix.anchor(release)}")
    text = {
        key: strings.STRINGS[f"api index {key}"][language]  # the intro has {count}
        for key in ("title", "description", "intro", "api", "used")
    }
    content = api_index.render_page(text, uses)
    keywords[language] = search.section_keywords(DOCS, language, headings, set(uses))
    included = InclusionLevel.INCLUDED
    files.append(File.generated(config, API_PAGE, content=content, inclusion=included))
    files.append(
        File.generated(config, CHANGES_PAGE, content=changes, inclusion=included)
    )
    for name in written:
        files.append(
            File(
                name,
                src_dir=str(folder),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )


def _use(uses: dict, snippet: str, name: str, link: str) -> None:
    """The snippet's APIs are used in (name, link)."""
    for api in apis(read(snippet)):
        if (name, link) not in uses.setdefault(api, []):
            uses[api].append((name, link))


@atexit.register
def _remove_notebook_folders() -> None:
    """The folders live as long as the process (mkdocs serve renders from them)."""
    for folder in _folders.values():
        shutil.rmtree(folder, ignore_errors=True)


def _write_notebooks(language: str, folder: Path, config, slugify) -> list[str]:
    """Write the notebook of every chapter page; first runs every snippet of the site at
    once, in parallel (the pages then read the outputs from the cache)."""
    notebook_of[language] = {}
    pages = {
        page: parse(DOCS / language / page, slugify) for page in chapters(language)
    }
    run_snippets(
        [
            job(block.snippet, read(block.snippet), block.time_limit)
            for parsed in pages.values()
            for block in parsed.blocks
        ]
    )
    for page, parsed in pages.items():
        if not parsed.blocks or page == "index.md":
            continue
        runs = []
        for block in parsed.blocks:
            source = read(block.snippet)
            try:
                printed = run_snippet(block.snippet, source, block.time_limit)
            except SnippetFailed as failure:  # reported with its page when it renders
                printed = str(failure)
            runs.append((block.line, source, block.kind, printed))
        url = (config.site_url or "") + page.removesuffix(".md") + "/"
        text = parsed.path.read_text(encoding="utf-8")
        name = f"notebooks/{Path(page).stem}.ipynb"
        key = (language, text, parsed.title, url, site_root_path(config), tuple(runs))
        if _written.get(folder / name) != key:  # unchanged: the file is already there
            notebook = notebooks.build(
                text,
                language,
                parsed.title,
                url,
                runs,
                prose=lambda cell: join_cjk_lines(web_links(cell, config)),
            )
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            notebooks.nbformat.write(notebook, folder / name)
            _written[folder / name] = key
        notebook_of[language][page] = name
    return list(notebook_of[language].values())


def _printed(snippet: str) -> str:
    """What the snippet printed in this build ("" if it failed: the page reports it)."""
    try:
        return run_snippet(snippet, read(snippet))
    except SnippetFailed:
        return ""


PAGE_LINK = re.compile(r"\]\((?![a-z]+:)(?P<page>[\w-]+)\.md(?P<anchor>#[^)\s]*)?\)")


def web_links(markdown: str, config) -> str:
    """Links to other pages (`other.md#x`) and to snippet files (`snippets:x/y.json`)
    as the web pages' URLs: the notebook is a page of its own on the site, and a file
    of its own once downloaded."""
    site_url = config.site_url

    def to_url(match: re.Match) -> str:
        page = "" if match["page"] == "index" else match["page"] + "/"
        return f"]({site_url or '/'}{page}{match['anchor'] or ''})"

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url)) if site_url else ""
    files = f"]({origin}{site_root_path(config)}snippets/"
    return SNIPPET_LINK.sub(files, PAGE_LINK.sub(to_url, markdown))


def publish_snippets(site_dir: str) -> None:
    """Copy snippets/ into the site: the pages link each snippet and its data files."""
    for source in sorted(SNIPPETS.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            target = Path(site_dir) / "snippets" / source.relative_to(SNIPPETS)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
