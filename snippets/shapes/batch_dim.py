import numpy as np
import torch
from PIL import Image
from torchvision import transforms

rng = np.random.default_rng(0)
pixels = rng.integers(0, 256, size=(32, 48, 3), dtype=np.uint8)  # H, W, C
image = Image.fromarray(pixels)  # a 48 x 32 RGB test image

x = transforms.ToTensor()(image)  # C, H, W, float in [0, 1]
batch = x.unsqueeze(0)  # 1, C, H, W: a batch of one
print(x.shape, x.dtype)
print(batch.shape)

assert x.shape == (3, 32, 48)
assert 0.0 <= x.min() and x.max() <= 1.0
assert batch.shape == (1, 3, 32, 48)
assert torch.equal(batch[0], x)
