import torch
from torch import nn

torch.manual_seed(0)
net = nn.Linear(4, 2)
head = nn.Linear(2, 1)  # trainable, so autograd wants to save its input
x = torch.randn(3, 4)

with torch.no_grad():
    a = net(x)
with torch.inference_mode():
    b = net(x)
print(a.is_inference(), b.is_inference())

head(a).sum().backward()  # a no_grad result can enter a new graph
try:  # an inference tensor cannot
    head(b)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error).startswith("Inference tensors cannot be saved for backward")
else:
    raise AssertionError("expected RuntimeError")

assert not a.is_inference() and b.is_inference()
assert torch.equal(a, b)  # same values either way
assert head.weight.grad is not None
