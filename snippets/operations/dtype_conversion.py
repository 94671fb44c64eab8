import numpy as np
import torch

t = torch.tensor([1, 2, 3])
print(t.dtype)  # Python ints -> torch.int64
f = t.to(torch.float32)
print(f, f.dtype)
print(t.float().dtype, t.double().dtype, f.long().dtype, t.type(torch.float16).dtype)

try:
    t.astype(torch.float32)  # the NumPy spelling
except AttributeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected AttributeError")

array = np.array([1, 2, 3])
print(array.astype(np.float32).dtype)
print(torch.from_numpy(np.array([1.5])).dtype)  # NumPy float64 stays float64

assert t.dtype == torch.int64 and f.dtype == torch.float32
assert t.to(torch.int64) is t  # already that dtype: no copy
assert array.astype(np.int64) is not array  # astype copies by default
assert torch.equal(f.long(), t)
truncated = torch.tensor([1.5, 2.7, -1.5, -2.7]).to(torch.int64)
assert truncated.tolist() == [1, 2, -1, -2]  # toward zero
assert torch.from_numpy(np.array([1.5])).dtype == torch.float64
