import torch

a = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
rows = torch.unbind(a, dim=0)
cols = torch.unbind(a, dim=1)
print(rows)
print(cols)

assert isinstance(rows, tuple) and len(rows) == a.size(0) == 4
assert len(cols) == a.size(1) == 3
assert all(torch.equal(r, a[i]) for i, r in enumerate(rows))
assert all(torch.equal(c, a[:, j]) for j, c in enumerate(cols))
assert torch.equal(torch.stack(cols, dim=1), a)  # unbind undoes stack
