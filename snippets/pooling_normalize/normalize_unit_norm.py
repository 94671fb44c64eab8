import torch
import torch.nn.functional as F

x = torch.tensor([1.0, 2.0, 3.0])
l2 = F.normalize(x, dim=0)  # p=2: unit length, the sum is not 1
print(l2.sum(), (l2**2).sum())

l1 = F.normalize(x, p=1, dim=0)  # p=1: the |v_i| sum to 1
print(l1, l1.sum())

signed = F.normalize(torch.tensor([1.0, -2.0, 3.0]), p=1, dim=0)
print(signed, signed.sum())

batch = torch.tensor([[3.0, 4.0], [0.0, 0.0]])  # (N, C): default dim=1, per row
rows = F.normalize(batch)
print(rows)

assert torch.isclose(l2.sum(), torch.tensor(1.6036), atol=5e-5)
assert torch.isclose((l2**2).sum(), torch.tensor(1.0))
assert torch.isclose(l1.sum(), torch.tensor(1.0))
assert torch.isclose(signed.abs().sum(), torch.tensor(1.0))
assert not torch.isclose(signed.sum(), torch.tensor(1.0))
assert torch.equal(rows, torch.tensor([[0.6, 0.8], [0.0, 0.0]]))  # zero row: no NaN
