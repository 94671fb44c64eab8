import warnings

import numpy as np
import torch
from PIL import Image
from torchvision import transforms, tv_tensors
from torchvision.transforms import v2

rng = np.random.default_rng(0)
img = Image.fromarray(rng.integers(0, 256, (4, 5, 3), dtype=np.uint8))

new_style = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
x = new_style(img)
print(type(x).__name__, x.shape, x.dtype)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    transforms.ToTensor()(img)  # the classic transform: no warning
    old_warnings = len(caught)
    v2.ToTensor()(img)
print(f"{caught[0].category.__name__}: {caught[0].message}")

old_style = transforms.ToTensor()(img)
assert torch.allclose(x.as_subclass(torch.Tensor), old_style, rtol=0, atol=1e-6)
assert old_warnings == 0 and "deprecated" in str(caught[0].message)
assert "v2.ToImage(), v2.ToDtype(torch.float32, scale=True)" in str(caught[0].message)
assert type(x) is tv_tensors.Image and isinstance(x, torch.Tensor)  # a Tensor subclass
