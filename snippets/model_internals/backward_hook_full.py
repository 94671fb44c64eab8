import warnings

import torch
from torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)

    def forward(self, x):
        return torch.relu(self.fc(x)) * 2  # several autograd nodes


def run(register):
    """Register a backward hook, run forward and backward, return what it saw."""
    torch.manual_seed(0)
    block = Block()
    x = torch.randn(2, 3, requires_grad=True)
    seen = {}

    def hook(module, grad_input, grad_output):
        seen["grad_input"] = grad_input

    getattr(block, register)(hook)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        block(x).sum().backward()
    return seen["grad_input"], x.grad, caught


old_input, old_x_grad, old_warnings = run("register_backward_hook")
for warning in old_warnings:
    print(f"{warning.category.__name__}: {warning.message}")
print([None if g is None else tuple(g.shape) for g in old_input])
print(torch.equal(old_input[0], old_x_grad))  # not the gradient w.r.t. x

new_input, new_x_grad, new_warnings = run("register_full_backward_hook")
print(len(new_warnings), [tuple(g.shape) for g in new_input])
print(torch.equal(new_input[0], new_x_grad))  # exactly dL/dx

assert [w.category for w in old_warnings] == [FutureWarning]
assert "register_full_backward_hook" in str(old_warnings[0].message)
assert old_input[1] is None and not torch.equal(old_input[0], old_x_grad)
assert torch.equal(old_input[0], torch.full((2, 3), 2.0))  # d(r * 2)/dr: last op only
assert not new_warnings and torch.equal(new_input[0], new_x_grad)
