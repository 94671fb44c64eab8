import torch

a = torch.rand(1, 2, 3)
try:
    a.unsqueeze(a, dim=2)  # the 2020 notes' spelling: tensor.unsqueeze(tensor, dim=x)
except TypeError as error:
    print(f"TypeError: {error}")
else:
    raise AssertionError("the method form accepted the tensor twice")

print(torch.unsqueeze(a, dim=2).shape)
print(a.unsqueeze(dim=2).shape)

assert torch.unsqueeze(a, dim=2).shape == a.unsqueeze(dim=2).shape == (1, 2, 1, 3)
