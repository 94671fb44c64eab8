import platform

import numpy as np
import torch
from torchvision import transforms

# a float image slightly out of [0, 1], e.g. after undoing Normalize(mean, std)
x = torch.tensor([[[1.2, -0.1, 0.999, 0.5]]])  # (C, H, W) = (1, 1, 4)
wrapped = np.array(transforms.ToPILImage()(x))[0].tolist()
clamped = np.array(transforms.ToPILImage()(x.clamp(0, 1)))[0].tolist()
print("this machine:", platform.machine())
print("as is:  ", wrapped)
print("clamped:", clamped)

assert clamped == [255, 0, 254, 127]  # x * 255 is truncated, not rounded: 0.999 -> 254
# Out-of-range float -> uint8 has no defined result; what this x86-64 machine gives:
if platform.machine() in ("x86_64", "AMD64"):
    assert wrapped == [50, 231, 254, 127]  # 1.2 -> 306 -> 306 - 256; -0.1 -> -25 + 256
# ToPILImage: to NumPy, * 255, astype(uint8), with no clamping and no error
reference = (x[0].numpy() * 255).astype(np.uint8)[0].tolist()  # x[0]: HW
assert wrapped == reference
