import torch
import torch.nn as nn

a = torch.zeros(3, 10, 4, 4)
print(a.flatten(2).shape)  # from dim 2 to the end
print(a.flatten(1).shape)  # keep the batch dim: what a Linear layer wants
print(a.flatten().shape)  # torch.flatten: start_dim=0 by default
print(nn.Flatten()(a).shape)  # nn.Flatten: start_dim=1 by default
print(a.flatten(1, 2).shape)  # start_dim and end_dim

assert a.flatten(2).shape == (3, 10, 16)
assert a.flatten(1).shape == (3, 160)
assert a.flatten().shape == (480,)
assert nn.Flatten()(a).shape == (3, 160)
assert a.flatten(1, 2).shape == (3, 40, 4)
