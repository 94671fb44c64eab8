import math  # markdown-exec: hide

import torch
from torch import nn

torch.manual_seed(0)
gap = nn.AdaptiveAvgPool2d((1, 1))  # global average pooling
for size in [(7, 7), (13, 9), (1, 1)]:
    x = torch.randn(2, 512, *size)
    y = gap(x)
    print(tuple(x.shape), "->", tuple(y.shape))
    assert y.shape == (2, 512, 1, 1)  # channels unchanged
    assert torch.allclose(y, x.mean(dim=(2, 3), keepdim=True), atol=1e-6)

# 5 -> 3: window i spans [floor(i*5/3), ceil((i+1)*5/3)): [0, 2) [1, 4) [3, 5)
row = torch.arange(5.0).reshape(1, 1, 5)
overlapping = nn.AdaptiveAvgPool1d(3)(row)
kept = nn.AdaptiveAvgPool2d((None, 3))(torch.zeros(1, 4, 5))  # None: keep
print(overlapping)
print(kept.shape)

assert torch.equal(overlapping, torch.tensor([[[0.5, 2.0, 3.5]]]))
assert kept.shape == (1, 4, 3)
# --- hidden on the page ---
for length in range(1, 13):  # the window rule, for every output size up to 2L + 1
    x = torch.randn(1, 1, length)
    for out in range(1, 2 * length + 2):  # also more outputs than inputs
        bounds = [
            (math.floor(i * length / out), math.ceil((i + 1) * length / out))
            for i in range(out)
        ]
        windows = [x[..., start:end].mean(-1) for start, end in bounds]
        expected = torch.stack(windows, dim=-1)
        assert torch.allclose(nn.AdaptiveAvgPool1d(out)(x), expected, atol=1e-6)
# --- shown on the page ---
