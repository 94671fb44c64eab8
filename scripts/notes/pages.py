"""Pages: each Markdown page parsed once into a Page (its title, executed blocks and
sections), which every later stage reads: the checks, the fence formatter, the API index,
the search keywords and the notebooks. A fence's attributes are interpreted here only.

A malformed executed fence stops the build here, before anything runs, with the page and
line: no id, not exactly one snippet include, a snippet that is missing, does not parse
or leaves a hidden region open, a figure without alt text, a bad timeout.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import processes
from .languages import CONFIG_FILES, DOCS, SNIPPETS, relative

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<path>[^"]+)"\s*$')
HEADING = re.compile(
    r"^(?P<level>#{1,3})[ \t]+(?P<text>.+?)[ \t]*(?:\{[ \t]*#(?P<id>[^}\s]+)[ \t]*\})?[ \t]*$",
    re.MULTILINE,
)
# A snippet's plumbing (figure export, a verification sweep) sits between these lines:
# run, and in the linked file, but not shown on the page (fences.shown_on_page).
HIDDEN_START = "# --- hidden on the page ---"
HIDDEN_END = "# --- shown on the page ---"


@dataclass(frozen=True)
class Block:
    """An executed fence: `id` from its attributes, `snippet` under snippets/, `kind` of
    output ("text", "html" for a figure, "markdown"), the figure's `alt` text and the
    `time_limit` in seconds (timeout="...")."""

    id: str
    line: int
    snippet: str
    kind: str = "text"
    time_limit: float = processes.TIME_LIMIT
    alt: str = ""


@dataclass(frozen=True)
class Section:
    """An H2 or H3: its text as the table of contents shows it, its anchor, the
    snippets of the blocks under it (up to the next heading) and the heading's line."""

    title: str
    anchor: str
    snippets: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Page:
    path: Path
    title: str
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]


@functools.cache
def parse(path: Path, slugify) -> Page:
    """The page at `path`, parsed once per build (hooks.py clears this cache when a build
    starts: under `mkdocs serve` a page or a snippet may have changed since)."""
    text = path.read_text(encoding="utf-8")
    fences = list(FENCE.finditer(text))
    blocks = _blocks(text, fences, relative(path))
    inside = [(m.start(), m.end()) for m in fences]
    headings = [
        m
        for m in HEADING.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    title = next(
        (heading_text(m["text"]) for m in headings if m["level"] == "#"), path.stem
    )
    sections = []
    for i, heading in enumerate(headings):
        if heading["level"] == "#":
            continue
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        first = text.count("\n", 0, heading.start()) + 1
        last = text.count("\n", 0, end) + 1
        label = heading_text(heading["text"])
        sections.append(
            Section(
                label,
                heading["id"] or slugify(label, "-"),
                tuple(b.snippet for b in blocks if first < b.line <= last),
                first,
            )
        )
    return Page(path, title, tuple(blocks), tuple(sections))


def heading_text(markdown: str) -> str:
    """What the toc extension sees of a heading: no code ticks, bold or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [label](link) -> label
    return text.replace("`", "").replace("**", "").strip()


def _blocks(text: str, fences: list[re.Match], name: str) -> list[Block]:
    """The executed fences of a page, raising on any malformed one."""
    blocks, problems = [], []
    for match in fences:
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
        figure = attrs.get("html", "0") not in ("0", "")
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
        elif figure and not attrs.get("alt"):
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
            kind = "markdown" if attrs.get("result") == "markdown" else "text"
            kind = "html" if figure and kind == "text" else kind
            blocks.append(
                Block(block_id, line, includes[0], kind, limit, attrs.get("alt", ""))
            )
    if problems:
        raise PluginError("Broken executed blocks:\n  " + "\n  ".join(problems))
    return blocks


def _time_limit(attrs: dict[str, str]) -> float | None:
    try:
        limit = float(attrs.get("timeout", processes.TIME_LIMIT))
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
        return f"{relative(snippet)}:{error.lineno}: SyntaxError: {error.msg}"
    return ""


def _unclosed_hidden_region(snippet: Path) -> int:
    """The line of a HIDDEN_START that no HIDDEN_END follows (0 if none)."""
    start = 0
    for number, line in enumerate(snippet.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip() == HIDDEN_START and not start:
            start = number
        elif line.strip() == HIDDEN_END:
            start = 0
    return start


def same_blocks(page: str, slugify) -> dict[str, Page]:
    """The page in every language; all must run the same snippets, in order."""
    found = {
        language: parse(DOCS / language / page, slugify) for language in CONFIG_FILES
    }
    shapes = {
        language: [(b.id, b.snippet) for b in parsed.blocks]
        for language, parsed in found.items()
    }
    first, *others = CONFIG_FILES
    for other in others:
        if shapes[other] != shapes[first]:
            raise PluginError(
                f"docs/{first}/{page} and docs/{other}/{page} must run the same snippets with "
                f"the same ids, in the same order:\n  {first}: {shapes[first]}\n  {other}: {shapes[other]}"
            )
    return found
