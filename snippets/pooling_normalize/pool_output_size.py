import itertools

import sympy as sp
import torch
import torch.nn.functional as F

# One definition of each formula: its LaTeX is printed below and the very same
# expression, turned into a function by lambdify, is compared with PyTorch.
L, K, S, D = sp.symbols("L_{in} K S D", integer=True, positive=True)
P = sp.Symbol("P", integer=True, nonnegative=True)
reach = L + 2 * P - D * (K - 1) - 1  # padded length minus the dilated kernel
FLOOR_MODE = sp.floor(reach / S) + 1
n = sp.Symbol("n", integer=True)  # number of windows, rounding up
WINDOWS = sp.ceiling(reach / S) + 1
# ceil_mode keeps a last, partial window only if it starts inside the input or
# the left padding; a window starting in the right padding is dropped.
CEIL_RULE = sp.Piecewise((n - 1, (n - 1) * S >= L + P), (n, True))
CEIL_MODE = CEIL_RULE.subs(n, WINDOWS)

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


cases = check()
for kernel in KERNELS:  # the pooling layers refuse padding > kernel // 2
    try:
        F.max_pool2d(INPUTS[16], (kernel, 1), padding=(kernel // 2 + 1, 0))
    except RuntimeError as error:
        assert "pad should be" in str(error)
    else:
        raise AssertionError(f"expected RuntimeError for kernel {kernel}")
print("**`ceil_mode=False`**\n")
print(f"$$L_{{out}} = {sp.latex(FLOOR_MODE)}$$\n")
print("**`ceil_mode=False`, `D=1`**\n")
print(f"$$L_{{out}} = {sp.latex(FLOOR_MODE.subs(D, 1))}$$\n")
print("**`ceil_mode=True`**\n")
print(f"$$n = {sp.latex(WINDOWS)}$$\n")
print(f"$$L_{{out}} = {sp.latex(CEIL_RULE)}$$\n")
print("| layer | ceil_mode | cases |\n|---|---|---|")
for (layer, ceil), count in sorted(cases.items()):
    print(f"| `{layer}` | `{ceil}` | {count} |")
print(f"| | | **{sum(cases.values())}** |")
assert sum(cases.values()) > 9000
