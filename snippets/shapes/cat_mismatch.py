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

legacy = torch.cat((a, torch.tensor([])), dim=0)  # an empty 1-D tensor: no shape check
print(legacy.shape)
ints = torch.zeros(2, 2, dtype=torch.long)
promoted = torch.cat((ints, torch.tensor([])), dim=1)  # ... but its dtype still counts
print(promoted.shape, promoted.dtype)

assert torch.cat((a, b), dim=1).shape == (1, 3, 2, 4)
assert torch.equal(legacy, a)
assert promoted.shape == (2, 2) and promoted.dtype == torch.float32  # int64 + float32
