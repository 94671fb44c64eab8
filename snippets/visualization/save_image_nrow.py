import tempfile
from pathlib import Path

import numpy as np
import torch
import torchvision.utils as vutils
from PIL import Image
from torchvision.transforms import Normalize

torch.manual_seed(0)
batch = torch.randn(6, 3, 20, 30)  # e.g. normalized images: values outside [0, 1]

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "batch.png"
    vutils.save_image(batch, path, nrow=4, padding=2, normalize=True)
    saved = Image.open(path)
    saved.load()
    try:  # save_image does not create missing directories
        vutils.save_image(batch, Path(folder) / "images" / "x.png")
    except FileNotFoundError:
        missing_folder_refused = True
    else:
        missing_folder_refused = False

grid = vutils.make_grid(batch, nrow=4, padding=2, normalize=True)
print(saved.size, saved.mode, grid.shape)
print(batch.min().item() < 0, grid.min().item(), grid.max().item())

assert missing_folder_refused  # the images/ directory must exist beforehand
# nrow=4 images per row -> 2 rows; PIL's size is (W, H), the tensor is C, H, W
assert saved.size == (grid.shape[2], grid.shape[1])
assert saved.size == (4 * (30 + 2) + 2, 2 * (20 + 2) + 2)
# normalize=True rescales the batch to [0, 1] using its min and max
assert grid.min() == 0 and grid.max() == 1
scaled = (batch - batch.min()) / (batch.max() - batch.min())
assert torch.allclose(grid, vutils.make_grid(scaled, nrow=4, padding=2))
pixels = torch.from_numpy(np.array(saved)).permute(2, 0, 1)
expected = grid.mul(255).add(0.5).clamp(0, 255).to(torch.uint8)
assert torch.equal(pixels, expected)  # the file holds exactly make_grid's picture

# normalize=True only stretches min..max to 0..1 for viewing; it does not undo
# transforms.Normalize(mean, std): un-standardize with mean and std, then clamp
mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
photo = torch.rand(3, 20, 30) * 0.5 + 0.25  # an image with values in [0.25, 0.75]
standardized = Normalize(mean, std)(photo)
stretched = vutils.make_grid(standardized.unsqueeze(0), normalize=True)
m, s = torch.tensor(mean).view(3, 1, 1), torch.tensor(std).view(3, 1, 1)
restored = (standardized * s + m).clamp(0, 1)
stretch_error = (stretched - photo).abs().max().item()
restore_error = (restored - photo).abs().max().item()
print(
    f"normalize=True off by {stretch_error:.2f}; mean/std undone off by {restore_error:.0e}"
)
assert stretch_error > 0.1  # colors and contrast changed
assert restore_error < 1e-6  # the original image
