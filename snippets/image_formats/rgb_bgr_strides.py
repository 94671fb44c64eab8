import numpy as np
import torch
from PIL import Image

red = Image.new("RGB", (2, 1), (255, 0, 0))
rgb = np.array(red)  # np.array copies: writable, unlike np.asarray
bgr = rgb[..., ::-1]  # OpenCV's order; a view with a negative stride
print(rgb[0, 0], bgr[0, 0], bgr.strides)

try:
    torch.from_numpy(bgr)
except ValueError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected ValueError")

t = torch.from_numpy(bgr.copy())  # a copy has positive strides
print(t[0, 0], torch.from_numpy(rgb.copy()).flip(-1)[0, 0])

assert rgb[0, 0].tolist() == [255, 0, 0] and bgr[0, 0].tolist() == [0, 0, 255]
assert "negative" in message
assert torch.equal(t, torch.from_numpy(rgb.copy()).flip(-1))
