import torch

a0 = torch.tensor([[[[1, 1, 1, 1], [2, 2, 2, 2]]]], dtype=torch.float32)
a1 = torch.tensor([[[[3, 3, 3, 3], [4, 4, 4, 4]]]], dtype=torch.float32)
ts = (a0, a1)
print(a1.size())

for dim in range(a0.dim() + 1):  # 0 ... 4: one more than a0 has
    out = torch.stack(ts, dim=dim)
    print(f"\ndim={dim}")
    print(out)
    print(out.size())

    # a new dim of size len(ts) is inserted at `dim` ...
    expected = list(a0.shape)
    expected.insert(dim, len(ts))
    assert list(out.shape) == expected
    # ... which is exactly unsqueeze-then-cat
    same = torch.cat([t.unsqueeze(dim) for t in ts], dim=dim)
    assert torch.equal(out, same)

assert torch.equal(torch.stack(ts, dim=-1), torch.stack(ts, dim=4))
assert torch.stack([a0, a1, a0], dim=0).shape == (3, 1, 1, 2, 4)
