import torch

a = torch.rand(1, 1, 2, 3)
b = torch.squeeze(a, 2)  # size 2 at dim 2: nothing to remove
c = torch.squeeze(a, 1)  # size 1 at dim 1: removed
d = torch.squeeze(a, (0, 1))  # a tuple of dims (PyTorch >= 2.0)
e = torch.squeeze(a, (0, 2))  # only the size-1 dims among them go
print(b.size())
print(c.size())
print(d.size())
print(e.size())

assert b.shape == (1, 1, 2, 3)
assert c.shape == (1, 2, 3)
assert d.shape == (2, 3)
assert e.shape == (1, 2, 3)
