import torch

torch.manual_seed(0)
a = torch.rand(1, 2, 3)
b = torch.unsqueeze(a, 2)  # function form
c = a.unsqueeze(2)  # method form, the same result
print(a.size())
print(b.size())

assert b.shape == (1, 2, 1, 3)
assert torch.equal(b, c)
assert b.numel() == a.numel()  # only the shape changes, not the data
assert torch.zeros(5).unsqueeze(1).shape == (5, 1)  # points -> a column
