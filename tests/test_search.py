"""Site search in a real Chromium, per language: a query for an API in any common spelling,
or for a topic word, puts the section that answers it in the top 3 results.

"In the top 3" means what a reader sees in the result list, in display order:
Material groups the results by page (`li.md-search-result__item`); a group shows the page
link, then the page's best sections, and folds the rest under "N more on this page" (a
closed <details>). A *result* is a visible section link, or the page link of a group that
shows no section of its own; folded sections are not results. The expected section
(page path + heading anchor, or a bare page path for a chapter) must be one of the first
3 results. Each query is its own test; `test_hit_rate` enforces the rate per language
(>= 95 %) and prints every miss with what came first instead.

Skips locally without Chromium; fails under CI (see conftest.browser).
"""

from __future__ import annotations

import urllib.parse

import pytest
from conftest import LANGUAGES, PHONE
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TOP = 3
MIN_HIT_RATE = 0.95

# (language, query, expected "page/#anchor" relative to the language's home).
# A query that is a word of a chapter's title expects the chapter page: Material ranks a
# page whose title matches it above all of the page's sections, which it folds under
# "N more on this page" (池化, 归一化 -> 池化与归一化; pooling -> Pooling and ...).
QUERIES = [
    # -- zh: the home page (this site's own name), then shapes
    ("zh", "笔记", ""),
    ("zh", "升维", "shapes/#unsqueeze升维"),
    ("zh", "unsqueeze", "shapes/#unsqueeze升维"),
    ("zh", "torch.unsqueeze", "shapes/#unsqueeze升维"),
    ("zh", "降维", "shapes/#squeeze降维"),
    ("zh", "拼接", "shapes/#torchcat沿已有维度拼接"),
    ("zh", "torch.cat", "shapes/#torchcat沿已有维度拼接"),
    ("zh", "torch.stack", "shapes/#torchstack在新维度上堆叠"),
    ("zh", "堆叠", "shapes/#torchstack在新维度上堆叠"),
    ("zh", "torch.flatten", "shapes/#torchflatten展平"),
    # operations
    ("zh", "topk", "operations/#torch-topk"),
    ("zh", "torch.topk", "operations/#torch-topk"),
    ("zh", "x.topk", "operations/#torch-topk"),
    ("zh", "随机种子", "operations/#torch-manual-seed"),
    ("zh", "torch.manual_seed", "operations/#torch-manual-seed"),
    ("zh", "torch.where", "operations/#torch-where"),
    ("zh", "torch.any", "operations/#torch-all-any"),
    ("zh", "准确率", "operations/#accuracy"),
    ("zh", "网格", "operations/#torch-meshgrid"),
    # pooling-normalize
    ("zh", "池化", "pooling-normalize/"),
    ("zh", "归一化", "pooling-normalize/"),
    ("zh", "最大池化", "pooling-normalize/#maxpool2d"),
    ("zh", "ceil_mode", "pooling-normalize/#ceil-mode"),
    ("zh", "自适应平均池化", "pooling-normalize/#adaptive-avg-pool"),
    ("zh", "normalize", "pooling-normalize/#normalize"),
    ("zh", "F.normalize", "pooling-normalize/#normalize"),
    ("zh", "torch.nn.functional.normalize", "pooling-normalize/#normalize"),
    # visualization
    ("zh", "特征图", "visualization/#feature-map"),
    ("zh", "热力图", "visualization/#feature-map"),
    ("zh", "make_grid", "visualization/#make-grid"),
    ("zh", "permute", "visualization/#chw-hwc"),
    ("zh", "显存", "visualization/#cpu-numpy"),
    # image-formats
    ("zh", "ToTensor", "image-formats/#to-tensor"),
    ("zh", "Image.fromarray", "image-formats/#fromarray"),
    ("zh", "通道顺序", "image-formats/#rgb-bgr"),
    # gpu
    ("zh", "CUDA_VISIBLE_DEVICES", "gpu/#cuda-visible-devices"),
    ("zh", "指定显卡", "gpu/#cuda-visible-devices"),
    ("zh", "torch.device", "gpu/#device"),
    # training
    ("zh", "学习率", "training/#optimizer"),
    ("zh", "优化器", "training/#optimizer"),
    ("zh", "交叉熵", "training/#loss-function"),
    ("zh", "F.cross_entropy", "training/#loss-function"),
    ("zh", "torch.no_grad", "training/#no-grad"),
    ("zh", "Dropout", "training/#eval-changes"),
    # save-load
    ("zh", "state_dict", "save-load/#state-dict"),
    ("zh", "model.state_dict()", "save-load/#state-dict"),
    ("zh", "load_state_dict", "save-load/#strict-false"),
    ("zh", "weights_only", "save-load/#whole-model"),
    ("zh", "DataParallel", "save-load/#module-prefix"),
    # model-internals
    ("zh", "register_forward_hook", "model-internals/#register_forward_hook抓取中间特征"),
    ("zh", "中间特征", "model-internals/#register_forward_hook抓取中间特征"),
    ("zh", "FLOPs", "model-internals/#count-flops"),
    ("zh", "register_buffer", "model-internals/#register_buffer-与-nnparameterbuffer-和-parameter"),
    ("zh", "反向传播", "model-internals/#register_full_backward_hook反向传播的-hook"),
    # -- en: shapes
    ("en", "add a dimension", "shapes/#unsqueeze-add-a-dimension"),
    ("en", "notes", ""),
    ("en", "unsqueeze", "shapes/#unsqueeze-add-a-dimension"),
    ("en", "torch.unsqueeze", "shapes/#unsqueeze-add-a-dimension"),
    ("en", "remove dimensions", "shapes/#squeeze-remove-dimensions"),
    ("en", "concatenate", "shapes/#torchcat-join-along-an-existing-dimension"),
    ("en", "torch.cat", "shapes/#torchcat-join-along-an-existing-dimension"),
    ("en", "torch.stack", "shapes/#torchstack-stack-along-a-new-dimension"),
    ("en", "batch dimension", "shapes/#adding-a-batch-dimension-to-a-single-image"),
    # operations
    ("en", "topk", "operations/#torch-topk"),
    ("en", "torch.topk", "operations/#torch-topk"),
    ("en", "x.topk", "operations/#torch-topk"),
    ("en", "random seed", "operations/#torch-manual-seed"),
    ("en", "torch.manual_seed", "operations/#torch-manual-seed"),
    ("en", "torch.where", "operations/#torch-where"),
    ("en", "torch.any", "operations/#torch-all-any"),
    ("en", "accuracy", "operations/#accuracy"),
    ("en", "meshgrid", "operations/#torch-meshgrid"),
    # pooling-normalize
    ("en", "pooling", "pooling-normalize/"),
    ("en", "max pooling", "pooling-normalize/#maxpool2d"),
    ("en", "ceil_mode", "pooling-normalize/#ceil-mode"),
    ("en", "adaptive average pooling", "pooling-normalize/#adaptive-avg-pool"),
    ("en", "normalize", "pooling-normalize/#normalize"),
    ("en", "F.normalize", "pooling-normalize/#normalize"),
    ("en", "torch.nn.functional.normalize", "pooling-normalize/#normalize"),
    # visualization
    ("en", "feature map", "visualization/#feature-map"),
    ("en", "heat map", "visualization/#feature-map"),
    ("en", "make_grid", "visualization/#make-grid"),
    ("en", "permute", "visualization/#chw-hwc"),
    ("en", "GPU memory", "visualization/#cpu-numpy"),
    # image-formats
    ("en", "ToTensor", "image-formats/#to-tensor"),
    ("en", "Image.fromarray", "image-formats/#fromarray"),
    ("en", "channel order", "image-formats/#rgb-bgr"),
    # gpu
    ("en", "CUDA_VISIBLE_DEVICES", "gpu/#cuda-visible-devices"),
    ("en", "torch.device", "gpu/#device"),
    # training
    ("en", "learning rate", "training/#optimizer"),
    ("en", "optimizer", "training/#optimizer"),
    ("en", "cross entropy", "training/#loss-function"),
    ("en", "F.cross_entropy", "training/#loss-function"),
    ("en", "torch.no_grad", "training/#no-grad"),
    ("en", "Dropout", "training/#eval-changes"),
    # save-load
    ("en", "state_dict", "save-load/#state-dict"),
    ("en", "model.state_dict()", "save-load/#state-dict"),
    ("en", "load_state_dict", "save-load/#strict-false"),
    ("en", "weights_only", "save-load/#whole-model"),
    ("en", "DataParallel", "save-load/#module-prefix"),
    # model-internals
    ("en", "register_forward_hook", "model-internals/#register_forward_hook-capturing-inner-features"),
    ("en", "inner features", "model-internals/#register_forward_hook-capturing-inner-features"),
    ("en", "FLOPs", "model-internals/#count-flops"),
    ("en", "register_buffer", "model-internals/#register_buffer-and-nnparameter-buffers-and-parameters"),
    ("en", "backward hook", "model-internals/#register_full_backward_hook-hooks-on-the-backward-pass"),
]  # fmt: skip

CHAPTERS = (
    "shapes",
    "operations",
    "pooling-normalize",
    "visualization",
    "image-formats",
    "gpu",
    "training",
    "save-load",
    "model-internals",
)

_LINK = ".md-search-result__list > li a.md-search-result__link"

# Per result group: its visible section links, or its page link when it shows none.
# Links inside the folded "N more on this page" <details> are left out.
_RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item')]
  .flatMap(group => {
    const links = [...group.querySelectorAll(':scope > a.md-search-result__link')]
      .map(a => a.getAttribute('href'));
    const sections = links.filter(href => href.includes('#'));
    return sections.length ? sections : links.slice(0, 1);
  })"""


def _home(server: str, language: str) -> str:
    return server + ("" if language == LANGUAGES[0] else f"{language}/")


def _relative(href: str, home: str) -> str:
    """'http://127.0.0.1:PORT/en/shapes/?h=x#anchor' -> 'shapes/#anchor' (decoded)."""
    parts = urllib.parse.urlsplit(urllib.parse.urljoin(home, href))
    path = urllib.parse.unquote(parts.path).removeprefix(
        urllib.parse.urlsplit(home).path
    )
    fragment = urllib.parse.unquote(parts.fragment)
    return path + (f"#{fragment}" if fragment else "")


class _SearchBox:
    """One browser tab on a language's home page, reused for every query of it."""

    def __init__(self, browser, home: str):
        self.home = home
        self.context = browser.new_context(service_workers="block")
        self.tab = self.context.new_page()
        self.tab.goto(home)
        self.tab.click("label.md-search__icon, .md-search__input")
        self.box = self.tab.locator("input.md-search__input")

    def results(self, query: str) -> list[str]:
        """The results of `query`, in display order, as 'page/#anchor'."""
        # Empty the box first and wait for the list to empty, so that the list read
        # below is the one for `query`, not the previous query's.
        self._type("")
        self.tab.wait_for_function(
            "() => !document.querySelector('.md-search-result__list > li')",
            timeout=15_000,
        )
        self._type(query)
        try:
            self.tab.locator(_LINK).first.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            return []  # no result at all
        return [_relative(href, self.home) for href in self.tab.evaluate(_RESULTS_JS)]

    def _type(self, text: str):
        self.box.fill(text)
        # Material searches on key events; fill() alone sends none.
        self.box.press("End")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def search(browser, server):
    """search(language, query) -> results in display order, cached per query."""
    boxes: dict[str, _SearchBox] = {}
    cache: dict[tuple[str, str], list[str]] = {}

    def run(language: str, query: str) -> list[str]:
        if (language, query) not in cache:
            if language not in boxes:
                boxes[language] = _SearchBox(browser, _home(server, language))
            cache[language, query] = boxes[language].results(query)
        return cache[language, query]

    yield run
    for box in boxes.values():
        box.close()


def test_the_list_covers_every_chapter_in_both_languages():
    for language in LANGUAGES:
        queries = [q for q in QUERIES if q[0] == language]
        assert len(queries) >= 25, (language, len(queries))
        pages = {expected.split("/")[0] for _, _, expected in queries}
        assert set(CHAPTERS) <= pages, (language, set(CHAPTERS) - pages)


def test_expected_sections_exist(site):
    """A renamed heading fails here, naming the anchor, rather than as a search miss."""
    for language, query, expected in QUERIES:
        root = site if language == LANGUAGES[0] else site / language
        page, _, anchor = expected.partition("#")
        html = (root / page / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert f'id="{anchor}"' in html, (
                f"{language} {query!r}: no #{anchor} on {page}"
            )


@pytest.mark.parametrize(("language", "query", "expected"), QUERIES)
def test_query(search, language, query, expected):
    """One query: a miss is reported as XFAIL with what came first instead; the suite
    fails on the rate (test_hit_rate), not on a single miss."""
    results = search(language, query)
    if expected not in results[:TOP]:
        pytest.xfail(
            f"{query!r} in {language}: expected {expected}, got {results[:TOP]}"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_hit_rate(search, language, capsys):
    queries = [(q, e) for lang, q, e in QUERIES if lang == language]
    misses = []
    for query, expected in queries:
        results = search(language, query)
        if expected not in results[:TOP]:
            misses.append(f"  {query!r}: expected {expected}, got {results[:TOP]}")
    rate = 1 - len(misses) / len(queries)
    report = f"{language}: {len(queries) - len(misses)}/{len(queries)} = {rate:.1%} in top {TOP}"
    with capsys.disabled():
        print("\n" + "\n".join([report, *misses]))
    assert rate >= MIN_HIT_RATE, "\n".join([report, *misses])


def test_the_index_loads_when_the_reader_searches(browser, server):
    """The search index and the sitemaps wait for the search (docs/overrides/main.html):
    a phone opening a chapter requests neither; opening the search requests the index
    and finds results, and the result opens with the query highlighted (?h=), for
    which the index is requested as that page loads."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    lazy = []
    page.on(
        "request",
        lambda request: (
            lazy.append(request.url.removeprefix(server))
            if request.url.endswith(("/search_index.json", "/sitemap.xml"))
            else None
        ),
    )
    page.goto(server + "pooling-normalize/", wait_until="networkidle")
    assert lazy == []
    page.click("label.md-header__button[for='__search']")
    page.keyboard.type("normalize")
    page.locator(_LINK).first.click()
    page.wait_for_url("**/pooling-normalize/?h=normalize*")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert lazy.count("search/search_index.json") == 2, lazy
    context.close()
