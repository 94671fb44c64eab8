import torch

# x as printed in the 2020 notes (it came from an unseeded torch.randn)
x = torch.tensor(
    [
        [-0.9950, -0.6175, -0.1253, 1.3536],
        [0.1208, -0.4237, -1.1313, 0.9022],
        [-1.1995, -0.0699, -0.4396, 0.8043],
    ]
)

original = x.clone()
values, indices = torch.sort(x)  # default dim=-1: each row, ascending
print(values, indices, sep="\n")
values, indices = torch.sort(x, descending=True)
print(indices)
values, indices = torch.sort(x, dim=0)  # each column
print(indices)
values, indices = torch.sort(x, dim=0, descending=True)
print(indices)

# The indices shown in the 2020 notes, in the same order:
ascending = torch.tensor([[0, 1, 2, 3], [2, 1, 0, 3], [0, 2, 1, 3]])
descending = torch.tensor([[3, 2, 1, 0], [3, 0, 1, 2], [3, 1, 2, 0]])
by_column = torch.tensor([[2, 0, 1, 2], [0, 1, 2, 1], [1, 2, 0, 0]])
by_column_descending = torch.tensor([[1, 2, 0, 0], [0, 1, 2, 1], [2, 0, 1, 2]])
assert torch.equal(torch.sort(x).indices, ascending)
assert torch.equal(torch.sort(x, descending=True).indices, descending)
assert torch.equal(torch.sort(x, dim=0).indices, by_column)
assert torch.equal(torch.sort(x, dim=0, descending=True).indices, by_column_descending)
assert torch.equal(values, x.gather(0, indices))
assert torch.equal(x, original)  # sort returns new tensors, x is unchanged
