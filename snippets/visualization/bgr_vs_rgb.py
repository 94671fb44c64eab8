# --- hidden on the page ---
import io

import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import cbook
from PIL import Image

# --- hidden on the page ---
matplotlib.use("Agg")
plt.rcParams["svg.hashsalt"] = "pytorch-notes"  # the same SVG ids on every build
# --- shown on the page ---
with cbook.get_sample_data("grace_hopper.jpg") as file:  # ships with matplotlib
    rgb = np.asarray(Image.open(file).convert("RGB").resize((64, 75)))

bgr = rgb[..., ::-1]  # what cv2.imread would hand you: channels B, G, R
fixed = bgr[..., ::-1]  # cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB) does the same

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
