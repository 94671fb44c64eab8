# --- hidden on the page ---
import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import numpy as np
import torch

matplotlib.use("Agg")  # markdown-exec: hide

torch.manual_seed(0)
img = torch.rand(3, 4, 5)  # CHW, as torchvision gives it
npimg = img.numpy()

fig, ax = plt.subplots()
try:
    ax.imshow(npimg)  # matplotlib wants HWC
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected TypeError")
assert "Invalid shape (3, 4, 5)" in message

try:
    np.transpose(1, 2, 0)  # as written in the 2020 prose
except TypeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected TypeError")

hwc = np.transpose(npimg, (1, 2, 0))  # the function takes the array, then the axes
print(hwc.shape, npimg.transpose(1, 2, 0).shape, img.permute(1, 2, 0).shape)
ax.imshow(hwc)
plt.close(fig)

assert hwc.shape == (4, 5, 3)
assert np.array_equal(hwc, img.permute(1, 2, 0).numpy())
