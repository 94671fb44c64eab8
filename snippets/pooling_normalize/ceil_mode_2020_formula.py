import itertools  # markdown-exec: hide

import sympy as sp
import torch
import torch.nn.functional as F
from sympy.parsing.sympy_parser import parse_expr

L, K, S, P = sp.symbols("L_{in} K S P", integer=True, nonnegative=True)
SYMBOLS = {"L_in": L, "K": K, "S": S, "P": P}
CEIL_2020 = "ceiling((L_in - K + 2*P) / S) + 1"  # the 2020 notes, with W = L_in
size_2020 = sp.lambdify((L, K, S, P), parse_expr(CEIL_2020, SYMBOLS), "math")

# The 2020 notes' 5x5 example with padding=1: the 4th window would start at
# 2 * 3 = 6 = L_in + P, in the right padding, and PyTorch drops it.
y = F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, 2, padding=1, ceil_mode=True)
assert size_2020(5, 2, 2, 1) == 4 and y.shape[-1] == 3

# --- hidden on the page ---
rows, wrong = [], []
for length, kernel, stride in itertools.product(range(1, 17), range(1, 6), range(1, 5)):
    for padding in range(kernel // 2 + 1):
        if kernel > length + 2 * padding:
            continue  # no window fits: PyTorch refuses
        x = torch.zeros(1, 1, length, 1)
        y = F.max_pool2d(x, (kernel, 1), (stride, 1), (padding, 0), ceil_mode=True)
        formula = size_2020(length, kernel, stride, padding)
        last_start = (formula - 1) * stride  # in padded coordinates
        row = (length, kernel, stride, padding, formula, y.shape[2], last_start)
        rows.append(row)
        # Exactly where the 2020 formula breaks: its last window would start at or
        # after L_in + P, i.e. in the right padding, and PyTorch drops that window.
        in_right_padding = last_start >= length + padding
        assert (y.shape[2] != formula) == in_right_padding, row
        if in_right_padding:
            assert y.shape[2] == formula - 1, row
            wrong.append(row)
# Without padding it is wrong only when the stride is larger than the kernel.
assert all(stride > kernel for _, kernel, stride, padding, *_ in wrong if not padding)

latex = parse_expr(CEIL_2020, SYMBOLS, evaluate=False)
print(f"$$L_{{out}} = {sp.latex(latex, order='none')}$$\n")
examples = [
    next(row for row in wrong if row[:4] == (5, 2, 2, 1)),  # the 5x5 example
    next(row for row in wrong if row[3] == 0),  # wrong even without padding
]
LABELS = {  # the site keeps the page's language and drops the other one
    "zh": (
        "| L_in | K | S | P | 原文公式 | PyTorch | 最后一个窗口起点 last_start | L_in + P |",
        "`ceil_mode=True`：共 {} 种组合，算错 {} 种",
    ),
    "en": (
        "| L_in | K | S | P | 2020 notes' formula | PyTorch | last_start | L_in + P |",
        "`ceil_mode=True`: {} cases, {} wrong",
    ),
}
for language, (header, summary) in LABELS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("|---|---|---|---|---|---|---|---|")
    for length, kernel, stride, padding, formula, real, last_start in examples:
        print(
            f"| {length} | {kernel} | {stride} | {padding} | {formula} | {real}"
            f" | {last_start} | {length + padding} |"
        )
    print(f"\n{summary.format(len(rows), len(wrong))}\n\n</div>\n")
# --- shown on the page ---
