import torch
from torch import nn

torch.manual_seed(0)
net = nn.Linear(4, 2)
head = nn.Linear(2, 1)  # trainable: autograd saves its input for backward
x = torch.randn(3, 4)

with torch.no_grad():
    a = net(x)
with torch.inference_mode():
    b = net(x)
print(a.is_inference(), b.is_inference())

head(a).sum().backward()  # a no_grad result can enter a new graph, as Linear's input

w = torch.ones(2, requires_grad=True)
(b + w).sum().backward()  # fine: the gradient of + does not need b, nothing is saved
print(w.grad)
try:  # the gradient of b * w with respect to w is b: b would have to be saved
    b * w
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error).startswith("Inference tensors cannot be saved for backward")
else:
    raise AssertionError("expected RuntimeError")

assert not a.is_inference() and b.is_inference()
# a clone made outside inference_mode is a normal tensor; one made inside is not
assert not b.clone().is_inference()
with torch.inference_mode():
    assert b.clone().is_inference()
assert torch.equal(a, b)  # same values either way
assert head.weight.grad is not None
assert torch.equal(w.grad, torch.full((2,), 3.0))  # one per row of b
