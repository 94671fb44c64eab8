import numpy as np
import torch
from torchvision import transforms

# a float image slightly out of [0, 1], e.g. after undoing Normalize(mean, std)
x = torch.tensor([[[1.2, -0.1, 0.999, 0.5]]])  # (C, H, W) = (1, 1, 4)
wrapped = np.array(transforms.ToPILImage()(x))[0].tolist()
clamped = np.array(transforms.ToPILImage()(x.clamp(0, 1)))[0].tolist()
print("as is:  ", wrapped)
print("clamped:", clamped)

assert wrapped == [50, 231, 254, 127]  # 1.2 -> 306 -> 306 - 256; -0.1 -> -25 + 256
assert clamped == [255, 0, 254, 127]  # x * 255 is truncated, not rounded: 0.999 -> 254
