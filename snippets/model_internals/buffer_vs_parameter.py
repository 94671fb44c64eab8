import torch
from torch import nn


class MyModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("my_buffer", torch.zeros(2))  # saved, not trained
        self.register_buffer("cache", torch.zeros(2), persistent=False)  # not saved
        self.param = nn.Parameter(torch.ones(2))  # attribute: registered
        self.register_parameter("other_param", nn.Parameter(torch.ones(1)))
        self.plain = torch.ones(3)  # a plain tensor attribute: not registered

    def forward(self, x):
        return x * self.param + self.my_buffer


model = MyModel()
print("parameters:", [name for name, _ in model.named_parameters()])
print("buffers:   ", [name for name, _ in model.named_buffers()])
print("state_dict:", list(model.state_dict()))

model.to(torch.float64)  # .to() / .cuda() move parameters and buffers ...
print(model.param.dtype, model.my_buffer.dtype, model.cache.dtype, model.plain.dtype)

assert [n for n, _ in model.named_parameters()] == ["param", "other_param"]
assert [n for n, _ in model.named_buffers()] == ["my_buffer", "cache"]
assert list(model.state_dict()) == ["param", "other_param", "my_buffer"]
assert all(p.requires_grad for p in model.parameters())
assert not any(b.requires_grad for b in model.buffers())
assert model.cache.dtype == torch.float64  # non-persistent buffers move too,
assert model.plain.dtype == torch.float32  # plain attributes do not
