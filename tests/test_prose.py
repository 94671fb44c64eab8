"""The prose of every page follows the glossary and the house rules, read from docs/
(no build needed): one term per concept in each language, US spelling, the 2020 notes
never called "the seed", corrections told apart from later changes, the same closing
section on every chapter."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "scripts"))
from notes import search as notes_search  # noqa: E402

LANGUAGES = ("zh", "en")
GLOSSARY = "glossary.md"
NOT_CHAPTERS = {"index.md", GLOSSARY}  # every other page is a chapter of the 2020 notes

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
ADMONITION = re.compile(r'^(?P<indent>\s*)!!! \w+(?: [\w-]+)* "(?P<title>[^"]*)"')
HEADING2 = re.compile(r"^## (?P<title>.+?)(?:\s*\{[^}]*\})?\s*$")
RELEASE_NOTES = "https://github.com/pytorch/pytorch/releases/tag/v{}.0"
UPDATE_TITLE = {
    "zh": re.compile(r"^更新：PyTorch (?P<version>\d+\.\d+)$"),
    "en": re.compile(r"^Changed in PyTorch (?P<version>\d+\.\d+)$"),
}
CORRECTION_TITLE = {"zh": "勘误", "en": "Correction"}
CLOSING = {
    "zh": "## 与 2020 年原文的差异 {#differences-from-2020}",
    "en": "## Differences from the 2020 notes {#differences-from-2020}",
}
CLOSING_ITEM = {
    "zh": re.compile(r"^- \*\*(?:勘误|更新（PyTorch (?P<version>\d+\.\d+)）)\*\*"),
    "en": re.compile(
        r"^- \*\*(?:Correction|Changed in PyTorch (?P<version>\d+\.\d+))\*\*"
    ),
}
# British spellings the English pages must not use (US spelling, see the glossary).
BRITISH = re.compile(
    r"\b(?:\w+(?:is(?:e|ed|es|ing|ation|ations|er|ers))"
    r"|colour\w*|behaviour\w*|favour\w*|neighbour\w*|centre[sd]?|labelled|labelling"
    r"|modelled|modelling|cancelled|travelled|grey|analyse[sd]?|catalogue)\b",
    re.I,
)
# Words ending in -ise that are not British spellings of -ize.
NOT_BRITISH = {
    "otherwise",
    "likewise",
    "clockwise",
    "precise",
    "concise",
    "promise",
    "promised",
    "promises",
    "raise",
    "raised",
    "raises",
    "raising",
    "noise",
    "noises",
    "rise",
    "rises",
    "arise",
    "arises",
    "arising",
    "wise",
    "exercise",
    "exercises",
    "advise",
    "advised",
    "devise",
    "devised",
    "revise",
    "revised",
    "surprise",
    "surprised",
    "surprising",
    "supervise",
    "supervised",
    "comprise",
    "comprises",
    "expertise",
    "premise",
    "premises",
    "disguise",
    "franchise",
    "compromise",
    "merchandise",
    "enterprise",
    "improvise",
    "elementwise",
    "pairwise",
    "channelwise",
    "stepwise",
    "rowwise",
    "columnwise",
    "pointwise",
    "layerwise",
    "bitwise",
    "piecewise",
    "denoise",
    "denoised",
    "denoising",
    "paradise",
    "guise",
    "poise",
    "praise",
    "praised",
    "cruise",
    "chemise",
    "reprise",
    "treatise",
    "excise",
    "incise",
    "despise",
    "apprise",
    "circumcise",
    "demise",
    "televise",
    "concisely",
    "precisely",
    "imprecise",
    "raiser",
    "riser",
    "adviser",
    "supervisor",
    "wiser",
    "noisier",
    "promiser",
    "exerciser",
    "precision",
    "decision",
    "decisions",
    "revision",
    "revisions",
    "provision",
    "division",
    "vision",
    "envision",
    "supervision",
}


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # prose only: code, URLs and HTML tags removed


def pages(language: str) -> list[Path]:
    return sorted((DOCS / language).glob("*.md"))


def prose_lines(path: Path) -> list[Line]:
    """The prose of a page, line by line: fenced code, inline code, link targets,
    attribute lists and HTML tags removed; a full-width parenthesized English gloss such as （in-place）
    removed too (a gloss after the Chinese term is allowed)."""
    lines, fence = [], None
    for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        opening = FENCE.match(text)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        text = re.sub(r"\{\s*[:#.][^}]*\}", " ", text)  # attribute lists: {#anchor}
        text = re.sub(r"`+[^`]*`+", " ", text)
        text = re.sub(r"\]\([^)]*\)", "]", text)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"https?://\S+", " ", text)
        text = re.sub(r"（[\x20-\x7e]+）", " ", text)
        lines.append(Line(number, text))
    return lines


def glossary_rows(language: str) -> list[dict[str, str]]:
    """The glossary table of a language: {column: cell}, read by the build's own parser
    (scripts/notes_search.py, which feeds the search keywords from it)."""
    return notes_search.glossary_rows(DOCS / language / GLOSSARY)


def _words(cell: str) -> list[str]:
    return [word.strip() for word in re.split(r"[、,]", cell) if word.strip()]


def _term_pattern(word: str) -> re.Pattern:
    if re.search(r"[A-Za-z]", word):  # whole words only: "tensor" is not in "ToTensor"
        return re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", re.I)
    return re.compile(re.escape(word))


GLOSSARY_COLUMNS = {
    "zh": ("中文", "English", "API", "讲解", "近义词", "不用"),
    "en": ("English", "中文", "API", "Section", "Synonyms", "Avoid"),
}


def test_glossary_is_the_same_table_in_both_languages():
    zh, en = glossary_rows("zh"), glossary_rows("en")
    assert list(zh[0]) == list(GLOSSARY_COLUMNS["zh"])
    assert list(en[0]) == list(GLOSSARY_COLUMNS["en"])
    pairs = {
        language: [
            (
                r["中文"],
                r["English"],
                r["API"],
                _target(r[GLOSSARY_COLUMNS[language][3]]),
            )
            for r in rows
        ]
        for language, rows in (("zh", zh), ("en", en))
    }
    assert pairs["zh"] == pairs["en"]
    assert len(zh) >= 60
    # every chapter section that teaches something is linked from a row (its search
    # keywords come from there: scripts/notes_search.py)
    linked = {target for *_, target in pairs["zh"]}
    assert len(linked) >= 55, len(linked)


def _target(cell: str) -> str:
    """'[unsqueeze](shapes.md#unsqueeze)' -> 'shapes.md#unsqueeze'."""
    found = re.search(r"\]\(([^)]+)\)", cell)
    return found[1] if found else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_sections_are_named_as_their_headings(language):
    """A row's link text is the heading of the section it links (up to its colon), so a
    renamed heading does not leave a stale name in the glossary."""
    headings = {}
    for path in pages(language):
        for match in re.finditer(
            r"^(#+) (.*?)[ \t]*(?:\{[ \t]*#([^ }]+)[ \t]*\})?[ \t]*$",
            path.read_text(encoding="utf-8"),
            re.M,
        ):
            level, text, anchor = match.groups()
            if level == "#":
                headings.setdefault(path.name, text)
            elif anchor:
                headings[f"{path.name}#{anchor}"] = text
    column = GLOSSARY_COLUMNS[language][3]
    stale = []
    for row in glossary_rows(language):
        link = re.search(r"\[([^\]]+)\]\(([^)]+)\)", row[column])
        if link:
            heading = re.split(r"：|: ", headings[link[2]].replace("`", ""))[0]
            if link[1] != heading:
                stale.append(f"{link[1]!r} links {link[2]}, now {heading!r}")
    assert not stale, f"docs/{language}/{GLOSSARY}: " + "; ".join(stale)


def _resolve(name: str) -> object:
    module, _, rest = name.partition(".")
    found = importlib.import_module(module)
    for part in rest.split(".") if rest else []:
        try:
            found = getattr(found, part)
        except AttributeError:
            found = importlib.import_module(f"{found.__name__}.{part}")
    return found


def test_glossary_apis_exist():
    missing = []
    for row in glossary_rows("en"):
        for api in re.findall(r"`([\w.]+)`", row["API"]):
            try:
                _resolve(api)
            except (AttributeError, ImportError):
                missing.append(api)
    assert not missing, f"docs/en/{GLOSSARY}: no such API: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_prose_uses_the_glossary_terms(language):
    rows = glossary_rows(language)
    own = "中文" if language == "zh" else "English"
    avoid = GLOSSARY_COLUMNS[language][5]
    accepted = [_term_pattern(word) for row in rows for word in _words(row[own])]
    rejected = [
        (word, _term_pattern(word)) for row in rows for word in _words(row[avoid])
    ]
    found = []
    for path in pages(language):
        if path.name == GLOSSARY:
            continue
        for line in prose_lines(path):
            # a rejected word inside an accepted term is that term (种子 in 随机种子)
            inside = [m.span() for p in accepted for m in p.finditer(line.text)]
            for word, pattern in rejected:
                for match in pattern.finditer(line.text):
                    if not any(
                        a <= match.start() and match.end() <= b for a, b in inside
                    ):
                        found.append(
                            f"docs/{language}/{path.name}:{line.number}: {word!r}"
                        )
    assert not found, "words the glossary rejects:\n" + "\n".join(found)


def test_english_prose_uses_us_spelling():
    found = [
        f"docs/en/{path.name}:{line.number}: {match[0]!r}"
        for path in pages("en")
        if path.name != GLOSSARY  # it names what the pages avoid
        for line in prose_lines(path)
        for match in BRITISH.finditer(line.text)
        if match[0].lower() not in NOT_BRITISH
    ]
    assert not found, "British spellings (the site uses US spelling):\n" + "\n".join(
        found
    )


def test_the_2020_notes_are_never_called_seed():
    found = []
    for language in LANGUAGES:
        for path in pages(language):
            if path.name == GLOSSARY:  # it names what the pages avoid
                continue
            for line in prose_lines(path):
                # zh prose says 随机种子; a bare "seed" (not manual_seed) names the notes
                if language == "zh" and re.search(
                    r"(?<![\w.])seed(?!\w)", line.text, re.I
                ):
                    found.append(f"docs/zh/{path.name}:{line.number}")
                if language == "en" and re.search(
                    r"\bthe seed\b|seed's|\bseed (?:notes|post|formula|code)\b",
                    line.text,
                    re.I,
                ):
                    found.append(f"docs/en/{path.name}:{line.number}")
    snippets = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "snippets").rglob("*")
        if "seed" in p.name.replace("manual_seed", "")
    ]
    assert not found + snippets, "'seed' names the 2020 notes here:\n" + "\n".join(
        found + snippets
    )


def test_pytorch_documentation_links_use_one_host():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for language in LANGUAGES
        for path in pages(language)
        for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if re.search(r"https?://(?:www\.)?pytorch\.org/docs", text)
    ]
    assert not found, (
        "links to PyTorch's docs use https://docs.pytorch.org/docs/:\n"
        + "\n".join(found)
    )


def boxes(path: Path, language: str) -> list[tuple[str, str, int]]:
    """The correction and update admonitions of a page: (kind, version, line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = []
    for index, text in enumerate(lines):
        match = ADMONITION.match(text)
        if not match:
            continue
        title, where = match["title"], f"docs/{language}/{path.name}:{index + 1}"
        if title == CORRECTION_TITLE[language]:
            found.append(("correction", "", index + 1))
            continue
        if not re.match(r"更新|Changed", title):
            continue
        update = UPDATE_TITLE[language].match(title)
        assert update, (
            f"{where}: an update box is titled like {UPDATE_TITLE[language].pattern}"
        )
        version = update["version"]
        body = []
        for following in lines[index + 1 :]:
            if following.strip() and not following.startswith(match["indent"] + "    "):
                break
            body.append(following)
        assert RELEASE_NOTES.format(version) in "\n".join(body), (
            f"{where}: the box links PyTorch {version}'s release notes, "
            f"{RELEASE_NOTES.format(version)}"
        )
        found.append(("update", version, index + 1))
    return found


def chapters() -> list[str]:
    return sorted(p.name for p in pages("zh") if p.name not in NOT_CHAPTERS)


@pytest.mark.parametrize("page", chapters())
def test_corrections_and_updates_are_told_apart(page):
    kinds = {}
    for language in LANGUAGES:
        path = DOCS / language / page
        found = boxes(path, language)
        kinds[language] = [(kind, version) for kind, version, _ in found]
        text = path.read_text(encoding="utf-8")
        headings = [line for line in text.split("\n") if HEADING2.match(line)]
        assert headings and headings[-1] == CLOSING[language], (
            f"docs/{language}/{page}: the last section is {CLOSING[language]!r}"
        )
        closing = text.split(CLOSING[language], 1)[1]
        items = [
            CLOSING_ITEM[language].match(line)
            for line in closing.split("\n")
            if line.startswith("- ")
        ]
        assert items and all(items), (
            f"docs/{language}/{page}: every item of the closing section starts with "
            f"{CLOSING_ITEM[language].pattern}"
        )
        listed = {
            ("update", m["version"]) if m["version"] else ("correction", "")
            for m in items
        }
        unlisted = set(kinds[language]) - listed
        assert not unlisted, (
            f"docs/{language}/{page}: boxes not in the closing list: {unlisted}"
        )
    assert kinds["zh"] == kinds["en"], (
        f"{page}: the two languages label different boxes"
    )
