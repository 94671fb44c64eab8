import torch

a = torch.zeros(1, 1, 2, 4)
b = torch.zeros(1, 2, 2, 4)
print(torch.cat((a, b), dim=1).shape)  # sizes may differ in the cat dim

try:
    torch.cat((a, b), dim=0)  # ... but nowhere else
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("expected RuntimeError")

try:
    torch.cat((a, torch.zeros(2, 4)), dim=0)  # and ndim must match
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("expected RuntimeError")
