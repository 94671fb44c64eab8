import torch
import torch.nn as nn
import torchvision

x = torch.rand(3, 64, 64)  # one image, no batch dimension

conv = nn.Conv2d(3, 8, kernel_size=3)
print(conv(x).shape)  # a lone Conv2d accepts (C, H, W)

model = torchvision.models.resnet18(weights=None).eval()
try:
    model(x)
except ValueError as error:
    print(f"ValueError: {error}")  # BatchNorm2d wants (N, C, H, W)
    assert "expected 4D input" in str(error)
else:
    raise AssertionError("resnet18 accepted an input without a batch dim")

try:
    nn.BatchNorm2d(3)(x)  # the layer that refuses it
except ValueError:
    pass
else:
    raise AssertionError("BatchNorm2d accepted an input without a batch dim")

print(model(x.unsqueeze(0)).shape)

assert conv(x).shape == (8, 62, 62)
assert model(x.unsqueeze(0)).shape == (1, 1000)
