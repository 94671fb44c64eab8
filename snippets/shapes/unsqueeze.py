import torch

torch.manual_seed(0)
a = torch.rand(1, 2, 3)
b = torch.unsqueeze(a, 2)  # the same as a.unsqueeze(2)
print(a.size())
print(b.size())

assert b.shape == (1, 2, 1, 3)
assert torch.equal(a.unsqueeze(2), b)
