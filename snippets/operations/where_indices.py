import torch

a = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]])  # `input` in the 2020 notes
print(torch.where(a))

signed = torch.tensor([[0, -1], [2, 0]])
rows, cols = torch.where(signed)  # non-zero, negative entries included
print(rows, cols)

assert [t.tolist() for t in torch.where(a)] == [
    [0, 0, 1, 1, 1, 2, 2, 2],
    [1, 2, 0, 1, 2, 0, 1, 2],
]
assert rows.tolist() == [0, 1] and cols.tolist() == [1, 0]
assert signed[rows, cols].tolist() == [-1, 2]
as_tuple = signed.nonzero(as_tuple=True)
assert torch.equal(torch.stack(torch.where(signed)), torch.stack(as_tuple))  # the same
