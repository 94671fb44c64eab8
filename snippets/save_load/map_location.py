import torch
from torch import nn

# the state_dict of an nn.Linear(2, 1), saved on a CUDA GPU (scripts/record_gpu.py)
path = "snippets/save_load/saved_on_cuda.pt"
assert not torch.cuda.is_available(), "for a CPU-only machine"  # markdown-exec: hide

try:
    torch.load(path)  # the tensors want to go back to cuda:0
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error).startswith("Attempting to deserialize object on a CUDA device")
else:
    raise AssertionError("expected RuntimeError")

state_dict = torch.load(path, map_location="cpu")
for key, value in state_dict.items():
    print(key, value.device, tuple(value.shape))
model = nn.Linear(2, 1)
print(model.load_state_dict(state_dict))

# --- hidden on the page ---
# The file really holds CUDA tensors: map_location may be a function, which torch.load
# calls with each storage and the device it was saved from.
saved_from = []
torch.load(
    path, map_location=lambda storage, where: saved_from.append(where) or storage
)
assert saved_from == ["cuda:0", "cuda:0"], saved_from
to_device = torch.load(path, map_location=torch.device("cpu"))  # a device works too
assert all(torch.equal(to_device[k], v) for k, v in state_dict.items())
# --- shown on the page ---
assert all(state_dict[key].device == torch.device("cpu") for key in state_dict)
assert torch.equal(model.weight, state_dict["weight"])
