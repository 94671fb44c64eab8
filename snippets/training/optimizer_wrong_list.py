import itertools

import torch
from torch import nn, optim

torch.manual_seed(0)
models = [nn.Linear(4, 4), nn.Linear(4, 2), nn.Linear(2, 1)]

try:  # the list holds three generators, not tensors
    optim.SGD([model.parameters() for model in models], lr=0.01, momentum=0.9)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "optimizer can only optimize Tensors" in str(error)
else:
    raise AssertionError("expected TypeError")

# One group with every parameter: chain the generators ...
chained = optim.SGD(
    itertools.chain(*(model.parameters() for model in models)), lr=0.01, momentum=0.9
)
# ... or let a ModuleList collect them.
listed = optim.SGD(nn.ModuleList(models).parameters(), lr=0.01, momentum=0.9)
print(len(chained.param_groups), len(chained.param_groups[0]["params"]))
print(len(listed.param_groups), len(listed.param_groups[0]["params"]))

assert len(chained.param_groups) == len(listed.param_groups) == 1
assert len(chained.param_groups[0]["params"]) == 6
assert all(
    a is b
    for a, b in zip(
        chained.param_groups[0]["params"], listed.param_groups[0]["params"], strict=True
    )
)
