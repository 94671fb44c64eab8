import torch

a = torch.rand(1, 1, 2, 3)
b = torch.squeeze(a)  # no dim: every dimension of size 1 goes
print(a.size())
print(b.size())

assert b.shape == (2, 3)
assert torch.rand(2, 1, 3, 1).squeeze().shape == (2, 3)
assert torch.rand(1, 1).squeeze().shape == ()  # even down to a 0-d tensor
assert torch.rand(1, 3, 8, 8).squeeze().shape == (3, 8, 8)  # batch dim gone too
