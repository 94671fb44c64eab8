import torch
from torch import nn

x = torch.tensor(
    [
        [-2, 1, 2, 6, 4],
        [-3, 1, 7, 2, -2],
        [-4, 2, 3, -1, -3],
        [-7, 1, 2, 3, 11],
        [5, -7, 8, 12, -9],
    ]
).float()

x = x.unsqueeze(0)  # (C, H, W) = (1, 5, 5): a 3-D input is one unbatched image
y_1 = nn.MaxPool2d(kernel_size=2, stride=2, padding=0)
y_2 = nn.MaxPool2d(kernel_size=2, stride=2, padding=0, ceil_mode=True)
print(y_1(x))
print(y_2(x))

# The outputs shown in the 2020 notes:
ceil_2020 = [[[1.0, 7.0, 4.0], [2.0, 3.0, 11.0], [5.0, 12.0, -9.0]]]
assert torch.equal(y_1(x), torch.tensor([[[1.0, 7.0], [2.0, 3.0]]]))
assert torch.equal(y_2(x), torch.tensor(ceil_2020))
