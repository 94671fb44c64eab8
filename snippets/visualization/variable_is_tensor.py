import torch
from torch.autograd import Variable

v = Variable(torch.ones(2), requires_grad=True)  # 2020 style, still accepted
print(type(v), v.requires_grad)

# .data and .detach() both give a tensor without grad, sharing memory with w;
# only .detach() lets autograd notice an in-place change it depends on
w = torch.ones(2, requires_grad=True)
y = (w * w).sum()  # backward needs the value of w
w.data.mul_(2)  # not tracked
y.backward()
grad_via_data = w.grad
print(grad_via_data)  # uses the changed w: silently wrong (2 * w was 2)

w = torch.ones(2, requires_grad=True)
y = (w * w).sum()
w.detach().mul_(2)  # tracked
try:
    y.backward()
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected RuntimeError")

assert type(v) is torch.Tensor
assert torch.equal(grad_via_data, torch.tensor([4.0, 4.0]))
assert "modified by an inplace operation" in message
