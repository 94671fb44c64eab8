import torch

x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])  # (2, 3)
dropped = x.max(dim=1).values  # (2,): dim 1 is gone
kept = x.max(dim=1, keepdim=True).values  # (2, 1): dim 1 stays, with size 1
print(dropped.shape, kept.shape)
print(x - kept)  # each row minus its own maximum

try:
    x - dropped  # (2, 3) - (2,): the 2 is lined up with the 3 columns
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected RuntimeError")

square = torch.tensor([[1.0, 5.0], [4.0, 2.0]])  # (2, 2): no error, wrong result
print(square - square.max(dim=1).values)

assert dropped.shape == (2,) and kept.shape == (2, 1)
assert torch.equal(x - kept, torch.tensor([[-4.0, 0.0, -2.0], [-2.0, -4.0, 0.0]]))
assert torch.equal(kept.squeeze(1), dropped)
wrong = square - square.max(dim=1).values  # subtracts column-wise: [5, 4] per row
assert not torch.equal(wrong, square - square.max(dim=1, keepdim=True).values)
