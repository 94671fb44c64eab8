"""What the image-formats pages claim fails when PyTorch (or PIL) behaves otherwise."""

import platform

import numpy as np
import pytest
from claims import claim_fails
from PIL import Image
from torchvision import transforms


@pytest.mark.skipif(
    platform.machine() not in ("x86_64", "AMD64"),
    reason="an out-of-range float -> uint8 cast is undefined; the page records x86-64",
)
def test_to_pil_image_wraps_around_on_x86(monkeypatch):
    real = transforms.ToPILImage.__call__
    monkeypatch.setattr(
        transforms.ToPILImage, "__call__", lambda self, pic: real(self, pic.clamp(0, 1))
    )
    claim_fails("image_formats/float_wraparound.py", "[50, 231, 254, 127]")


def test_to_tensor_divides_palette_indices_by_255(monkeypatch):
    monkeypatch.setattr(
        transforms.ToTensor,
        "__call__",
        lambda self, pic: transforms.PILToTensor()(pic).float(),
    )
    claim_fails("image_formats/palette_mask.py", "1 / 255")


def test_fromarray_rejects_float16(monkeypatch):
    real = Image.fromarray

    def lenient(array, *args, **kwargs):
        if array.dtype == np.float16:
            array = array.astype(np.float32)
        return real(array, *args, **kwargs)

    monkeypatch.setattr(Image, "fromarray", lenient)
    claim_fails("image_formats/fromarray_dtypes.py", '"float16"')
