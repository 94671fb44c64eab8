import torch

a = torch.tensor([1, 2, 3])
print(a.dtype)

b = a.to(torch.float32)  # returns a new tensor; a keeps its dtype
print(b.dtype, a.dtype, b)

c = torch.tensor([-1.7, 1.7]).to(torch.int64)  # float -> int truncates toward 0
print(c)

try:
    a.astype(torch.float32)  # the NumPy way does not exist on tensors
except AttributeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected AttributeError")

assert a.dtype == torch.int64 and b.dtype == torch.float32
assert c.tolist() == [-1, 1]
assert a.to(torch.int64) is a  # no conversion needed: the same tensor comes back
assert torch.equal(a.float(), b) and a.type(torch.float32).dtype == torch.float32
