import torch

a0 = torch.tensor([[[[1, 1, 1, 1], [2, 2, 2, 2]]]], dtype=torch.float32)
a1 = torch.tensor([[[[3, 3, 3, 3], [4, 4, 4, 4]]]], dtype=torch.float32)
print(a1.size())

for dim in range(a0.dim()):
    out = torch.cat((a0, a1), dim=dim)
    print(f"\ndim={dim}")
    print(out)
    print(out.size())

    expected = list(a0.shape)
    expected[dim] += a1.shape[dim]
    assert list(out.shape) == expected  # cat grows one dim; ndim stays 4
