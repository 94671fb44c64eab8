import itertools

import sympy as sp
import torch
import torch.nn.functional as F

L, K, S, P = sp.symbols("L_{in} K S P", integer=True, nonnegative=True)
SEED_CEIL = sp.ceiling((L - K + 2 * P) / S) + 1  # the 2020 notes' ceil-mode formula
seed_size = sp.lambdify((L, K, S, P), SEED_CEIL, "math")

rows, wrong = [], []
for length, kernel, stride in itertools.product(range(1, 17), range(1, 6), range(1, 5)):
    for padding in range(kernel // 2 + 1):
        if kernel > length + 2 * padding:
            continue  # no window fits: PyTorch refuses
        x = torch.zeros(1, 1, length, 1)
        y = F.max_pool2d(x, (kernel, 1), (stride, 1), (padding, 0), ceil_mode=True)
        seed = seed_size(length, kernel, stride, padding)
        last_start = (seed - 1) * stride  # in padded coordinates
        row = (length, kernel, stride, padding, seed, y.shape[2], last_start)
        rows.append(row)
        # Exactly where the seed breaks: its last window would start at or after
        # L_in + P, i.e. in the right padding, and PyTorch drops that window.
        in_right_padding = last_start >= length + padding
        assert (y.shape[2] != seed) == in_right_padding, row
        if in_right_padding:
            assert y.shape[2] == seed - 1, row
            wrong.append(row)

print(f"$$L_{{out}} = {sp.latex(SEED_CEIL)}$$\n")
print(f"`ceil_mode=True`: {len(rows)} cases, {len(wrong)} wrong\n")
print("| L_in | K | S | P | seed | PyTorch | last_start | L_in + P |")
print("|---|---|---|---|---|---|---|---|")
examples = [
    next(row for row in wrong if row[3] == 0),  # wrong even without padding
    next(row for row in wrong if row[:4] == (5, 2, 2, 1)),  # the 5x5 example
]
for length, kernel, stride, padding, seed, real, last_start in examples:
    print(
        f"| {length} | {kernel} | {stride} | {padding} | {seed} | {real}"
        f" | {last_start} | {length + padding} |"
    )
