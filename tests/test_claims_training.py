"""What the training pages claim fails when PyTorch behaves otherwise.

Each test swaps one PyTorch behavior for a plausible other one (eval() that stops at the
top module, a Dropout or BatchNorm that obeys no_grad(), an eval() that freezes the
parameters, a lenient loss or optimizer) and requires the snippet's own check for that
claim to fail.
"""

import torch
import torch.nn.functional as F
from claims import claim_fails, snippet_stops
from torch import nn

# self.training: train() / eval()


def test_eval_reaches_every_submodule(monkeypatch):
    def eval_top_only(self):
        self.training = False
        return self

    monkeypatch.setattr(nn.Module, "eval", eval_top_only)
    claim_fails(
        "training/training_flag.py", "evaluated == [False, False, False, False]"
    )


def test_eval_is_train_false(monkeypatch):
    real_train = nn.Module.train

    def train(self, mode=True):  # train(False) leaves the submodules alone ...
        if mode:
            return real_train(self, True)
        self.training = False
        return self

    def eval(self):  # ... while eval() still reaches them
        for module in self.modules():
            module.training = False
        return self

    monkeypatch.setattr(nn.Module, "train", train)
    monkeypatch.setattr(nn.Module, "eval", eval)
    claim_fails("training/training_flag.py", "for m in net.modules()] == evaluated")


# what eval() changes, and what no_grad() does not


def test_dropout_is_the_identity_in_evaluation_mode(monkeypatch):
    monkeypatch.setattr(
        nn.Dropout, "forward", lambda self, x: F.dropout(x, self.p, training=True)
    )
    claim_fails("training/eval_changes.py", "torch.equal(eval_out, torch.ones(6))")


def test_batchnorm_updates_its_statistics_under_no_grad(monkeypatch):
    real = nn.BatchNorm1d.forward

    def statistics_frozen_by_no_grad(self, x):
        if torch.is_grad_enabled():
            return real(self, x)
        training, self.training = self.training, False
        try:
            return real(self, x)
        finally:
            self.training = training

    monkeypatch.setattr(nn.BatchNorm1d, "forward", statistics_frozen_by_no_grad)
    claim_fails(
        "training/eval_changes.py",
        "not torch.equal(mean_after_no_grad, mean_after_train)",
    )


def test_dropout_still_drops_under_inference_mode(monkeypatch):
    real = nn.Dropout.forward

    def identity_under_inference_mode(self, x):
        if torch.is_inference_mode_enabled():
            return x
        return real(self, x)

    monkeypatch.setattr(nn.Dropout, "forward", identity_under_inference_mode)
    claim_fails("training/eval_changes.py", "set(inference_out.tolist())")


def test_eval_does_not_stop_backpropagation(monkeypatch):
    real_eval = nn.Module.eval

    def eval_that_freezes(self):
        for parameter in self.parameters():
            parameter.requires_grad_(False)
        return real_eval(self)

    monkeypatch.setattr(nn.Module, "eval", eval_that_freezes)
    snippet_stops("training/eval_keeps_autograd.py", RuntimeError, "backward()")


# loss functions


def test_cross_entropy_applies_its_own_softmax(monkeypatch):
    real = F.cross_entropy

    def skips_softmax_for_probabilities(input, target, *args, **kwargs):
        rows_sum_to_1 = torch.allclose(input.sum(dim=1), torch.ones(len(input)))
        if target.dtype == torch.int64 and rows_sum_to_1 and (input >= 0).all():
            return F.nll_loss(input.log(), target, *args, **kwargs)
        return real(input, target, *args, **kwargs)

    monkeypatch.setattr(F, "cross_entropy", skips_softmax_for_probabilities)
    claim_fails(
        "training/cross_entropy_logits.py", "wrong[0] > math.log(1 + 2 / math.e)"
    )


def test_cross_entropy_wants_integer_class_indices(monkeypatch):
    real = F.cross_entropy

    def casting(input, target, *args, **kwargs):
        if target.is_floating_point() and target.dim() == input.dim() - 1:
            target = target.long()
        return real(input, target, *args, **kwargs)

    monkeypatch.setattr(F, "cross_entropy", casting)
    claim_fails("training/cross_entropy_logits.py", "expected RuntimeError")


def test_cross_entropy_wants_int64_not_int32(monkeypatch):
    real = F.cross_entropy

    def casting(input, target, *args, **kwargs):
        if target.dtype in (torch.int32, torch.int16, torch.int8):
            target = target.long()
        return real(input, target, *args, **kwargs)

    monkeypatch.setattr(F, "cross_entropy", casting)
    claim_fails("training/cross_entropy_logits.py", "expected RuntimeError for int32")


# optimizer parameter groups


def test_a_parameter_in_two_groups_raises(monkeypatch):
    real = torch.optim.Optimizer.add_param_group

    def dropping_duplicates(self, param_group):
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        params = param_group["params"]
        params = [params] if isinstance(params, torch.Tensor) else list(params)
        param_group["params"] = [p for p in params if id(p) not in seen]
        return real(self, param_group)

    monkeypatch.setattr(torch.optim.Optimizer, "add_param_group", dropping_duplicates)
    claim_fails("training/optimizer_duplicate_param.py", "expected ValueError")
