"""What the save-load pages claim fails when PyTorch behaves otherwise.

Each test swaps one PyTorch behavior for a plausible other one (torch.load before 2.6,
a torch.load that moves CUDA tensors to the CPU by itself, a lenient or silent
strict=False, a torch.compile without a wrapper, a prefix helper that forgets the
metadata, a detach() that copies) and requires the snippet's own check for that claim
to fail.
"""

import sys

import pytest
import torch
import torch.nn.modules.utils
from claims import claim_fails
from torch import nn
from torch.nn.modules.module import _IncompatibleKeys


@pytest.fixture(autouse=True)
def no_models_module_left(monkeypatch):
    """whole_model_pickle.py registers a module `models`; a failed run may leave it."""
    yield
    sys.modules.pop("models", None)


def test_weights_only_is_the_default(monkeypatch):
    real = torch.load

    def load_before_2_6(f, *args, weights_only=None, **kwargs):
        return real(f, *args, weights_only=bool(weights_only), **kwargs)

    monkeypatch.setattr(torch, "load", load_before_2_6)
    claim_fails("save_load/whole_model_pickle.py", "expected UnpicklingError")


def test_cuda_tensors_need_map_location(monkeypatch):
    real = torch.load

    def load_onto_the_cpu_by_itself(f, map_location=None, *args, **kwargs):
        if map_location is None and not torch.cuda.is_available():
            map_location = "cpu"
        return real(f, map_location, *args, **kwargs)

    monkeypatch.setattr(torch, "load", load_onto_the_cpu_by_itself)
    claim_fails("save_load/map_location.py", "expected RuntimeError")


def test_strict_false_reports_the_keys_it_skipped(monkeypatch):
    real = nn.Module.load_state_dict

    def silent(self, state_dict, strict=True, assign=False):
        result = real(self, state_dict, strict=strict, assign=assign)
        return result if strict else _IncompatibleKeys([], [])

    monkeypatch.setattr(nn.Module, "load_state_dict", silent)
    claim_fails(
        "save_load/load_strict_false.py",
        'result.missing_keys == ["3.weight", "3.bias"]',
    )


def test_strict_false_still_refuses_another_shape(monkeypatch):
    real = nn.Module.load_state_dict

    def skipping_other_shapes(self, state_dict, strict=True, assign=False):
        if not strict:
            own = self.state_dict()
            state_dict = {
                k: v
                for k, v in state_dict.items()
                if k not in own or v.shape == own[k].shape
            }
        return real(self, state_dict, strict=strict, assign=assign)

    monkeypatch.setattr(nn.Module, "load_state_dict", skipping_other_shapes)
    claim_fails("save_load/load_strict_false.py", "strict=False loaded a key")


def test_torch_compile_wraps_the_model(monkeypatch):
    monkeypatch.setattr(torch, "compile", lambda model, *args, **kwargs: model)
    claim_fails(
        "save_load/compile_ddp_prefix.py",
        'list(compiled.state_dict()) == ["_orig_mod.weight", "_orig_mod.bias"]',
    )


def test_consume_prefix_renames_the_metadata_too(monkeypatch):
    def keys_only(state_dict, prefix):
        for key in list(state_dict):
            if key.startswith(prefix):
                state_dict[key.removeprefix(prefix)] = state_dict.pop(key)

    monkeypatch.setattr(
        torch.nn.modules.utils, "consume_prefix_in_state_dict_if_present", keys_only
    )
    claim_fails("save_load/data_parallel_prefix.py", "state_dict._metadata")


def test_detach_shares_storage(monkeypatch):
    real = torch.Tensor.detach
    monkeypatch.setattr(torch.Tensor, "detach", lambda self: real(self).clone())
    claim_fails("save_load/detach.py", "y[0].item() == 100.0")


def test_requires_grad_false_freezes_the_discriminator(monkeypatch):
    # a PyTorch whose requires_grad_(False) left the parameters trainable
    real = nn.Module.requires_grad_

    def freezing_nothing(self, requires_grad=True):
        return self if not requires_grad else real(self, requires_grad)

    monkeypatch.setattr(nn.Module, "requires_grad_", freezing_nothing)
    claim_fails("save_load/detach_gan.py", "g is not None and d is None")


def test_dataparallel_loads_its_own_prefixed_keys(monkeypatch):
    # a DataParallel whose state_dict keys had no module. prefix to match
    real = nn.Module.load_state_dict

    def stripping_then_loading(self, state_dict, strict=True, assign=False):
        if isinstance(self, nn.DataParallel):
            return real(self.module, state_dict, strict=False, assign=assign)
        return real(self, state_dict, strict=strict, assign=assign)

    monkeypatch.setattr(nn.Module, "load_state_dict", stripping_then_loading)
    claim_fails("save_load/data_parallel_prefix.py", "into_wrapped.missing_keys == []")
