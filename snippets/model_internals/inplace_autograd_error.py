import torch

torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
factor = torch.ones(3)

out = torch.sigmoid(x)  # sigmoid saves its output for backward
out += factor  # in place: overwrites that saved output
print(out._version)  # sigmoid saved version 0; += made it 1
assert out._version == 1
try:
    out.sum().backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error).startswith(
        "one of the variables needed for gradient computation has been modified "
        "by an inplace operation"
    )
    assert "output 0 of Sigmoid" in str(error)
    assert "is at version 1; expected version 0" in str(error)
else:
    raise AssertionError("expected RuntimeError")

out = torch.sigmoid(x)
out = out + factor  # a new tensor: the saved output stays intact
out.sum().backward()
print(x.grad)

s = torch.sigmoid(x.detach())
assert torch.allclose(x.grad, s * (1 - s))
