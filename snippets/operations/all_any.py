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

numbers = torch.tensor([1.5, 2.0, 0.0])  # not bool: non-zero counts as True
pixels = torch.tensor([1, 2, 0], dtype=torch.uint8)
print(torch.all(numbers), torch.any(numbers))
print(torch.all(pixels), torch.any(pixels), torch.any(pixels.view(3, 1), dim=1))

result = torch.all(b == a)
assert isinstance(result, torch.Tensor) and result.dim() == 0  # not a Python bool
assert result.dtype == torch.bool and result.item() is True
assert not (c == a).any()
assert torch.equal(torch.all(mask, dim=1), torch.tensor([False, True]))
assert torch.equal(torch.any(mask, dim=0), torch.tensor([True, True, True]))
for dtype in (torch.int8, torch.int64, torch.float16, torch.float32, torch.float64):
    assert torch.all(numbers.to(dtype)).dtype == torch.bool  # any dtype in, bool out
    assert torch.any(numbers.to(dtype), dim=0).dtype == torch.bool
assert not torch.all(numbers) and torch.any(numbers)
assert torch.all(pixels).dtype == torch.uint8  # ... except uint8: uint8 out
assert torch.any(pixels.view(3, 1), dim=1).dtype == torch.uint8
assert torch.all(pixels).item() == 0 and torch.any(pixels).item() == 1
assert torch.all(mask, dim=1).shape == (2,)  # with dim: one result per row, not 0-dim
