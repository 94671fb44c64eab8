"""Languages: which ones the site has, where each is served (the default at /, each
other under /<lang>/), and the same page in the other language."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
DEFAULT_LANGUAGE = "zh"  # served at /, the other language at /<lang>/
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
CONFIG_FILES = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}

building = {"language": DEFAULT_LANGUAGE}  # the language being built now


def home(language: str) -> str:
    """Where a language's pages live, relative to the site's root: "" or "en/"."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def language_of(config) -> str:
    return config.theme["language"]


def relative(path: Path) -> str:
    """A path of the project as the messages name it: 'docs/zh/shapes.md'."""
    return path.relative_to(ROOT).as_posix()


def site_root_path(config) -> str:
    """The path of the default language's root on the host: "/" or "/<repo>/"."""
    root = config.site_url or "/"
    language = language_of(config)
    if language != DEFAULT_LANGUAGE:
        root = root.removesuffix(home(language))
    return urlsplit(root).path


def alternates(config, page_url: str) -> list[dict]:
    """One entry per language. `link` is the language's home as an absolute URL on
    site_url (hreflang must be absolute): Material puts it in <link rel="alternate"> and
    its JavaScript fetches the sitemap.xml next to it, so it is the home, not the page.
    `href` is the same page in that language for the language switcher
    (docs/overrides/partials/alternate.html), a path from the host's root that works on
    any host and port."""
    base = site_root_path(config)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(config.site_url or ""))
    return [
        {
            "name": LANGUAGE_NAMES[other],
            "lang": other,
            "link": (origin if config.site_url else "") + base + home(other),
            "href": base + home(other) + page_url,
        }
        for other in CONFIG_FILES
    ]


# Both languages have the same pages, and the same nav.


def _pages(language: str) -> set[str]:
    folder = DOCS / language
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


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


def flatten_nav(nav) -> list[str]:
    files = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            files += flatten_nav(value)
        elif isinstance(value, str) and not re.match(r"\w+://", value):
            files.append(value)
    return files


nav_files: dict[str, list[str]] = {}  # language -> pages in nav order


def check_navs_match(config) -> None:
    """Record this language's nav; raise if it differs from another language's."""
    language = language_of(config)
    nav_files[language] = flatten_nav(config.nav)
    other = next(iter(set(nav_files) - {language}), None)
    if other and nav_files[other] != nav_files[language]:
        raise PluginError(
            f"The nav of {CONFIG_FILES[language].name} and {CONFIG_FILES[other].name} "
            f"must list the same pages in the same order:\n"
            f"  {language}: {nav_files[language]}\n  {other}: {nav_files[other]}"
        )


# Warnings name the language: MkDocs names a page by its path inside docs_dir
# ('shapes.md'), and both languages have one.


class _NameTheLanguage(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and "docs/" not in str(record.msg):
            record.msg = f"docs/{building['language']}: {record.msg}"
        return True


def start(config) -> None:
    """A language's build starts: check it, name it in warnings, serve it at home()."""
    language = language_of(config)
    if language not in CONFIG_FILES:
        raise PluginError(
            f"theme.language is {language!r}; expected one of {list(CONFIG_FILES)}"
        )
    building["language"] = language
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _NameTheLanguage) for f in handler.filters):
            handler.addFilter(_NameTheLanguage())
    check_languages_match()
    check_navs_match(config)
    if (
        home(language)
        and config.site_url
        and not config.site_url.endswith("/" + home(language))
    ):
        config.site_url = config.site_url.rstrip("/") + "/" + home(language)


def build_other_languages(config) -> None:
    """After the default language: every other one, into its subfolder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for language, config_file in CONFIG_FILES.items():
        if language == DEFAULT_LANGUAGE:
            continue
        other = load_config(
            str(config_file),
            site_dir=str(Path(config.site_dir) / home(language)),
            strict=config.strict,
        )
        build(other)
    building["language"] = DEFAULT_LANGUAGE
