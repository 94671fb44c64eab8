import tempfile
from pathlib import Path

import numpy as np
from matplotlib import cbook
from PIL import Image
from torchvision import transforms

with cbook.get_sample_data("grace_hopper.jpg") as file:
    photo = Image.open(file).convert("RGB").resize((8, 6))
made = {
    "L": photo.convert("L"),
    "P": photo.convert("P", palette=Image.Palette.ADAPTIVE, colors=8),
    "RGB": photo,
    "RGBA": photo.convert("RGBA"),
}

with tempfile.TemporaryDirectory() as folder:
    opened = {}
    for mode, img in made.items():
        path = Path(folder) / f"{mode}.png"
        img.save(path)
        opened[mode] = Image.open(path)
        opened[mode].load()

for mode, img in opened.items():
    bands = len(img.split())
    shape = tuple(transforms.ToTensor()(img).shape)
    rgb_shape = tuple(transforms.ToTensor()(img.convert("RGB")).shape)
    print(
        f"saved {mode}: opened as {img.mode}, bands {img.getbands()}, "
        f"ToTensor {shape}, after convert('RGB') {rgb_shape}"
    )

assert {mode: img.mode for mode, img in opened.items()} == {m: m for m in made}
assert [len(img.split()) for img in opened.values()] == [1, 1, 3, 4]
assert all(img.convert("RGB").getbands() == ("R", "G", "B") for img in opened.values())
# convert("RGB") drops the alpha: a fully transparent red pixel stays red
see_through = Image.new("RGBA", (1, 1), (255, 0, 0, 0))
assert see_through.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
# a P image's one band holds palette indices (0..7 here), not brightness
assert np.asarray(opened["P"]).max() < 8 < np.asarray(opened["L"]).max()
assert not hasattr(Image, "Open")  # the 2020 notes' Image.Open(path) is Image.open
