import torch

torch.manual_seed(0)
a = torch.randn(2, 3)
b = a  # the same tensor object, so b == a is True everywhere
print(b == a)
print((b == a).any(), torch.any(b == a), torch.all(b == a))
c = torch.randn(1, 1)
print(c == a)  # c broadcasts to (2, 3)
print((c == a).any())

mask = torch.tensor([[True, False, True], [True, True, True]])
print(torch.all(mask, dim=1), torch.any(mask, dim=0))  # per row / per column

assert torch.all(b == a) and not (c == a).any()
result = torch.all(b == a)
assert isinstance(result, torch.Tensor) and result.dim() == 0  # tensor(True)
assert result.dtype == torch.bool and bool(result) is True
assert result.item() is True
assert torch.equal(torch.all(mask, dim=1), torch.tensor([False, True]))
assert torch.equal(torch.any(mask, dim=0), torch.tensor([True, True, True]))
numbers = torch.tensor([1.0, 2.0, 0.0])  # not bool: non-zero counts as True
assert torch.any(numbers) and not torch.all(numbers)
