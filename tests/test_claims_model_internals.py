"""What the model-internals pages claim fails when PyTorch behaves otherwise."""

import torch
from claims import claim_fails
from torch.utils.flop_counter import FlopCounterMode, flop_registry


def test_flop_counter_counts_a_multiply_add_as_two(monkeypatch):
    real = FlopCounterMode.get_total_flops
    monkeypatch.setattr(FlopCounterMode, "get_total_flops", lambda c: real(c) // 2)
    claim_fails("model_internals/count_flops_2020.py", '2 * script["square"]')


def test_flop_counter_counts_only_convolutions_matmuls_and_attention(monkeypatch):
    monkeypatch.setitem(flop_registry, torch.ops.aten.relu.default, lambda *a, **k: 0)
    claim_fails("model_internals/count_flops_2020.py", "flop_registry")


def test_batchnorm_forward_updates_the_running_mean(monkeypatch):
    real = torch.nn.functional.batch_norm

    def frozen(input, running_mean, running_var, *args, **kwargs):
        # as if the forward pass left the buffers alone
        return real(input, running_mean.clone(), running_var.clone(), *args, **kwargs)

    monkeypatch.setattr(torch.nn.functional, "batch_norm", frozen)
    claim_fails("model_internals/buffer_updates.py", "changed by the forward")


def test_non_persistent_buffers_stay_out_of_the_state_dict(monkeypatch):
    real = torch.nn.Module.register_buffer

    def always_persistent(self, name, tensor, persistent=True):
        return real(self, name, tensor, persistent=True)

    monkeypatch.setattr(torch.nn.Module, "register_buffer", always_persistent)
    claim_fails("model_internals/buffer_vs_parameter.py", "state_dict()")


def test_sgd_step_does_not_touch_buffers(monkeypatch):
    real = torch.optim.SGD.step

    def step_and_nudge_buffers(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        for module in list(torch.nn.BatchNorm1d._instances):
            module.running_mean.add_(1)
        return result

    created = []
    init = torch.nn.BatchNorm1d.__init__

    def remember(self, *args, **kwargs):
        init(self, *args, **kwargs)
        created.append(self)

    monkeypatch.setattr(torch.nn.BatchNorm1d, "__init__", remember)
    monkeypatch.setattr(torch.nn.BatchNorm1d, "_instances", created, raising=False)
    monkeypatch.setattr(torch.optim.SGD, "step", step_and_nudge_buffers)
    claim_fails("model_internals/buffer_updates.py", "not by step()")
