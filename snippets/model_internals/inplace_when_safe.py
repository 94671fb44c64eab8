import torch
from torch import nn
from torchvision.models import resnet18

torch.manual_seed(0)

# Safe: nothing saved for backward is overwritten (the residual add of
# torchvision's ResNet BasicBlock: out = self.bn2(...); out += identity).
conv = nn.Conv2d(2, 2, 3, padding=1)
bn = nn.BatchNorm2d(2)
x = torch.randn(1, 2, 4, 4)
out = bn(conv(x))
out += x
out.sum().backward()
print(conv.weight.grad is not None)

# But += changes the object itself, and every other name for it.
a = torch.zeros(2)
same = a
a += 1
print(same)
b = torch.zeros(2)
kept = b
b = b + 1  # binds b to a new tensor; kept is the old one
print(kept)

weight = torch.zeros(2, requires_grad=True)
try:  # a leaf that requires grad refuses in-place updates outside no_grad
    weight += 1
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "a leaf Variable that requires grad" in str(error)
else:
    raise AssertionError("expected RuntimeError")
with torch.no_grad():
    weight += 1  # how optimizers update parameters

assert same is a and torch.equal(same, torch.ones(2))
assert kept is not b and torch.equal(kept, torch.zeros(2))
assert torch.equal(weight, torch.ones(2))

# torchvision's ResNet (which adds with +=) backpropagates without an error
resnet = resnet18(weights=None)
resnet(torch.randn(2, 3, 32, 32)).sum().backward()
print("ResNet-18 backward:", resnet.conv1.weight.grad is not None)
assert resnet.conv1.weight.grad is not None
