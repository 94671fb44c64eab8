import inspect

import torch
from torch import nn

signature = inspect.signature(nn.MaxPool2d)
defaults = {
    name: parameter.default
    for name, parameter in signature.parameters.items()
    if parameter.default is not inspect.Parameter.empty
}
print(defaults)

pool = nn.MaxPool2d(2)  # stride=None means stride = kernel_size
print(pool)
print(pool(torch.zeros(1, 3, 32, 32)).shape)

assert defaults == {
    "stride": None,
    "padding": 0,
    "dilation": 1,
    "return_indices": False,
    "ceil_mode": False,
}
assert pool.stride == pool.kernel_size == 2
assert pool(torch.zeros(1, 3, 32, 32)).shape == (1, 3, 16, 16)
