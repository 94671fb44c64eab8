import torch

input = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]])  # name as in the notes
print(torch.where(input))

signed = torch.tensor([[0, -1], [2, 0]])
rows, cols = torch.where(signed)  # non-zero, negative entries included
print(rows, cols)

assert [t.tolist() for t in torch.where(input)] == [
    [0, 0, 1, 1, 1, 2, 2, 2],
    [1, 2, 0, 1, 2, 0, 1, 2],
]
assert rows.tolist() == [0, 1] and cols.tolist() == [1, 0]
assert signed[rows, cols].tolist() == [-1, 2]
for a, b in zip(torch.where(signed), signed.nonzero(as_tuple=True), strict=True):
    assert torch.equal(a, b)  # torch.where(c) is torch.nonzero(c, as_tuple=True)
