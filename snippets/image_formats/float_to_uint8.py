import numpy as np
import torch
from PIL import Image

torch.manual_seed(0)
x = torch.rand(3, 2, 2)  # a float image in [0, 1], CHW
hwc = x.permute(1, 2, 0).numpy()

wrong = hwc.astype(np.uint8)  # truncates every value in [0, 1) to 0
right = (hwc * 255).round().astype(np.uint8)
print(
    "astype only, max:",
    wrong.max(),
    "| * 255 then round, min/max:",
    right.min(),
    right.max(),
)
img = Image.fromarray(right)
print("fromarray:", img.mode, img.size)

assert wrong.max() == 0  # an all-black image, and no error to warn you
assert img.mode == "RGB" and img.size == (2, 2)
