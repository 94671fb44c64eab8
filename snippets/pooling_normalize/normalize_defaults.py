import inspect

import torch
import torch.nn.functional as F

arguments = inspect.signature(F.normalize).parameters.values()
defaults = {a.name: a.default for a in arguments if a.default is not a.empty}
print(defaults)

x = torch.tensor([1.0, 2.0, 3.0])
try:
    F.normalize(x)  # the 2020 notes' first call: default dim=1, but x is 1-D
except IndexError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected IndexError")

out = F.normalize(x, dim=0)
length = (x * x).sum().sqrt()  # `len` in the notes; that name hides a builtin
print(out)
print(x.div(length))

assert defaults == {"p": 2.0, "dim": 1, "eps": 1e-12, "out": None}
assert torch.equal(F.normalize(x, dim=-1), out)  # dim=-1 works as well
written = torch.empty(3)
F.normalize(x, dim=0, out=written)  # out=: written into an existing tensor
assert torch.equal(written, out)
assert torch.allclose(out, x.div(length))
assert torch.allclose(out, torch.tensor([0.2673, 0.5345, 0.8018]), atol=5e-5)
