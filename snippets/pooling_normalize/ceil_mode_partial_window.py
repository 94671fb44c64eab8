import torch
import torch.nn.functional as F

# --- hidden on the page ---
x = torch.tensor(
    [
        [-2, 1, 2, 6, 4],
        [-3, 1, 7, 2, -2],
        [-4, 2, 3, -1, -3],
        [-7, 1, 2, 3, 11],
        [5, -7, 8, 12, -9],
    ]
).float()
x = x.unsqueeze(0)
# --- shown on the page ---
# x: the 2020 notes' 5x5 example, shape (1, 5, 5)
ceil = F.max_pool2d(x, 2, 2, ceil_mode=True)
zero_padded = F.max_pool2d(F.pad(x, (0, 1, 0, 1), value=0.0), 2, 2)
print(ceil[0, 2, 2], zero_padded[0, 2, 2])  # corner window: only -9 is inside

ones = torch.ones(1, 5, 5)
print(F.avg_pool2d(ones, 2, 2, ceil_mode=True))  # partial windows: mean of 1s

# A partial window only covers elements that exist: no zeros are added.
assert ceil[0, 2, 2] == -9 and zero_padded[0, 2, 2] == 0
assert torch.equal(F.avg_pool2d(ones, 2, 2, ceil_mode=True), torch.ones(1, 3, 3))
