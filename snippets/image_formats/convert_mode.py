import numpy as np
from matplotlib import cbook
from PIL import Image

with cbook.get_sample_data("grace_hopper.jpg") as file:  # a JPEG: 3 channels
    photo = Image.open(file).resize((8, 6))

gray = photo.convert("L")  # what a model trained on 1-channel images expects
green = np.asarray(photo.getchannel("G"))  # the 2020 workaround: keep one channel
r, g, b = (np.asarray(photo, dtype=np.float64)[..., i] for i in range(3))
luma = r * 299 / 1000 + g * 587 / 1000 + b * 114 / 1000  # ITU-R 601-2, PIL's formula
print("photo:", photo.mode, "| convert('L'):", gray.mode, len(gray.split()), "channel")
print("largest |L - G| difference:", np.abs(np.asarray(gray, np.int16) - green).max())

assert photo.mode == "RGB" and gray.mode == "L"
assert np.abs(np.asarray(gray) - luma).max() <= 1  # L mixes R, G and B
assert not np.array_equal(np.asarray(gray), np.asarray(green))
