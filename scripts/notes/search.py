"""Site search beyond the words on a page: section keywords, query segmentation, results.

Material's search indexes each section's title and text, and Lunr matches query words
against them. Two additions make it find what readers type:

1. **Keywords.** Every section that teaches a concept or an API gets an invisible
   `keywords` field in the search index (boosted in mkdocs.yml, never shown on a page),
   fed by two sources and nothing else:
   - the glossary (docs/<lang>/glossary.md): a row links the section that teaches its
     concept ("讲解" / "Section"), and gives the term in both languages, its synonyms,
     its avoided variants and its APIs;
   - the APIs a section's heading names (`nn.MaxPool2d`, `view`), resolved against the
     APIs the site's snippets call (the API index).
   An API is written in the spellings readers type: `torch.nn.functional.normalize` also
   as `F.normalize`; Lunr then splits them at dots into `f`, `normalize`, ... The
   section that teaches an API (teaching_sections) also gets it whole, as one word
   (api_token: `f·normalize`). The Chinese site also takes the English words of the
   row, which Chinese readers type too.
2. **The worker** (search_worker.js): the query goes through the site's own
   segmenter instead of Material's experimental one, and the results show every section
   of a page that scores near the page's best. `patched_worker` writes Material's worker
   with those two calls replaced, under a name of its own.
3. **Ranking.** A keyword match weighs as much as a title match; a page's top and the
   chapters' recap sections are boosted down (PAGE_BOOST, RECAP_BOOST).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

import material

GLOSSARY = "glossary.md"
FIELD = "keywords"
WORKER_ADDITIONS = Path(__file__).with_name("search_worker.js")
# Ranking. Material multiplies the score of a page's top (the text above its first
# section) by up to 2.5 more than a section's, and shows a page's sections only when
# they outscore that top: the top of "Pooling and normalization" hid the section on
# MaxPool2d from a search for MaxPool2d. Its boost takes most of that bonus back. The
# summary and the differences section of a chapter only repeat what its sections teach.
PAGE_BOOST = 0.4
RECAPS = ("#summary", "#differences-from-2020")
RECAP_BOOST = 0.5
# Short names readers use for a module path: `F.normalize`, `nn.Linear`.
ALIASES = {
    "torch.nn.functional.": "F.",
    "torch.nn.": "nn.",
    "torchvision.transforms.": "transforms.",
    "torch.Tensor.": "Tensor.",
}
# Glossary columns per language: the term, the other language's term, the section, the
# synonyms and the avoided variants (the API column has the same name in both).
COLUMNS = {
    "zh": {"term": "中文", "other": "English", "section": "讲解", "synonyms": "近义词", "avoid": "不用"},
    "en": {"term": "English", "other": "中文", "section": "Section", "synonyms": "Synonyms", "avoid": "Avoid"},
}  # fmt: skip
API_JOINER = "\u00b7"  # '·': no separator of the index splits at it
CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")  # the CJK ideographs


def glossary_rows(path: Path) -> list[dict[str, str]]:
    """The glossary table of a page: one {column: cell} per row."""
    table = [
        line
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.startswith("|")
    ]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    rows = []
    for number, line in enumerate(table[2:], start=3):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(header):
            raise ValueError(f"{path}: table row {number} has {len(cells)} cells")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def words(cell: str) -> list[str]:
    """'升维、扩维' or 'axis, dim' -> the words; '维度（维）' -> ['维度', '维']."""
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", "", cell).replace("`", "")
    return [w.strip() for w in re.split(r"[、,，（）()]", cell) if w.strip()]


def spellings(api: str) -> list[str]:
    """`torch.nn.functional.normalize` -> it and `F.normalize`, the way readers type it."""
    names = [api]
    for prefix, alias in ALIASES.items():
        if api.startswith(prefix):
            names.append(alias + api.removeprefix(prefix))
    return names


def api_keywords(api: str) -> list[str]:
    """An API's keywords: its spellings, and the words of a name with underscores
    (`torch.cuda.is_available` -> "is available": the index keeps `is_available` one
    word, and readers type "state dict" for `state_dict`)."""
    last = api.rpartition(".")[2]
    split = [" ".join(filter(None, last.split("_")))] if "_" in last.strip("_") else []
    return spellings(api) + split


def _section(link: str) -> str:
    """A glossary link 'shapes.md#unsqueeze' -> the index location 'shapes/#unsqueeze'."""
    page, _, anchor = re.search(r"\]\(([^)]+)\)", link)[1].partition("#")
    page = "" if page == "index.md" else page.removesuffix(".md") + "/"
    return page + (f"#{anchor}" if anchor else "")


def glossary_keywords(docs: Path, language: str) -> dict[str, list[str]]:
    """Index location -> keywords, from the glossary of `language` (and, for a language
    other than English, the English words of the same rows)."""
    if not (docs / language / GLOSSARY).exists():
        return {}  # a site without a glossary (the fault builds of tests/test_failures.py)
    own = glossary_rows(docs / language / GLOSSARY)
    english = glossary_rows(docs / "en" / GLOSSARY) if language != "en" else own
    names = COLUMNS[language]
    keywords: dict[str, list[str]] = {}
    for row, en in zip(own, english, strict=True):
        if not row[names["section"]]:
            continue
        found = keywords.setdefault(_section(row[names["section"]]), [])
        for column in ("term", "other", "synonyms", "avoid"):
            found += words(row[names[column]])
        if language != "en":
            found += words(en["Synonyms"]) + words(en["Avoid"])
        for api in re.findall(r"`([\w.]+)`", row["API"]):
            found += api_keywords(api)
    return keywords


def heading_apis(heading: str, apis: set[str]) -> list[str]:
    """The APIs a heading names, among `apis`: 'nn.MaxPool2d：最大池化' ->
    ['torch.nn.MaxPool2d']; 'view：展平' -> ['torch.Tensor.view']."""
    named = []
    for name in re.findall(r"[A-Za-z_][\w.]*", heading):
        name = name.strip(".")
        named += sorted(
            api
            for api in apis
            if api == name or (api.endswith("." + name) and name != api)
        )
    return list(dict.fromkeys(named))


def glossary_apis(docs: Path, language: str) -> dict[str, list[str]]:
    """Index location -> the APIs that the glossary's rows linking it name."""
    if not (docs / language / GLOSSARY).exists():
        return {}
    section = COLUMNS[language]["section"]
    apis: dict[str, list[str]] = {}
    for row in glossary_rows(docs / language / GLOSSARY):
        if row[section]:
            found = apis.setdefault(_section(row[section]), [])
            found += re.findall(r"`([\w.]+)`", row["API"])
    return apis


def api_token(name: str) -> str:
    """The index word for an API spelled whole: 'F.normalize' -> 'f·normalize'. Lunr
    splits names at dots, so `torch.where` alone would match every section that says
    "torch" and "where"; the joined word matches only the section that teaches it.
    scripts/notes/search_worker.js joins the dotted names of a query the same way."""
    return name.lower().replace(".", API_JOINER)


def teaching_sections(
    docs: Path, language: str, headings: dict[str, str], apis: set[str]
) -> dict[str, str]:
    """API -> the section that teaches it: the first section, in reading order, that a
    glossary row lists it for ("torch.where" -> the two-argument section, not the
    one-argument one after it); for an API no row lists, the first section whose
    heading names it."""
    listed = glossary_apis(docs, language)
    teaches: dict[str, str] = {}
    for location in headings:
        for api in listed.get(location, []):
            teaches.setdefault(api, location)
    for location, heading in headings.items():
        for api in heading_apis(heading, apis):
            teaches.setdefault(api, location)
    return teaches


def section_keywords(
    docs: Path,
    language: str,
    headings: dict[str, str],
    apis: set[str],
) -> dict[str, str]:
    """Index location -> the keyword text of that section. `headings`: location ->
    heading text of every section of the site, in reading order; `apis`: every API the
    snippets call."""
    keywords = glossary_keywords(docs, language)
    for location, heading in headings.items():
        for api in heading_apis(heading, apis):
            keywords.setdefault(location, []).extend(api_keywords(api))
    for api, location in teaching_sections(docs, language, headings, apis).items():
        keywords.setdefault(location, []).extend(map(api_token, spellings(api)))
    return {
        location: " ".join(dict.fromkeys(words)) for location, words in keywords.items()
    }


def segment_chinese(text: str) -> str:
    """Keyword text as the index's words: each Chinese term stays one word (so that a
    query for the whole term matches it) and is also cut into jieba's words (so that a
    query for a part of it matches too), as Material does for the page text."""
    import jieba  # Material's Chinese search needs it; imported only for Chinese

    def cut(match: re.Match) -> str:
        term = match[0]
        parts = [p for p in jieba.cut_for_search(term) if p.strip()]
        return "\u200b" + "\u200b".join(dict.fromkeys([term, *parts])) + "\u200b"

    return CHINESE.sub(cut, text).strip("\u200b")


def add_keywords(index_file: Path, keywords: dict[str, str], chinese: bool) -> int:
    """Write the `keywords` field into the sections of a built search index; returns how
    many sections got one. A keyword location that is not in the index is an error."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    if FIELD not in index["config"]["fields"]:
        raise ValueError(f"{index_file}: mkdocs.yml gives search no '{FIELD}' field")
    documents = {doc["location"]: doc for doc in index["docs"]}
    missing = sorted(set(keywords) - set(documents))
    if missing:
        raise ValueError(
            f"{index_file}: keywords for sections not in the index: {missing}"
        )
    for location, text in keywords.items():
        documents[location][FIELD] = segment_chinese(text) if chinese else text
    for location, document in documents.items():
        if "#" not in location:
            document["boost"] = PAGE_BOOST
        elif location.endswith(RECAPS):
            document["boost"] = RECAP_BOOST
    index_file.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return len(keywords)


# The search worker: Material's, with its query segmentation replaced.

MATERIAL_WORKERS = (
    Path(material.__file__).parent / "templates/assets/javascripts/workers"
)
# In Material 9.x's minified worker: query=query.replace(/\p{sc=Han}+/gu, value =>
# [...segment(value, this.index.invertedIndex)].join("* "))
MATERIAL_SEGMENT = re.compile(
    r'(?P<q>\w+)=(?P=q)\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),'
    r'(?P<v>\w+)=>\[\.\.\.\w+\((?P=v),this\.index\.invertedIndex\)\]\.join\("\* "\)\)'
)
# ... and its answer to a query: case 2:...return{type:3,data:index.search(query)}
MATERIAL_RESULTS = re.compile(r"data:(?P<i>\w+)\.search\((?P<q>\w+)\)")
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


@functools.cache
def patched_worker() -> tuple[str, str, str]:
    """(the name of Material's worker, the name of ours, the text of ours)."""
    (original,) = MATERIAL_WORKERS.glob("search.*.min.js")
    text = original.read_text(encoding="utf-8")
    text, count = MATERIAL_SEGMENT.subn(
        lambda m: f"{m['q']}=notesSegment({m['q']},this.index)", text
    )
    text, shown = MATERIAL_RESULTS.subn(
        lambda m: f"data:notesShow({m['i']}.search({m['q']}))", text
    )
    if count != 1 or shown != 1:
        raise ValueError(
            f"{original}: Material's query segmentation or results were not found "
            f"(changed in this Material version?): scripts/notes/search.py"
        )
    text = (
        WORKER_ADDITIONS.read_text(encoding="utf-8") + "\n" + SOURCE_MAP.sub("", text)
    )
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return original.name, f"search.notes.{digest}.min.js", text


def finish(site_dir: str, keywords: dict[str, str], language: str) -> int:
    """After a language's build: its keywords into its search index, and the worker
    next to Material's; returns how many sections got keywords."""
    site = Path(site_dir)
    count = add_keywords(
        site / "search" / "search_index.json", keywords, chinese=language == "zh"
    )
    _, name, text = patched_worker()
    (site / "assets/javascripts/workers" / name).write_text(text, encoding="utf-8")
    return count
