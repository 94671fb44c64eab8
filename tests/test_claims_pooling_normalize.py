"""What the pooling and normalization pages claim fails when PyTorch behaves otherwise.

Each test runs a snippet against a plausible other PyTorch (another default, zero
padding in ceil_mode, no dropped window, ...) and requires the snippet's own check of
that claim to fail. The formula sweeps are tested the same way in test_formulas.py.
"""

import torch
import torch.nn.functional as F
from claims import claim_fails
from torch import nn
from torch.nn.modules.utils import _pair


def test_max_pool_stride_defaults_to_the_kernel_size(monkeypatch):
    real = nn.MaxPool2d

    class StrideOne(real):  # stride=None meaning 1, as in Conv2d
        def __init__(self, kernel_size, stride=None, padding=0, dilation=1, **kw):
            super().__init__(kernel_size, stride or 1, padding, dilation, **kw)

    monkeypatch.setattr(nn, "MaxPool2d", StrideOne)
    claim_fails("pooling_normalize/max_pool_defaults.py", "(1, 3, 16, 16)")


def _zero_padded(pool, rounded_up, input, kernel_size, *args):
    """ceil_mode as zero padding: zeros on the right and bottom, then round down."""
    kernel_h, kernel_w = _pair(kernel_size)
    padded = F.pad(input, (0, kernel_w - 1, 0, kernel_h - 1), value=0.0)
    out = pool(padded, kernel_size, *args)
    return out[..., : rounded_up.shape[-2], : rounded_up.shape[-1]]


def test_max_pool_ceil_mode_does_not_pad_zeros(monkeypatch):
    real = F.max_pool2d

    def pads_zeros(input, kernel_size, stride=None, padding=0, dilation=1, **kw):
        out = real(input, kernel_size, stride, padding, dilation, **kw)
        if not kw.get("ceil_mode"):
            return out
        return _zero_padded(real, out, input, kernel_size, stride, padding, dilation)

    monkeypatch.setattr(F, "max_pool2d", pads_zeros)
    claim_fails("pooling_normalize/max_pool_ceil_mode.py", "torch.equal(y_2(x)")
    claim_fails("pooling_normalize/ceil_mode_partial_window.py", "== -9")


def test_avg_pool_ceil_mode_window_is_not_padded(monkeypatch):
    real = F.avg_pool2d

    def pads_zeros(input, kernel_size, stride=None, padding=0, ceil_mode=False):
        out = real(input, kernel_size, stride, padding, ceil_mode)
        if not ceil_mode:
            return out
        return _zero_padded(real, out, input, kernel_size, stride, padding)

    monkeypatch.setattr(F, "avg_pool2d", pads_zeros)
    claim_fails("pooling_normalize/ceil_mode_partial_window.py", "torch.ones(1, 3, 3)")


def test_avg_pool_counts_the_padded_zeros_by_default(monkeypatch):
    real = F.avg_pool1d

    def excludes_padding(input, kernel_size, stride=None, padding=0, **kw):
        kw.setdefault("count_include_pad", False)  # as TensorFlow's "SAME" pooling
        return real(input, kernel_size, stride, padding, **kw)

    monkeypatch.setattr(F, "avg_pool1d", excludes_padding)
    claim_fails("pooling_normalize/avg_pool_count_include_pad.py", "2 / 3")


def test_max_pool_padding_is_not_zeros(monkeypatch):
    real = F.max_pool1d

    def pads_zeros(input, kernel_size, stride=None, padding=0, *args, **kw):
        padded = F.pad(input, (padding, padding), value=0.0)  # zeros, not -inf
        return real(padded, kernel_size, stride, 0, *args, **kw)

    monkeypatch.setattr(F, "max_pool1d", pads_zeros)
    claim_fails(
        "pooling_normalize/avg_pool_count_include_pad.py", "-torch.ones(1, 1, 4)"
    )


def test_ceil_mode_drops_a_window_that_starts_in_the_right_padding(monkeypatch):
    real = F.max_pool2d

    def keeps_it(input, kernel_size, stride=None, padding=0, dilation=1, **kw):
        """The 2020 notes' rule: ceil((L - K + 2P) / S) + 1 windows, none dropped."""
        out = real(input, kernel_size, stride, padding, dilation, **kw)
        if not kw.get("ceil_mode"):
            return out
        sizes = zip(
            input.shape[-2:],
            _pair(kernel_size),
            _pair(stride or kernel_size),
            _pair(padding),
            _pair(dilation),
        )
        for axis, (length, kernel, step, pad, dil) in zip((-2, -1), sizes):
            windows = -(-(length + 2 * pad - dil * (kernel - 1) - 1) // step) + 1
            while out.shape[axis] < windows:  # repeat the last window's result
                last = out.narrow(axis, out.shape[axis] - 1, 1)
                out = torch.cat([out, last], dim=axis)
        return out

    monkeypatch.setattr(F, "max_pool2d", keeps_it)
    claim_fails("pooling_normalize/pool_output_size.py", "size == y.shape[-1]")
    claim_fails("pooling_normalize/ceil_mode_2020_formula.py", "y.shape[-1] == 3")


def test_adaptive_pool_windows_overlap(monkeypatch):
    def split_evenly(input, output_size):  # windows [i*L//n, (i+1)*L//n): no overlap
        (out,) = output_size if isinstance(output_size, tuple) else (output_size,)
        length = input.shape[-1]
        windows = [
            input[..., i * length // out : (i + 1) * length // out].mean(-1)
            for i in range(out)
        ]
        return torch.stack(windows, dim=-1)

    monkeypatch.setattr(F, "adaptive_avg_pool1d", split_evenly)
    claim_fails("pooling_normalize/adaptive_avg_pool.py", "0.5, 2.0, 3.5")


def test_normalize_default_dim_is_1(monkeypatch):
    real = F.normalize

    def last_dim(input, p=2.0, dim=-1, eps=1e-12, out=None):
        return real(input, p, dim, eps, out)

    monkeypatch.setattr(F, "normalize", last_dim)
    claim_fails("pooling_normalize/normalize_defaults.py", "expected IndexError")


def test_normalize_default_p_is_2(monkeypatch):
    real = F.normalize

    def l1(input, p=1.0, dim=1, eps=1e-12, out=None):
        return real(input, p, dim, eps, out)

    monkeypatch.setattr(F, "normalize", l1)
    claim_fails("pooling_normalize/normalize_unit_norm.py", "1.6036")


def test_normalize_leaves_an_all_zero_row_at_zero(monkeypatch):
    def without_eps(input, p=2.0, dim=1, eps=1e-12, out=None):
        return input / input.norm(p, dim, keepdim=True)  # 0 / 0 = nan

    monkeypatch.setattr(F, "normalize", without_eps)
    claim_fails("pooling_normalize/normalize_unit_norm.py", "no NaN")
