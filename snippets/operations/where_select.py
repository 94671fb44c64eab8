import torch

torch.manual_seed(0)
x = torch.randn(3, 2)
y = torch.ones(3, 2)
picked = torch.where(x > 0, x, y)  # x where the condition holds, else y
print(x)
print(picked)

z = torch.randn(2, 2, dtype=torch.double)
clipped = torch.where(z > 0, z, 0.0)  # a Python scalar works as x or y
print(clipped)

assert torch.equal(picked[x > 0], x[x > 0])
assert torch.equal(picked[x <= 0], y[x <= 0])
assert torch.equal(clipped, z.clamp(min=0))
assert clipped.dtype == torch.float64  # the scalar does not change the dtype
assert torch.where(x > 0, x, 0.0).dtype == torch.float32  # float32 stays float32
