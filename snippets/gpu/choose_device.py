import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)

data = torch.ones(2, 3)
data = data.to(device)  # keep the result: for a tensor, .to() is not in place
print(data.device)

assert data.device.type == device.type
