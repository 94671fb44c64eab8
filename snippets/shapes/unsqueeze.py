import torch

a = torch.rand(1, 2, 3)
b = torch.unsqueeze(a, 2)  # function form
c = a.unsqueeze(2)  # method form, the same result
print(a.size())
print(b.size())

assert b.shape == (1, 2, 1, 3)
assert torch.equal(b, c)
assert torch.equal(b.squeeze(2), a)  # the same numbers in the same order
assert b.data_ptr() == a.data_ptr()  # even the same memory: a view, no copy
assert torch.zeros(5).unsqueeze(1).shape == (5, 1)  # points -> a column
