import torch

label = torch.tensor([[1, 0, 0], [1, 0, 1]])
print(label.nonzero())  # as_tuple=False: one row per non-zero element
print(label.nonzero(as_tuple=True))  # one index tensor per dimension

label = torch.tensor([[1, 0, 0], [3, 0, 1]])
print((label > 1).nonzero())
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1])))

as_rows = torch.tensor([[1, 0, 0], [1, 0, 1]]).nonzero()
as_tuple = torch.tensor([[1, 0, 0], [1, 0, 1]]).nonzero(as_tuple=True)
assert torch.equal(as_rows, torch.tensor([[0, 0], [1, 0], [1, 2]]))
assert all(torch.equal(as_rows[:, d], as_tuple[d]) for d in range(2))
assert (torch.tensor([[1, 0, 0], [1, 0, 1]])[as_tuple] != 0).all()  # x[idx]
assert torch.equal((label > 1).nonzero(), torch.tensor([[1, 0]]))
assert torch.nonzero(torch.tensor([1, 1, 1, 0, 1])).tolist() == [[0], [1], [2], [4]]
