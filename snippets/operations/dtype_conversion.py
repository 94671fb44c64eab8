import numpy as np
import torch

t = torch.tensor([1, 2, 3])
print(t.dtype)  # Python ints -> torch.int64
f = t.to(torch.float32)
print(f, f.dtype, t.dtype)  # a new tensor; t keeps its dtype
print(t.float().dtype, t.double().dtype, f.long().dtype, t.half().dtype)
print(t.type(torch.float32).dtype, t.to(f.dtype).dtype)  # .type(), another's dtype

try:
    t.astype(torch.float32)  # the NumPy spelling
except AttributeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected AttributeError")

print((f * 0.5).dtype, (f.double() + 1).dtype, (t + 0.5).dtype)  # Python scalars
print(torch.tensor([1.5, 2.7, -1.5, -2.7]).to(torch.int64))  # toward zero
print(torch.from_numpy(np.array([1.5])).dtype)  # NumPy float64 stays float64

layer = torch.nn.Linear(1, 1)  # float32 weights
try:
    layer(torch.from_numpy(np.array([[1.5]])))  # a float64 input
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("a float32 layer accepted a float64 input")

assert t.dtype == torch.int64 and f.dtype == torch.float32 and torch.equal(f.long(), t)
assert t.to(torch.int64) is t  # already that dtype: no copy
array = np.array([1, 2, 3])
assert not np.shares_memory(array.astype(array.dtype), array)  # astype copies ...
assert array.astype(array.dtype, copy=False) is array  # ... unless copy=False
assert t.float().dtype == t.type(torch.float32).dtype == torch.float32
assert t.double().dtype == torch.float64 and t.half().dtype == torch.float16
assert (f * 0.5).dtype == torch.float32  # a Python float keeps float32 ...
assert (f.double() + 1).dtype == torch.float64  # ... and float64
assert (t + 0.5).dtype == torch.float32  # int tensor + float: the default float
assert (t * 2).dtype == torch.int64
truncated = torch.tensor([1.5, 2.7, -1.5, -2.7]).to(torch.int64)
assert truncated.tolist() == [1, 2, -1, -2]
assert torch.from_numpy(np.array([1.5])).dtype == torch.float64
assert layer(torch.from_numpy(np.array([[1.5]])).float()).dtype == torch.float32
