import torch

stride = 16  # feature-map cell -> pixels in the image
height, width = 2, 3  # feature map size
shifts_x = torch.arange(0, width, dtype=torch.float32) * stride
shifts_y = torch.arange(0, height, dtype=torch.float32) * stride
shift_y, shift_x = torch.meshgrid(shifts_y, shifts_x, indexing="ij")
shift_x, shift_y = shift_x.reshape(-1), shift_y.reshape(-1)
shifts = torch.stack((shift_x, shift_y, shift_x, shift_y), dim=1)  # (H*W, 4)

base_anchors = torch.tensor(
    [
        [-8.0, -8.0, 8.0, 8.0],  # (A, 4): x1, y1, x2, y2
        [-16.0, -8.0, 16.0, 8.0],
    ]
)
anchors = (shifts.view(-1, 1, 4) + base_anchors.view(1, -1, 4)).reshape(-1, 4)
print(shifts)
print(anchors.shape)
print(anchors[-2:])  # the two anchors of the last cell (row 1, column 2)

assert shifts.shape == (height * width, 4)
assert anchors.shape == (height * width * len(base_anchors), 4)
last_cell = torch.tensor([32.0, 16.0, 32.0, 16.0])  # row 1, column 2: x, y, x, y
assert torch.equal(anchors[-1], base_anchors[1] + last_cell)
