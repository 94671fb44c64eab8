"""What the operations pages claim fails when PyTorch behaves otherwise.

Each test swaps one PyTorch behavior for a plausible other one (another default, a
Python bool instead of a tensor, uint8 mapped to bool as pytorch#50342 proposes, the
`indexing="xy"` default that torch.meshgrid's warning announces, a copy where there is
none, a seed that also seeds NumPy) and requires the snippet's own check for that claim
to fail.
"""

import random

import numpy as np
import torch
import torch.utils.data
from claims import claim_fails

# torch.max


def test_max_without_dim_has_no_index(monkeypatch):
    real = torch.max

    def with_index(input, *args, **kwargs):  # (values, indices) even without dim
        if not args and not kwargs:
            return real(input.flatten(), dim=0)
        return real(input, *args, **kwargs)

    monkeypatch.setattr(torch, "max", with_index)
    claim_fails("operations/max_dim.py", "expected TypeError")


def test_max_dim_0_gives_column_maxima(monkeypatch):
    real = torch.max

    def rows_for_columns(input, *args, **kwargs):  # dim=0 read as "one per row"
        if kwargs.get("dim") == 0:
            kwargs["dim"] = 1
        return real(input, *args, **kwargs)

    monkeypatch.setattr(torch, "max", rows_for_columns)
    claim_fails("operations/max_dim.py", "by_column.values.shape == (4,)")


def test_keepdim_is_needed_to_broadcast(monkeypatch):
    real = torch.Tensor.max

    def keep_by_default(self, *args, **kwargs):  # keepdim=True as the default
        if args or "dim" in kwargs:
            kwargs.setdefault("keepdim", True)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(torch.Tensor, "max", keep_by_default)
    claim_fails("operations/max_keepdim.py", "expected RuntimeError")


def test_softmax_keeps_the_shape(monkeypatch):
    real = torch.nn.functional.softmax

    def reduced(input, dim=None, *args, **kwargs):  # reduces dim to size 1, like max
        return real(input, dim, *args, **kwargs).amax(dim=dim, keepdim=True)

    monkeypatch.setattr(torch.nn.functional, "softmax", reduced)
    claim_fails("operations/max_accuracy.py", "probabilities.shape == logits.shape")


# random numbers


def test_manual_seed_seeds_torch_only(monkeypatch):
    real = torch.manual_seed

    def seed_everything(seed):  # a torch.manual_seed that seeded the others too
        random.seed(seed)
        np.random.seed(seed)
        return real(seed)

    monkeypatch.setattr(torch, "manual_seed", seed_everything)
    claim_fails("operations/rng_beyond_torch.py", "same == [True, False, False]")


def test_dataloader_generator_fixes_the_order(monkeypatch):
    real = torch.utils.data.DataLoader

    class IgnoresGenerator(real):  # shuffles from the global generator regardless
        def __init__(self, *args, generator=None, **kwargs):
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(torch.utils.data, "DataLoader", IgnoresGenerator)
    claim_fails("operations/rng_beyond_torch.py", "own_before == own_after")


# sort, topk, where


def test_sort_is_ascending_by_default(monkeypatch):
    real = torch.sort

    def descending_default(input, *args, descending=True, **kwargs):
        return real(input, *args, descending=descending, **kwargs)

    monkeypatch.setattr(torch, "sort", descending_default)
    claim_fails("operations/sort.py", "torch.sort(x).indices")


def test_topk_returns_the_largest_by_default(monkeypatch):
    real = torch.topk

    def smallest_default(input, k, *args, largest=False, **kwargs):
        return real(input, k, *args, largest=largest, **kwargs)

    monkeypatch.setattr(torch, "topk", smallest_default)
    claim_fails("operations/topk.py", "largest.values")


def test_python_scalar_keeps_the_dtype(monkeypatch):
    real = torch.where

    def scalar_as_float64(condition, *args):  # a scalar promoted like a float64 tensor
        args = [
            torch.full((1,), a, dtype=torch.float64) if isinstance(a, float) else a
            for a in args
        ]
        return real(condition, *args)

    monkeypatch.setattr(torch, "where", scalar_as_float64)
    claim_fails("operations/where_select.py", "dtype == torch.float32")


def test_one_argument_where_finds_negative_entries(monkeypatch):
    real = torch.where

    def greater_than_zero(condition, *args):  # the 2020 notes' reading
        if not args:
            return torch.nonzero(condition > 0, as_tuple=True)
        return real(condition, *args)

    monkeypatch.setattr(torch, "where", greater_than_zero)
    claim_fails("operations/where_indices.py", "rows.tolist() == [0, 1]")


# all / any


def test_all_returns_a_tensor_not_a_bool(monkeypatch):
    real = torch.all

    def python_bool(input, *args, **kwargs):
        result = real(input, *args, **kwargs)
        return bool(result) if result.dim() == 0 else result

    monkeypatch.setattr(torch, "all", python_bool)
    claim_fails("operations/all_any.py", "isinstance(result, torch.Tensor)")


def test_all_keeps_uint8_for_uint8_input(monkeypatch):
    real = torch.all

    def always_bool(input, *args, **kwargs):  # pytorch#50342: uint8 -> bool
        return real(input, *args, **kwargs).bool()

    monkeypatch.setattr(torch, "all", always_bool)
    claim_fails("operations/all_any.py", "torch.all(pixels).dtype == torch.uint8")


def test_all_accepts_any_dtype_and_returns_bool(monkeypatch):
    real = torch.all

    def same_dtype(input, *args, **kwargs):  # the first draft of pytorch#44790
        return real(input, *args, **kwargs).to(input.dtype)

    monkeypatch.setattr(torch, "all", same_dtype)
    claim_fails("operations/all_any.py", "dtype == torch.bool  # any dtype in")


# meshgrid


def test_meshgrid_default_is_ij(monkeypatch):
    real = torch.meshgrid

    def xy_default(*tensors, indexing=None):  # the default the warning announces
        if indexing is None:
            real(*tensors)  # still warns
            indexing = "xy"
        return real(*tensors, indexing=indexing)

    monkeypatch.setattr(torch, "meshgrid", xy_default)
    claim_fails("operations/meshgrid_indexing.py", "torch.equal(shift_x,")


# dtype conversion


def test_to_same_dtype_returns_the_tensor_itself(monkeypatch):
    real = torch.Tensor.to

    def always_copies(self, *args, **kwargs):
        return real(self, *args, **kwargs).clone()

    monkeypatch.setattr(torch.Tensor, "to", always_copies)
    claim_fails("operations/dtype_conversion.py", "t.to(torch.int64) is t")
