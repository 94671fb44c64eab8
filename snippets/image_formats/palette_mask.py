import numpy as np
import torch
from PIL import Image
from torchvision import transforms

# a segmentation label mask stored as a palette PNG (as in PASCAL VOC): class indices
labels = np.array([[0, 1, 2], [15, 15, 0]], dtype=np.uint8)
mask = Image.fromarray(labels, mode="P")
mask.putpalette([0, 0, 0, 128, 0, 0, 0, 128, 0] + [64, 64, 64] * 253)

wrong = transforms.ToTensor()(mask)  # divides by 255: indices become fractions
right = transforms.PILToTensor()(mask)  # keeps the indices (uint8)
also_right = torch.as_tensor(np.array(mask)).long()  # (H, W) int64, for a loss
rgb = np.array(mask.convert("RGB"))  # colors, not classes
print("ToTensor:", wrong[0, 0])
print("PILToTensor:", right.shape, right.dtype, right[0, 0])
print("as_tensor(...).long():", also_right.shape, also_right.dtype)
print(also_right)
print(rgb[0, 1], rgb[1, 0])

assert wrong.dtype == torch.float32 and torch.allclose(
    wrong[0, 0, 1], torch.tensor(1 / 255)
)
assert right.dtype == torch.uint8 and torch.equal(right[0], torch.from_numpy(labels))
assert right.shape == (1, 2, 3) and also_right.shape == (2, 3)  # (1, H, W) vs (H, W)
assert np.array(mask).dtype == np.uint8 and also_right.dtype == torch.int64
assert torch.equal(also_right, torch.from_numpy(labels).long())
assert rgb.shape == (2, 3, 3) and rgb[0, 1].tolist() == [128, 0, 0]  # class 1's color
