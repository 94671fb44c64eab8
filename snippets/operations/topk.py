import torch

x = torch.arange(1.0, 6.0)
print(torch.topk(x, 3, largest=False))
print(torch.topk(x, 3))

scores = torch.tensor([[0.1, 0.5, 0.4], [0.9, 0.05, 0.05]])
print(torch.topk(scores, 2).indices)  # no dim: the last dimension

smallest = torch.topk(x, 3, largest=False)
largest = torch.topk(x, 3)
assert type(largest).__name__ == "topk"  # torch.return_types.topk
assert torch.equal(smallest.values, torch.tensor([1.0, 2.0, 3.0]))
assert torch.equal(smallest.indices, torch.tensor([0, 1, 2]))
assert torch.equal(largest.values, torch.tensor([5.0, 4.0, 3.0]))
assert torch.equal(largest.indices, torch.tensor([4, 3, 2]))
assert torch.equal(torch.topk(scores, 2).indices, torch.tensor([[1, 2], [0, 1]]))
