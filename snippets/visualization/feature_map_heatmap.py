# --- hidden on the page ---
import io

import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import torch
from matplotlib import cbook
from PIL import Image
from torchvision.transforms import functional as F

# --- hidden on the page ---
matplotlib.use("Agg")
plt.rcParams["svg.hashsalt"] = "pytorch-notes"  # the same SVG ids on every build
# --- shown on the page ---
with cbook.get_sample_data("grace_hopper.jpg") as file:
    photo = F.to_tensor(Image.open(file).convert("RGB").resize((96, 112)))
corners = [(8, 0), (8, 48), (56, 0), (56, 48)]
x = torch.stack(
    [photo[:, top : top + 48, left : left + 48] for top, left in corners]
)  # N, C, H, W

# a fixed conv layer (Sobel filters in 4 directions) instead of a trained one
sobel = torch.tensor([[-1.0, 0, 1], [-2, 0, 2], [-1, 0, 1]])
kernels = (
    torch.stack([sobel, -sobel, sobel.T, -sobel.T]).unsqueeze(1).repeat(1, 3, 1, 1)
)
conv = torch.nn.Conv2d(
    3, 4, kernel_size=3, padding=1, padding_mode="replicate", bias=False
)
with torch.no_grad():
    conv.weight.copy_(kernels / 3)  # average the 3 color channels
feature_map = torch.relu(conv(x))  # N, 4, H, W
heat = feature_map.mean(dim=1).detach().cpu()  # N, H, W: one heat map per image

fig, axes = plt.subplots(2, len(x), figsize=(6, 3.2))
for i in range(len(x)):
    axes[0, i].imshow(x[i].permute(1, 2, 0).numpy(), interpolation="none")
    axes[1, i].imshow(heat[i].numpy(), cmap="viridis", interpolation="none")
    axes[0, i].set_title(f"x[{i}]", fontsize=9)
    axes[1, i].set_title(f"heat[{i}]", fontsize=9)
for ax in axes.flat:
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

assert feature_map.shape == (4, 4, 48, 48)
assert heat.shape == (4, 48, 48)
assert torch.allclose(heat[2], feature_map[2].mean(dim=0))

# --- hidden on the page ---
# viridis, not the jet of the 2020 notes: its brightness (relative luminance) rises
# steadily from 0 to 1, while jet's rises and falls again and draws false edges


def luminance(name):
    rgb = torch.tensor(plt.colormaps[name](torch.linspace(0, 1, 256).numpy()))[:, :3]
    linear = torch.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return linear @ torch.tensor([0.2126, 0.7152, 0.0722], dtype=linear.dtype)


assert (luminance("viridis").diff() > 0).all()
assert not (luminance("jet").diff() > 0).all()
assert 0 < luminance("jet").argmax() < 255  # brightest in the middle, not at the top
# --- shown on the page ---
