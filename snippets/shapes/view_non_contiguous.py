import torch

x = torch.arange(2 * 3 * 4).reshape(2, 3, 4)
y = x.permute(0, 2, 1)  # same storage, other strides: not contiguous
print(y.is_contiguous())

try:
    y.view(y.size(0), -1)
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("expected RuntimeError")

a = y.reshape(y.size(0), -1)  # copies when it must
b = y.flatten(1)  # the same, spelled for "keep the batch dim"
c = y.contiguous().view(y.size(0), -1)  # explicit copy, then view
print(a)

assert not y.is_contiguous()
assert torch.equal(a, b) and torch.equal(a, c)
assert a.data_ptr() != y.data_ptr()  # reshape had to copy here
