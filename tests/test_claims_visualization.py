"""What the visualization pages claim fails when PyTorch behaves otherwise."""

from pathlib import Path

import torch
import torchvision.utils
from claims import claim_fails
from torch.utils.data import dataloader


def test_detach_shares_memory(monkeypatch):
    # a PyTorch whose detach() copied the data
    real = torch.Tensor.detach
    monkeypatch.setattr(torch.Tensor, "detach", lambda self: real(self).clone())
    claim_fails("visualization/numpy_requires_grad.py", "data_ptr() ==")


def test_numpy_refuses_tensors_that_require_grad(monkeypatch):
    # a PyTorch whose numpy() detached silently instead of raising
    real = torch.Tensor.numpy
    monkeypatch.setattr(
        torch.Tensor, "numpy", lambda self, **kw: real(self.detach(), **kw)
    )
    claim_fails("visualization/numpy_requires_grad.py", "expected RuntimeError")


def test_variable_returns_a_plain_tensor(monkeypatch):
    # a PyTorch where Variable were still a type of its own (before 0.4)
    class Variable(torch.Tensor):
        pass

    def make(data, requires_grad=False):
        return data.as_subclass(Variable).requires_grad_(requires_grad)

    monkeypatch.setattr(torch.autograd, "Variable", make)
    claim_fails("visualization/variable_is_tensor.py", "type(v) is torch.Tensor")


def test_dataloader_iterator_has_no_next_method(monkeypatch):
    # the DataLoader iterator of PyTorch before 1.13, with its .next() method
    iterator = dataloader._BaseDataLoaderIter
    monkeypatch.setattr(iterator, "next", iterator.__next__, raising=False)
    claim_fails("visualization/dataiter_next.py", "expected AttributeError")


def test_normalize_uses_the_range_of_the_whole_batch(monkeypatch):
    # a torchvision whose normalize=True scaled each image by its own min and max
    real = torchvision.utils.make_grid

    def make_grid(tensor, **kwargs):
        if kwargs.get("normalize"):
            kwargs["scale_each"] = True
        return real(tensor, **kwargs)

    monkeypatch.setattr(torchvision.utils, "make_grid", make_grid)
    claim_fails("visualization/save_image_nrow.py", "torch.allclose(grid")


def test_cpu_is_free_on_the_cpu(monkeypatch):
    # a PyTorch whose .cpu() always copied
    real = torch.Tensor.cpu
    monkeypatch.setattr(
        torch.Tensor, "cpu", lambda self, *a, **kw: real(self, *a, **kw).clone()
    )
    claim_fails("visualization/numpy_needs_cpu.py", "t.cpu() is t")


def test_from_numpy_refuses_negative_strides(monkeypatch):
    # a PyTorch whose from_numpy copied arrays with negative strides silently
    real = torch.from_numpy

    def copying(array):
        return real(array.copy() if min(array.strides, default=0) < 0 else array)

    monkeypatch.setattr(torch, "from_numpy", copying)
    claim_fails("visualization/bgr_vs_rgb.py", "expected ValueError from")


def test_save_image_does_not_create_folders(monkeypatch):
    # a torchvision whose save_image created missing directories
    real = torchvision.utils.save_image

    def creating(tensor, fp, *args, **kwargs):
        Path(fp).parent.mkdir(parents=True, exist_ok=True)
        return real(tensor, fp, *args, **kwargs)

    monkeypatch.setattr(torchvision.utils, "save_image", creating)
    claim_fails("visualization/save_image_nrow.py", "missing_folder_refused")
