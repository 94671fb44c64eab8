import torch

a = torch.rand(1, 1, 2, 3)
b = torch.squeeze(a)  # no dim: every dimension of size 1 goes
print(a.size())
print(b.size())

one_image = torch.rand(1, 3, 8, 8)  # a batch that happens to hold one image
print(one_image.squeeze().size())

assert one_image.squeeze().shape == (3, 8, 8)  # the batch dim is gone too
assert b.shape == (2, 3)
assert torch.rand(2, 1, 3, 1).squeeze().shape == (2, 3)
assert torch.rand(1, 1).squeeze().shape == ()  # even down to a 0-d tensor
