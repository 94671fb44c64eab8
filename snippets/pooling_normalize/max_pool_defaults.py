import inspect

import torch
from torch import nn

arguments = inspect.signature(nn.MaxPool2d).parameters.values()
defaults = {a.name: a.default for a in arguments if a.default is not a.empty}
print(defaults)

pool = nn.MaxPool2d(2)  # stride=None means stride = kernel_size
y = pool(torch.zeros(1, 3, 32, 32))
print(pool)
print(y.shape)

assert y.shape == (1, 3, 16, 16)  # halved: the stride is 2, not 1
assert pool.stride == pool.kernel_size == 2
assert defaults == {
    "stride": None,
    "padding": 0,
    "dilation": 1,
    "return_indices": False,
    "ceil_mode": False,
}
