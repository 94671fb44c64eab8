import torch

a = torch.zeros(1, 1, 2, 4)
b = torch.zeros(1, 2, 2, 4)
print(torch.cat((a, b), dim=1).shape)  # sizes may differ in the cat dim

try:
    torch.cat((a, b), dim=0)  # ... but nowhere else
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("cat accepted other sizes outside the cat dim")

try:
    torch.cat((a, torch.zeros(2, 4)), dim=0)  # and ndim must match
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("cat accepted tensors with different ndim")

legacy = torch.cat((a, torch.tensor([])), dim=0)  # an empty 1-D tensor is skipped
print(legacy.shape)

assert torch.cat((a, b), dim=1).shape == (1, 3, 2, 4)
assert torch.equal(legacy, a)
