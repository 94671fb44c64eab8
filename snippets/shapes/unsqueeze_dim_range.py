import torch

a = torch.rand(1, 2, 3)  # a.dim() == 3: valid dims are -4 ... 3
print(a.unsqueeze(3).shape)  # dim == a.dim() appends a new last dimension
print(a.unsqueeze(-1).shape)  # the usual way to write it
print(a.unsqueeze(-4).shape)

try:
    a.unsqueeze(4)
except IndexError as error:
    print(f"IndexError: {error}")
else:
    raise AssertionError("unsqueeze accepted a dim beyond a.dim()")

assert a.unsqueeze(3).shape == a.unsqueeze(-1).shape == (1, 2, 3, 1)
assert a.unsqueeze(-4).shape == (1, 1, 2, 3)
