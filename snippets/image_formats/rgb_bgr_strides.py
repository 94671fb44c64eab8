import numpy as np
import torch
from PIL import Image

img = Image.new("RGB", (2, 1), (255, 0, 0))
img.putpixel((1, 0), (0, 255, 0))  # a red and a green pixel
rgb = np.array(img)  # np.array copies: writable, unlike np.asarray
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
hwc = torch.from_numpy(rgb)  # rgb itself has positive strides: no copy needed
chw = hwc.permute(2, 0, 1)  # channels now in dimension 0
print("copy:", t[0, 0].tolist(), "| HWC flip(-1):", hwc.flip(-1)[0, 0].tolist())
print("CHW flip(0):", chw.flip(0)[:, 0, 0].tolist(), end=" | ")
print("CHW flip(-1):", chw.flip(-1)[:, 0, 0].tolist())

assert rgb[0, 0].tolist() == [255, 0, 0] and bgr[0, 0].tolist() == [0, 0, 255]
assert "negative" in message
assert torch.equal(t, hwc.flip(-1))  # HWC: the channels are the last dimension
assert torch.equal(t.permute(2, 0, 1), chw.flip(0))  # CHW: they are dimension 0
# on CHW, flip(-1) mirrors the image left to right instead: green comes first
assert chw.flip(-1)[:, 0, 0].tolist() == [0, 255, 0]
