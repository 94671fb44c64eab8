import torch

torch.manual_seed(1)
a = torch.rand(3, 4)
value, index = torch.max(a, dim=1)
print(f"{a}\n{value}\n{index}")

print(torch.max(a, dim=0))  # dim=0 is reduced: one maximum per column
print(torch.max(a))  # no dim: a single value, no index
try:
    value, index = torch.max(a)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected TypeError")
print(torch.max(a[0], a[1]))  # two tensors: element-wise maximum, no index

# The numbers printed in the 2020 notes, still produced by torch.manual_seed(1):
notes_2020 = torch.tensor(
    [
        [0.7576, 0.2793, 0.4031, 0.7347],
        [0.0293, 0.7999, 0.3971, 0.7544],
        [0.5695, 0.4388, 0.6387, 0.5247],
    ]
)
assert torch.allclose(a, notes_2020, atol=5e-5)
value, index = torch.max(a, dim=1)
assert torch.allclose(value, torch.tensor([0.7576, 0.7999, 0.6387]), atol=5e-5)
assert torch.equal(index, torch.tensor([0, 1, 2]))
by_column = torch.max(a, dim=0)
assert by_column.values.shape == (4,)  # the reduced dim disappears
assert torch.equal(by_column.indices, torch.tensor([0, 1, 2, 1]))
assert torch.equal(by_column.values, a[by_column.indices, torch.arange(4)])
assert isinstance(torch.max(a), torch.Tensor) and torch.max(a).dim() == 0
assert torch.equal(torch.max(a[0], a[1]), torch.where(a[0] > a[1], a[0], a[1]))
