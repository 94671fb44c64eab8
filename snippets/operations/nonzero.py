import torch

label = torch.tensor([[1, 0, 0], [1, 0, 1]])
print(label.nonzero())  # as_tuple=False: one row per non-zero element
print(label.nonzero(as_tuple=True))  # one index tensor per dimension

counts = torch.tensor([[1, 0, 0], [3, 0, 1]])  # also `label` in the 2020 notes
print((counts > 1).nonzero())
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1])))

as_rows = label.nonzero()
as_tuple = label.nonzero(as_tuple=True)
assert torch.equal(as_rows, torch.tensor([[0, 0], [1, 0], [1, 2]]))
assert all(torch.equal(as_rows[:, d], as_tuple[d]) for d in range(2))
assert torch.equal(label[as_tuple], torch.tensor([1, 1, 1]))  # x[idx]
assert torch.equal((counts > 1).nonzero(), torch.tensor([[1, 0]]))
assert torch.nonzero(torch.tensor([1, 1, 1, 0, 1])).tolist() == [[0], [1], [2], [4]]
