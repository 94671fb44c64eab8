import torch
from torch import nn

model = nn.Module()
weight = nn.Parameter(torch.ones(2))

try:  # the call as written in the original notes
    model.register_parameter(weight)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "missing 1 required positional argument: 'param'" in str(error)
else:
    raise AssertionError("expected TypeError")

try:  # a plain tensor is refused as well
    model.register_parameter("weight", torch.ones(2))
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "torch.nn.Parameter or None required" in str(error)
else:
    raise AssertionError("expected TypeError")

model.register_parameter("weight", weight)  # name first, then an nn.Parameter
print([name for name, _ in model.named_parameters()])

assert model.weight is weight
