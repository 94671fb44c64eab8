# --- hidden on the page ---
import io

import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib import cbook
from PIL import Image
from torchvision.transforms import functional as F

# --- hidden on the page ---
matplotlib.use("Agg")
plt.rcParams["svg.hashsalt"] = "pytorch-notes"  # the same SVG ids on every build
# --- shown on the page ---
with cbook.get_sample_data("grace_hopper.jpg") as file:  # ships with matplotlib
    rgb = np.asarray(Image.open(file).convert("RGB").resize((64, 75)))

# what cv2.imread would hand you: channels B, G, R, in an array of its own
bgr = np.ascontiguousarray(rgb[..., ::-1])
fixed = bgr[..., ::-1]  # cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB) gives the same pixels

fig, axes = plt.subplots(1, 3, figsize=(6, 2.6))
titles = ["rgb", "plt.imshow(bgr)", "bgr[..., ::-1]"]
for ax, image, title in zip(axes, [rgb, bgr, fixed], titles):
    ax.imshow(image, interpolation="none")  # embed pixels as they are
    ax.set_title(title, fontsize=10)
    ax.axis("off")
# --- hidden on the page ---
buffer = io.StringIO()
fig.savefig(
    buffer,
    format="svg",
    facecolor="white",
    bbox_inches="tight",
    # no date (every build the same) and no RDF block (not valid inside HTML)
    metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
)
plt.close(fig)
svg = buffer.getvalue()
print(svg[svg.index("<svg") :])
# --- shown on the page ---

assert np.array_equal(bgr[..., 0], rgb[..., 2])  # channel 0 of a BGR array is blue
assert np.array_equal(fixed, rgb)

# the same pixels, but [..., ::-1] is a view with a negative stride:
# torch.from_numpy and F.to_tensor refuse it; .copy() it first
assert fixed.strides[-1] < 0
for to_tensor in (torch.from_numpy, F.to_tensor):
    try:
        to_tensor(fixed)
    except ValueError as error:
        assert "negative" in str(error)
    else:
        raise AssertionError(f"expected ValueError from {to_tensor.__name__}")
assert np.array_equal(torch.from_numpy(fixed.copy()).numpy(), rgb)
