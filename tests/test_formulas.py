"""The formula checks of the pooling/normalize chapter catch wrong formulas.

Each formula snippet defines its formulas once (sympy), prints their LaTeX and
exposes `check(...)`, the sweep that compares them with PyTorch. Here the snippet
is executed into a namespace, then `check` is called again with a wrong formula
substituted: it must fail with a message naming the configuration that broke.
"""

import re

import pytest
import sympy as sp
from claims import run_namespace
from sympy.parsing.sympy_parser import parse_expr


@pytest.fixture(scope="module")
def pool():
    return run_namespace("pooling_normalize/pool_output_size.py")


@pytest.fixture(scope="module")
def normalize():
    return run_namespace("pooling_normalize/normalize_formula.py")


def test_pool_page_shows_the_checked_formulas(pool):
    ns, output = pool
    # Each formula is printed as written (terms in the order of its text), and the
    # written form is the very expression the sweep checks.
    for name in ("FLOOR_MODE", "FLOOR_2020", "WINDOWS", "CEIL_RULE"):
        checked = ns[name]
        written = parse_expr(ns["WRITTEN"][checked], ns["SYMBOLS"], evaluate=False)
        assert sp.simplify(written - checked) == 0, name
        assert sp.latex(written, order="none") in output, name
    reading_order = r"\left\lfloor{\frac{L_{in} + 2 P - D \left(K - 1\right) - 1}{S}}"
    assert reading_order in output
    assert r"\left\lfloor{\frac{L_{in} - K + 2 P}{S}}" in output  # as in 2020
    # What check() verifies by default is exactly the printed pair, combined.
    assert ns["CEIL_MODE"] == ns["CEIL_RULE"].subs(ns["n"], ns["WINDOWS"])
    assert ns["check"].__defaults__ == (ns["FLOOR_MODE"], ns["CEIL_MODE"])
    assert sum(ns["cases"].values()) > 9000
    assert f"**{sum(ns['cases'].values())}**" in output


def test_2020_ceil_mode_formula_is_caught(pool):
    ns, _ = pool
    L, K, S, P = ns["L"], ns["K"], ns["S"], ns["P"]
    ceil_2020 = sp.ceiling((L - K + 2 * P) / S) + 1
    with pytest.raises(AssertionError, match=r"ceil_mode=True\): PyTorch \d+, formula"):
        ns["check"](ceil_mode=ceil_2020)


def test_2020_ceil_formula_fails_where_last_window_starts_in_padding(pool):
    ns, _ = pool
    L, K, S, P, D = ns["L"], ns["K"], ns["S"], ns["P"], ns["D"]
    # The 2020 notes' "ceil instead of floor", with dilation restored so that only
    # the ceil-mode rule differs.
    ceil_only = sp.ceiling((L + 2 * P - D * (K - 1) - 1) / S) + 1
    with pytest.raises(AssertionError) as failure:
        ns["check"](ceil_mode=ceil_only)
    message = str(failure.value)
    found = re.search(r"L_in=(\d+), K=(\d+), S=(\d+), P=(\d+), D=(\d+)", message)
    length, kernel, stride, padding, dilation = map(int, found.groups())
    assert "ceil_mode=True" in message
    windows = -(-(length + 2 * padding - dilation * (kernel - 1) - 1) // stride) + 1
    assert (windows - 1) * stride >= length + padding  # starts in the right padding


def test_2020_floor_formula_without_dilation_is_caught(pool):
    ns, _ = pool
    L, K, S, P = ns["L"], ns["K"], ns["S"], ns["P"]
    floor_2020 = sp.floor((L - K + 2 * P) / S) + 1  # right only for D = 1
    with pytest.raises(AssertionError, match=r"D=[23], ceil_mode=False"):
        ns["check"](floor_mode=floor_2020)


def test_normalize_page_shows_the_checked_formulas(normalize):
    ns, output = normalize
    assert sp.latex(ns["NORMALIZE"]) in output
    assert sp.latex(ns["NORM"]) in output
    assert f"{ns['cases']} cases" in output


def test_normalize_without_epsilon_is_caught(normalize):
    ns, _ = normalize
    v, j, norm = ns["v"], ns["j"], ns["norm"]
    with pytest.raises(AssertionError, match=r"zeros, dim=-?\d, p="):
        ns["check"](normalize=v[j] / norm)  # 0 / 0 = nan for an all-zero vector


def test_normalize_sum_to_one_reading_is_caught(normalize):
    ns, _ = normalize
    v, i, n = ns["v"], ns["i"], ns["n"]
    with pytest.raises(AssertionError, match=r"shape=\(5,\), randn, dim=-1, p=1"):
        ns["check"](norm_formula=sp.Sum(v[i], (i, 1, n)))  # "elements sum to 1"


def test_normalize_p_norm_without_infinity_case_is_caught(normalize):
    ns, _ = normalize
    v, i, n, p = ns["v"], ns["i"], ns["n"], ns["p"]
    finite_only = sp.Sum(sp.Abs(v[i]) ** p, (i, 1, n)) ** (1 / p)
    with pytest.raises(AssertionError, match=r"p=inf"):
        ns["check"](norm_formula=finite_only)


def test_a_pytorch_change_fails_and_names_the_case(pool, monkeypatch):
    ns, _ = pool
    real = ns["pytorch_size"]

    def changed(layer, length, kernel, stride, padding, dilation, ceil_mode):
        size = real(layer, length, kernel, stride, padding, dilation, ceil_mode)
        if (layer, length, kernel, stride, padding) == ("AvgPool2d", 7, 3, 2, 1):
            return size + 1  # as if a future PyTorch rounded differently here
        return size

    monkeypatch.setitem(ns, "pytorch_size", changed)
    with pytest.raises(AssertionError, match=r"AvgPool2d\(L_in=7, K=3, S=2, P=1, D=1"):
        ns["check"]()
