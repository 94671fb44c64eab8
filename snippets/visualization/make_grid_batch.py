# --- hidden on the page ---
import io

import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import torchvision
from matplotlib import cbook
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import functional as F

# --- hidden on the page ---
matplotlib.use("Agg")
plt.rcParams["svg.hashsalt"] = "pytorch-notes"  # the same SVG ids on every build
# --- shown on the page ---


class HopperCrops(Dataset):
    """8 fixed 48x48 crops of a photo that ships with matplotlib (no download)."""

    def __init__(self):
        with cbook.get_sample_data("grace_hopper.jpg") as file:
            self.image = Image.open(file).convert("RGB").resize((96, 112))
        self.corners = [(top, left) for top in (8, 56) for left in (0, 16, 32, 48)]

    def __len__(self):
        return len(self.corners)

    def __getitem__(self, index):
        top, left = self.corners[index]
        crop = F.crop(self.image, top, left, 48, 48)
        return F.to_tensor(crop), index  # CHW float32 in [0, 1]


loader = DataLoader(HopperCrops(), batch_size=8, shuffle=False)
images, labels = next(iter(loader))
grid = torchvision.utils.make_grid(images, padding=10)  # nrow=8 by default

fig, ax = plt.subplots(figsize=(6, 1.3))
ax.imshow(grid.permute(1, 2, 0).numpy(), interpolation="none")  # CHW -> HWC
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

assert images.shape == (8, 3, 48, 48)
# padding surrounds every image: 8 * (48 + 10) + 10 wide, 48 + 2 * 10 high
assert grid.shape == (3, 48 + 2 * 10, 8 * (48 + 10) + 10)
assert grid[:, :10, :].eq(0).all()  # pad_value=0: the gaps are black
