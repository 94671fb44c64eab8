import io

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

to_tensor, to_pil = transforms.ToTensor(), transforms.ToPILImage()
levels = np.arange(256, dtype=np.uint8).reshape(16, 16)  # every 8-bit value once
rgb = Image.fromarray(np.stack([levels] * 3, axis=-1))

t = to_tensor(rgb)  # HWC uint8 -> CHW float32, divided by 255
back = to_pil(t)  # CHW float -> * 255 -> HWC uint8
print(t.shape, t.dtype, t.max().item(), back.mode, back.size)

deep = Image.fromarray(levels.astype(np.int32))  # mode "I": 32-bit pixels
t_deep = to_tensor(deep)
print(deep.mode, t_deep.dtype, t_deep.max().item())  # not divided by 255

png = io.BytesIO()  # a 16-bit grayscale PNG, like a depth map
Image.fromarray(np.array([[40000]], dtype=np.uint16)).save(png, format="PNG")
im16 = Image.open(png)
t16, p16 = to_tensor(im16), transforms.PILToTensor()(im16)
print(
    im16.mode,
    "ToTensor:",
    t16.dtype,
    t16.item(),
    "| PILToTensor:",
    p16.dtype,
    p16.item(),
)

for mode in ("L", "P", "RGBA"):  # other 8-bit modes are divided by 255 as well
    t_mode = to_tensor(rgb.convert(mode))
    print(mode, t_mode.dtype, t_mode.shape[0], t_mode.max().item() <= 1)
    assert t_mode.dtype == torch.float32 and t_mode.max() <= 1

for channels in (1, 3, 4):
    print(channels, to_pil(torch.rand(channels, 2, 2)).mode)

assert t.shape == (3, 16, 16) and t.dtype == torch.float32
assert torch.equal(t[0].flatten(), torch.arange(256) / 255)
assert np.array_equal(np.asarray(back), np.asarray(rgb))  # exact round trip
assert t_deep.dtype == torch.int32 and t_deep.max() == 255
assert im16.mode == "I;16" and t16.dtype == torch.int16 and t16.item() < 0  # overflow
assert p16.dtype == torch.uint16 and p16.item() == 40000
assert [to_pil(torch.rand(c, 2, 2)).mode for c in (1, 3, 4)] == ["L", "RGB", "RGBA"]
