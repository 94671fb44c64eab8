import torch

a = torch.zeros(1, 1, 2, 4)
b = torch.zeros(1, 1, 2, 3)
print(torch.cat((a, b), dim=3).shape)  # cat accepts this

try:
    torch.stack((a, b))  # stack needs identical shapes
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("stack accepted two different shapes")

assert torch.cat((a, b), dim=3).shape == (1, 1, 2, 7)
