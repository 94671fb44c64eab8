import numpy as np
import torch
from matplotlib import cbook
from PIL import Image
from torchvision import transforms

with cbook.get_sample_data("grace_hopper.jpg") as file:
    img = Image.open(file).convert("RGB").resize((40, 30))  # resize takes (W, H)

arr = np.array(img)  # HWC, RGB, uint8 in 0..255
chw_uint8 = torch.from_numpy(arr).permute(2, 0, 1)  # CHW, still uint8
chw_float = transforms.ToTensor()(img)  # CHW, float32 in 0..1
print(img.mode, img.size)
try:
    img.size()  # an attribute, not a method
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected TypeError")
print(arr.shape, arr.dtype, arr.min(), arr.max())
gray = np.array(img.convert("L"))  # mode L: one channel, no channel dimension
deep = np.array(Image.fromarray(arr[..., 0].astype(np.int32)))  # mode I: 32-bit
print("L:", gray.shape, gray.dtype, "| I:", deep.shape, deep.dtype)
print(chw_uint8.shape, chw_uint8.dtype)
print(chw_float.shape, chw_float.dtype, chw_float.min().item(), chw_float.max().item())

assert img.size == (40, 30) and arr.shape == (30, 40, 3)  # size is (W, H)
assert (img.width, img.height) == img.size
assert "not callable" in message
assert arr.dtype == np.uint8 and chw_float.dtype == torch.float32
assert gray.shape == (30, 40) and deep.dtype == np.int32
assert torch.equal(chw_float, chw_uint8.float() / 255)  # ToTensor: permute, then / 255
