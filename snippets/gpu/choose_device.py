import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)

data = torch.ones(2, 3)
data = data.to(device)  # keep the result: for a tensor, .to() is not in place
print(data.device)

# PyTorch 2.6 and later: the same choice for any accelerator (CUDA, MPS, XPU, ...)
if torch.accelerator.is_available():
    any_device = torch.accelerator.current_accelerator()
else:
    any_device = torch.device("cpu")
print(any_device)

# both lines choose the same device here: is_available() is checked at run time
assert any_device.type == device.type, (any_device, device)
