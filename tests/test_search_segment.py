"""The search worker's additions (scripts/notes/search_worker.js), run in Node.js against a
small index: Chinese split into the index's words wherever they are, glued Latin letters
and digits split off, how each word is matched, dotted API names as whole words, and
which sections of a page the result list shows.

Skips locally without Node.js; fails under CI, which installs it (.ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SEGMENTER = (
    Path(__file__).resolve().parent.parent / "scripts" / "notes" / "search_worker.js"
)
WORDS = ["求", "范数", "p", "转换", "numpy", "池化", "最大", "平均", "自适应平均池化",
         "自适应", "张量", "维度", "unsqueeze", "torch", "torchvision", "logits", "的",
         "where", "view", "torch·where", "f·normalize", "torch·tensor·view",
         "tensor·view"]  # fmt: skip


# The separator of the indexes, without the Chinese punctuation (mkdocs.yml)
SEPARATOR = r'/[\s\u200b\-,:!=\[\]()"/]+|\.(?!\d)/'


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node.js not found — required under CI (.ci/run installs it)")
        pytest.skip("Node.js not found")
    return node


def segment(*queries: str, chinese: bool = True) -> list[str]:
    node = _node()
    program = f"""
    globalThis.lunr = {{ tokenizer: {{ separator: {SEPARATOR} }},
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


def test_the_longest_words_win_and_bring_their_parts():
    # the parts too, unboosted: jieba may have cut the same characters into them
    # elsewhere on the site
    assert segment("自适应平均池化") == ["自适应平均池化^4 自适应 平均 池化"]


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
    assert segment("unsqeeze") == ["unsqeeze~1^4"]
    assert segment("张量的维度") == ["张量^4 维度^4"]
    assert segment("的") == ["的^4"]  # alone, a glue word is still searched


def test_lunr_syntax_is_left_alone():
    assert segment("+torch -logits", "torch^2", "title:torch") == [
        "+torch -logits",
        "torch^2",
        "title:torch",
    ]


def test_pasted_code_is_not_lunr_syntax():
    # "-1" and "::-1" are no prohibited word or field: Lunr would drop every section
    # that has a "1" in it
    assert segment("view(-1)", "x[..., ::-1]") == ["view^4 1", "x 1"]


def test_typos_weigh_like_exact_words():
    assert segment("unsqeeze torch") == ["unsqeeze~1^4 torch^4 torch*"]


def test_dotted_names_are_also_whole_api_words():
    assert segment("torch.where", "F.normalize", "x.view(x.size(0), -1)") == [
        "torch^4 where^4 torch·where^4",
        "f* normalize~1^4 f·normalize^4",
        "x view^4 x size~1^4 0 1 torch·tensor·view^4 tensor·view^4",
    ]


def test_a_page_shows_the_sections_that_score_near_its_best():
    node = _node()
    program = f"""
    {SEGMENTER.read_text(encoding="utf-8")}
    const items = [[
      {{ location: "operations/#torch-where", score: 10 }},
      {{ location: "operations/#torch-where-indices", score: 6 }},
      {{ location: "operations/#torch-max", score: 4 }},
      {{ location: "operations/", score: 1 }},
    ]]
    console.log(JSON.stringify(notesShow({{ items }}).items[0].map(r => r.score)))
    """
    result = subprocess.run(
        [node, "-e", program], capture_output=True, text=True, timeout=30, check=True
    )
    # Material shows a page's sections that score at least its best: the second
    # section now does, the third (under NOTES_SHOWN of the best) and the page do not
    assert json.loads(result.stdout) == [10, 10, 4, 1]


def test_the_english_index_keeps_its_pipeline():
    assert segment("logits", chinese=False) == ["logits^4"]


def test_results_list_the_readers_words_only():
    """Material strikes out a result's missing query terms ("Missing: ...") and puts the
    found ones in its link (?h=) to highlight them: the words the worker added (API
    words, single characters of a longer word) and Lunr's syntax are not the reader's."""
    node = _node()
    program = f"""
    globalThis.lunr = {{ tokenizer: {{ separator: {SEPARATOR} }}, zh: {{}} }}
    {SEGMENTER.read_text(encoding="utf-8")}
    const search = {{
      invertedIndex: Object.fromEntries({json.dumps(WORDS + ["对照", "对", "照", "通道顺序", "通道", "顺序"])}.map(w => [w, {{}}])),
      pipeline: {{ remove: () => {{}} }},
    }}
    const shown = []
    notesSegment("torch.where", search)
    shown.push(notesShow({{ items: [[{{ location: "a/#b", score: 1,
      terms: {{ "torch": true, "where*": false, "where": true, "torch·where": false }} }}]] }}))
    notesSegment("对照 通道顺序", search)
    shown.push(notesShow({{ items: [[{{ location: "a/#b", score: 1,
      terms: {{ "对照": false, "对": true, "照": false, "通道顺序": false, "通道": true, "顺序": false }} }}]] }}))
    console.log(JSON.stringify(shown.map(r => r.items[0][0].terms)))
    """
    result = subprocess.run(
        [node, "-e", program], capture_output=True, text=True, timeout=30, check=True
    )
    assert json.loads(result.stdout) == [
        {"torch": True, "where": True},
        {"对照": False, "通道顺序": False, "通道": True},
    ]
