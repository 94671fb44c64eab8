"""The search worker's query segmentation (scripts/search_segment.js), run in Node.js
against a small index: Chinese split into the index's words wherever they are, glued
Latin letters and digits split off, and how each word is matched.

Skips locally without Node.js; fails under CI, which installs it (.ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SEGMENTER = Path(__file__).resolve().parent.parent / "scripts" / "search_segment.js"
WORDS = ["求", "范数", "p", "转换", "numpy", "池化", "最大", "平均", "自适应平均池化",
         "张量", "维度", "unsqueeze", "torch", "torchvision", "logits", "的"]  # fmt: skip


def segment(*queries: str, chinese: bool = True) -> list[str]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node.js not found — required under CI (.ci/run installs it)")
        pytest.skip("Node.js not found")
    program = f"""
    globalThis.lunr = {{ tokenizer: {{ separator: /[\\s\\u200b]+|\\.(?!\\d)/ }},
                        stemmer: "english", zh: {"{}" if chinese else "undefined"} }}
    {SEGMENTER.read_text(encoding="utf-8")}
    const removed = []
    const search = {{
      invertedIndex: Object.fromEntries({json.dumps(WORDS)}.map(w => [w, {{}}])),
      pipeline: {{ remove: fn => removed.push(fn) }},
    }}
    const out = {json.dumps(queries)}.map(q => notesSegment(q, search))
    console.log(JSON.stringify({{ out, removed }}))
    """
    result = subprocess.run(
        [node, "-e", program], capture_output=True, text=True, timeout=30, check=True
    )
    data = json.loads(result.stdout)
    assert data["removed"] == (["english"] * len(queries) if chinese else [])
    return data["out"]


def test_chinese_is_cut_into_the_index_words():
    assert segment("求范数", "最大池化", "张量维度") == [
        "求^4 范数^4",  # the word at the end of the run is found
        "最大^4 池化^4",
        "张量^4 维度^4",
    ]


def test_a_run_that_starts_with_an_unknown_word():
    # Material's segmenter sent "某某池化" unsegmented, matching nothing
    assert segment("某某池化") == ["某* 某* 池化^4"]


def test_the_longest_words_win():
    assert segment("自适应平均池化") == ["自适应平均池化^4"]


def test_chinese_glued_to_latin_letters_or_digits():
    assert segment("p范数", "转numpy", "转 numpy") == [
        "p^4 范数^4",
        "转* numpy^4",  # 转 is no word: a prefix, finds 转换
        "转* numpy^4",
    ]


def test_known_words_match_exactly_except_the_last():
    # "torch" inside a query does not also match "torchvision" in every section
    assert segment("torch unsqueeze") == ["torch^4 unsqueeze^4"]
    # the last word may still be being typed: also a prefix, where longer words exist
    assert segment("torch") == ["torch^4 torch*"]


def test_typos_and_glue_words():
    assert segment("unsqeeze") == ["unsqeeze~1"]
    assert segment("张量的维度") == ["张量^4 维度^4"]
    assert segment("的") == ["的^4"]  # alone, a glue word is still searched


def test_lunr_syntax_is_left_alone():
    assert segment("+torch -logits") == ["+torch -logits"]


def test_the_english_index_keeps_its_pipeline():
    assert segment("logits", chinese=False) == ["logits^4"]
