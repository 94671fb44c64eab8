"""What the shapes pages claim fails when PyTorch behaves otherwise.

Each test swaps one PyTorch behavior for a plausible other one (another default, a copy
instead of a view, no error raised, the 2020 behavior of Conv2d) and requires the
snippet's own check for that claim to fail.
"""

import torch
import torch.nn as nn
from claims import claim_fails, snippet_stops

# unsqueeze: only the shape changes


def test_unsqueeze_keeps_the_data(monkeypatch):
    real = torch.Tensor.unsqueeze

    def shape_only(tensor, dim):  # the right shape, other numbers
        return torch.zeros_like(real(tensor, dim))

    monkeypatch.setattr(torch.Tensor, "unsqueeze", shape_only)
    monkeypatch.setattr(torch, "unsqueeze", shape_only)
    claim_fails("shapes/unsqueeze.py", "torch.equal(b.squeeze(2), a)")


def test_unsqueeze_is_a_view(monkeypatch):
    real = torch.Tensor.unsqueeze

    def copying(tensor, dim):
        return real(tensor, dim).clone()

    monkeypatch.setattr(torch.Tensor, "unsqueeze", copying)
    monkeypatch.setattr(torch, "unsqueeze", copying)
    claim_fails("shapes/unsqueeze.py", "b.data_ptr() == a.data_ptr()")


def test_unsqueeze_rejects_a_dim_beyond_ndim(monkeypatch):
    real = torch.Tensor.unsqueeze
    monkeypatch.setattr(
        torch.Tensor, "unsqueeze", lambda t, dim: real(t, min(dim, t.dim()))
    )
    claim_fails("shapes/unsqueeze_dim_range.py", "accepted a dim beyond")


# squeeze() without dim


def test_squeeze_without_dim_drops_the_batch_dim(monkeypatch):
    real = torch.Tensor.squeeze

    def keep_dim_0(tensor, *args, **kwargs):  # a squeeze that spares the batch dim
        if args or kwargs:
            return real(tensor, *args, **kwargs)
        dims = tuple(d for d in range(1, tensor.dim()) if tensor.shape[d] == 1)
        return real(tensor, dims) if dims else tensor

    monkeypatch.setattr(torch.Tensor, "squeeze", keep_dim_0)
    monkeypatch.setattr(torch, "squeeze", keep_dim_0)
    claim_fails("shapes/squeeze_all.py", "the batch dim is gone too")


# the unbatched Conv2d input (PyTorch 1.11)


def test_the_update_box_needs_unbatched_conv2d(monkeypatch):
    real = nn.Conv2d._conv_forward

    def batched_only(self, input, weight, bias):  # Conv2d before PyTorch 1.11
        if input.dim() != 4:
            raise RuntimeError(f"Expected 4-dimensional input, got {input.dim()}")
        return real(self, input, weight, bias)

    monkeypatch.setattr(nn.Conv2d, "_conv_forward", batched_only)
    snippet_stops("shapes/unbatched_input.py", RuntimeError, "conv(x)")


# view: the stride rule


def test_view_refuses_to_merge_dims_whose_strides_dont_line_up(monkeypatch):
    monkeypatch.setattr(torch.Tensor, "view", lambda t, *shape: t.reshape(*shape))
    claim_fails("shapes/view_non_contiguous.py", "view merged dims")


def test_view_splits_a_dim_of_a_non_contiguous_tensor(monkeypatch):
    real = torch.Tensor.view

    def contiguous_only(tensor, *shape):  # the rule the page used to state
        if not tensor.is_contiguous():
            raise RuntimeError("view needs a contiguous tensor")
        return real(tensor, *shape)

    monkeypatch.setattr(torch.Tensor, "view", contiguous_only)
    snippet_stops("shapes/view_non_contiguous.py", RuntimeError, "y.view(2, 2, 2, 3)")


def test_view_before_linear_copies_nothing(monkeypatch):
    real = torch.Tensor.view
    monkeypatch.setattr(torch.Tensor, "view", lambda t, *shape: real(t.clone(), *shape))
    claim_fails("shapes/view_before_linear.py", "flat.data_ptr() == x.data_ptr()")


# cat and stack


def test_cat_needs_equal_sizes_outside_the_cat_dim(monkeypatch):
    real = torch.cat

    def broadcasting_cat(tensors, dim=0):  # a cat that broadcasts like `+` does
        tensors = list(tensors)
        d = dim % tensors[0].dim()
        size = torch.broadcast_shapes(
            *[t.shape[:d] + (1,) + t.shape[d + 1 :] for t in tensors]
        )
        return real(
            [t.expand(size[:d] + (t.shape[d],) + size[d + 1 :]) for t in tensors], d
        )

    monkeypatch.setattr(torch, "cat", broadcasting_cat)
    claim_fails("shapes/cat_mismatch.py", "outside the cat dim")


def test_stack_inserts_the_new_dim_at_dim(monkeypatch):
    real = torch.stack
    monkeypatch.setattr(torch, "stack", lambda ts, dim=0: real(ts, dim + 1))
    claim_fails("shapes/stack_dims.py", "list(out.shape) == expected")


def test_stack_is_unsqueeze_then_cat(monkeypatch):
    real = torch.stack

    def stack_by_reshape(tensors, dim=0):  # the right shape, the data in another order
        tensors = list(tensors)
        shape = list(tensors[0].shape)
        shape.insert(dim % (len(shape) + 1), len(tensors))
        return real(tensors, 0).reshape(shape)

    monkeypatch.setattr(torch, "stack", stack_by_reshape)
    claim_fails("shapes/stack_dims.py", "torch.equal(out, same)")


# flatten: two defaults


def test_nn_flatten_keeps_the_batch_dim_by_default(monkeypatch):
    real = nn.Flatten.__init__

    def start_at_0(self, start_dim=0, end_dim=-1):
        real(self, start_dim, end_dim)

    monkeypatch.setattr(nn.Flatten, "__init__", start_at_0)
    claim_fails("shapes/flatten.py", "nn.Flatten()(a).shape")


def test_torch_flatten_flattens_everything_by_default(monkeypatch):
    real = torch.Tensor.flatten

    def start_at_1(tensor, start_dim=1, end_dim=-1):
        return real(tensor, start_dim, end_dim)

    monkeypatch.setattr(torch.Tensor, "flatten", start_at_1)
    claim_fails("shapes/flatten.py", "a.flatten().shape == (480,)")
