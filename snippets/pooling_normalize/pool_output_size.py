import itertools  # markdown-exec: hide

import sympy as sp
import torch
import torch.nn.functional as F
from sympy.parsing.sympy_parser import parse_expr

L, K, S, D = sp.symbols("L_{in} K S D", integer=True, positive=True)
P = sp.Symbol("P", integer=True, nonnegative=True)
n = sp.Symbol("n", integer=True)  # number of windows, rounding up
SYMBOLS = {"L_in": L, "K": K, "S": S, "P": P, "D": D, "n": n}
WRITTEN = {}  # expression -> its text, to print the terms in the order written


def formula(text):
    expression = parse_expr(text, SYMBOLS)
    WRITTEN[expression] = text
    return expression


# Each formula is written once; the page prints it and the sweep checks it.
FLOOR_MODE = formula("floor((L_in + 2*P - D*(K - 1) - 1) / S) + 1")
FLOOR_2020 = formula("floor((L_in - K + 2*P) / S) + 1")  # the 2020 notes, W = L_in
WINDOWS = formula("ceiling((L_in + 2*P - D*(K - 1) - 1) / S) + 1")
# ceil_mode=True drops a last window that starts in the right padding:
CEIL_RULE = formula("Piecewise((n - 1, L_in + P <= S*(n - 1)), (n, True))")
CEIL_MODE = CEIL_RULE.subs(n, WINDOWS)
assert FLOOR_MODE.subs(D, 1) == FLOOR_2020

# Worked example: the 2020 notes' 5x5 input, kernel 2, stride 2
x = torch.zeros(1, 1, 5, 5)
examples = []
for padding, ceil in [(0, False), (0, True), (1, True)]:
    y = F.max_pool2d(x, 2, 2, padding, ceil_mode=ceil)
    values = {L: 5, K: 2, S: 2, P: padding, D: 1}
    size = (CEIL_MODE if ceil else FLOOR_MODE).subs(values)
    assert size == y.shape[-1]
    examples.append((padding, ceil, WINDOWS.subs(values), size, y.shape[-1]))
# --- hidden on the page ---
LENGTHS = range(1, 17)
KERNELS = range(1, 6)
STRIDES = range(1, 5)
DILATIONS = range(1, 4)
INPUTS = {length: torch.empty(1, 1, length, 1) for length in LENGTHS}


def pool_configs():
    """Every configuration the pooling layers accept: padding <= kernel // 2."""
    for length, kernel, stride, dilation in itertools.product(
        LENGTHS, KERNELS, STRIDES, DILATIONS
    ):
        for padding in range(kernel // 2 + 1):
            yield length, kernel, stride, padding, dilation


def conv_configs():
    for length, kernel, stride, dilation in itertools.product(
        LENGTHS, KERNELS, STRIDES, DILATIONS
    ):
        for padding in range(4):
            yield length, kernel, stride, padding, dilation


def pytorch_size(layer, length, kernel, stride, padding, dilation, ceil_mode):
    """Output height PyTorch computes, 0 if it refuses (output size < 1)."""
    x = INPUTS[length]
    try:
        if layer == "MaxPool2d":
            y = F.max_pool2d(
                x,
                (kernel, 1),
                (stride, 1),
                (padding, 0),
                (dilation, 1),
                ceil_mode=ceil_mode,
            )
        elif layer == "AvgPool2d":
            y = F.avg_pool2d(
                x, (kernel, 1), (stride, 1), (padding, 0), ceil_mode=ceil_mode
            )
        else:
            weight = torch.empty(1, 1, kernel, 1)
            y = F.conv2d(x, weight, None, (stride, 1), (padding, 0), (dilation, 1))
    except RuntimeError:
        return 0
    return y.shape[2]


def check(floor_mode=FLOOR_MODE, ceil_mode=CEIL_MODE):
    """Compare the formulas with PyTorch case by case; return cases per layer."""
    formulas = {
        False: sp.lambdify((L, K, S, P, D), floor_mode, "math"),
        True: sp.lambdify((L, K, S, P, D), ceil_mode, "math"),
    }
    cases = {}
    # One thread: thousands of tiny calls, where thread start-up would dominate.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)

    def compare(layer, config, ceil):
        expected = max(int(formulas[ceil](*config)), 0)
        got = pytorch_size(layer, *config, ceil)
        name = "L_in={}, K={}, S={}, P={}, D={}".format(*config)
        assert got == expected, (
            f"{layer}({name}, ceil_mode={ceil}): PyTorch {got}, formula {expected}"
        )
        cases[layer, ceil] = cases.get((layer, ceil), 0) + 1

    try:
        for config in pool_configs():
            for ceil in (False, True):
                compare("MaxPool2d", config, ceil)
                if config[-1] == 1:  # AvgPool2d has no dilation
                    compare("AvgPool2d", config, ceil)
        for config in conv_configs():
            compare("Conv2d", config, False)  # Conv2d has no ceil_mode
    finally:
        torch.set_num_threads(threads)
    return cases


for kernel in KERNELS:  # the pooling layers refuse padding > kernel // 2
    try:
        F.max_pool2d(INPUTS[16], (kernel, 1), padding=(kernel // 2 + 1, 0))
    except RuntimeError as error:
        assert "pad should be" in str(error)
    else:
        raise AssertionError(f"expected RuntimeError for kernel {kernel}")
# --- shown on the page ---

cases = check()  # every valid combination, against PyTorch (see the file)
assert sum(cases.values()) > 9000
# --- hidden on the page ---


def latex(expression):
    written = parse_expr(WRITTEN[expression], SYMBOLS, evaluate=False)
    return sp.latex(written, order="none")


LABELS = {  # the site keeps the page's language and drops the other one
    "zh": {"formula_2020": "（原文公式）", "cases": "| 层 | ceil_mode | 例子数 |"},
    "en": {
        "formula_2020": " (the 2020 notes' formula)",
        "cases": "| layer | ceil_mode | cases |",
    },
}


def in_each_language(text):
    """Print text(labels) once per language, each in its own div.notes-lang."""
    for language, labels in LABELS.items():
        print(f'<div class="notes-lang" lang="{language}" markdown>\n')
        print(text(labels))
        print("</div>\n")


print("**`ceil_mode=False`**\n")
print(f"$$L_{{out}} = {latex(FLOOR_MODE)}$$\n")
in_each_language(lambda label: f"**`ceil_mode=False`, `D=1`**{label['formula_2020']}\n")
print(f"$$L_{{out}} = {latex(FLOOR_2020)}$$\n")
print("**`ceil_mode=True`**\n")
print(f"$$n = {latex(WINDOWS)}$$\n")
print(f"$$L_{{out}} = {latex(CEIL_RULE)}$$\n")
print("| L_in | K | S | P | `ceil_mode` | n | L_out | PyTorch |")
print("|---|---|---|---|---|---|---|---|")
for padding, ceil_mode, windows, size, real in examples:
    shown = windows if ceil_mode else ""
    print(f"| 5 | 2 | 2 | {padding} | `{ceil_mode}` | {shown} | {size} | {real} |")
print()
counts = [
    f"| `{layer}` | `{ceil}` | {n} |" for (layer, ceil), n in sorted(cases.items())
]
counts.append(f"| | | **{sum(cases.values())}** |")
in_each_language(
    lambda label: "\n".join([label["cases"], "|---|---|---|", *counts, ""])
)
# --- shown on the page ---
