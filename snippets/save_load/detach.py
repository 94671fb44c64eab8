import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
y = w * 2  # part of the graph
z = y.detach()  # a new tensor: same storage, no graph
print(y.requires_grad, z.requires_grad, z.grad_fn)
print(y.data_ptr() == z.data_ptr())

try:  # the flag of a computed tensor cannot simply be switched off
    y.requires_grad_(False)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "use var_no_grad = var.detach()" in str(error)
else:
    raise AssertionError("expected RuntimeError")

z[0] = 100.0  # shared storage: y sees the change
print(y)

assert y.requires_grad and y.grad_fn is not None  # the original is untouched
assert not z.requires_grad and z.grad_fn is None
assert y[0].item() == 100.0
