import json

import torch

# A CUDA tensor cannot be made here (CPU build), so its error comes from the
# GPU recording; a tensor on the "meta" device fails in the same check.
with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
print(recording["gpu"], recording["torch"], recording["date"])  # markdown-exec: hide
print(recording["cuda_tensor_numpy_error"])

try:
    torch.zeros(2, device="meta").numpy()
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected TypeError")

t = torch.ones(2, requires_grad=True)
print(t.detach().cpu().numpy())  # the safe order for any tensor
print(t.numpy(force=True))  # the same in one call: detach, cpu, numpy

assert recording["cuda_tensor_numpy_error"].startswith("TypeError: can't convert cuda")
assert "Use Tensor.cpu() to copy the tensor to host memory first" in message
assert (t.numpy(force=True) == t.detach().numpy()).all()
assert t.cpu() is t  # on the CPU, .cpu() is free: it returns the tensor itself
