# --- hidden on the page ---
import io

import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import torch

# --- hidden on the page ---
matplotlib.use("Agg")
plt.rcParams["svg.hashsalt"] = "pytorch-notes"  # the same SVG ids on every build
# --- shown on the page ---
x = torch.arange(2 * 3 * 2 * 2).view(2, 3, 2, 2)  # N=2, C=3, H=2, W=2
flat = x.view(x.size(0), -1)  # N, C*H*W
assert flat.shape == (2, 12)
assert flat[1, 4].item() == x[1, 1, 0, 0].item()  # channel by channel, row by row

colors = ["#fdd49e", "#a6dba0", "#9ecae1"]  # one color per channel
fig, ax = plt.subplots(figsize=(8, 3.2))
ax.set_xlim(0, 21.5)
ax.set_ylim(-0.6, 6.4)
ax.set_aspect("equal")
ax.axis("off")


def cell(px, py, value, channel):
    ax.add_patch(plt.Rectangle((px, py), 1, 1, fc=colors[channel], ec="#333333"))
    ax.text(px + 0.5, py + 0.5, str(value), ha="center", va="center", fontsize=9)


for n in range(2):
    top = 5 - 3.2 * n
    ax.text(0, top + 0.45, f"x[{n}]", ha="left", va="center", fontsize=10)
    for c in range(3):
        for h in range(2):
            for w in range(2):
                cell(1.5 + 2.3 * c + w, top - h, x[n, c, h, w].item(), c)
    for i, value in enumerate(flat[n].tolist()):
        cell(9.3 + i, top - 0.5, value, i // 4)
    ax.annotate("", xy=(9.1, top), xytext=(8.3, top), arrowprops={"arrowstyle": "->"})

ax.text(4.0, -0.45, "x: (2, 3, 2, 2)  N, C, H, W", ha="center", fontsize=10)
ax.text(15.3, -0.45, "x.view(x.size(0), -1): (2, 12)", ha="center", fontsize=10)

# --- hidden on the page ---
buffer = io.StringIO()
no_metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
fig.savefig(
    buffer, format="svg", facecolor="white", bbox_inches="tight", metadata=no_metadata
)
plt.close(fig)
svg = buffer.getvalue()
print(svg[svg.index("<svg") :])
# --- shown on the page ---
