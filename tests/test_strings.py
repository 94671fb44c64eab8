"""The build's sentences (scripts/notes/strings.py) exist in every language of the site,
with the same placeholders, so that no page gets a missing or half-filled sentence."""

from __future__ import annotations

import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from notes.languages import CONFIG_FILES, DEFAULT_LANGUAGE, home  # noqa: E402
from notes.strings import STRINGS  # noqa: E402


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def test_every_sentence_in_every_language():
    missing = [
        f"{key}: {language}"
        for key, sentences in STRINGS.items()
        for language in CONFIG_FILES
        if not sentences.get(language, "").strip()
    ]
    assert not missing, missing


def test_the_languages_fill_the_same_placeholders():
    differ = {
        key: {language: _placeholders(s) for language, s in sentences.items()}
        for key, sentences in STRINGS.items()
        if len({frozenset(_placeholders(s)) for s in sentences.values()}) > 1
    }
    assert not differ, differ


def test_the_default_language_is_at_the_root_and_the_others_in_folders():
    assert home(DEFAULT_LANGUAGE) == ""
    assert all(
        home(lang) == f"{lang}/" for lang in CONFIG_FILES if lang != DEFAULT_LANGUAGE
    )
