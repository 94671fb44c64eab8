import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
optimizer = torch.optim.SGD(bn.parameters(), lr=0.1)
print([name for name, _ in bn.named_parameters()])
print([name for name, _ in bn.named_buffers()])

start = bn.running_mean.clone()
loss = bn(torch.randn(8, 3) + 1).pow(2).mean()  # train mode: forward updates buffers
after_forward = bn.running_mean.clone()
loss.backward()
optimizer.step()  # the optimizer only sees weight and bias
print("after forward:", after_forward)
print("after step(): ", bn.running_mean)

assert not torch.equal(after_forward, start)  # changed by the forward ...
assert torch.equal(bn.running_mean, after_forward)  # ... and not by step()
assert {id(p) for p in optimizer.param_groups[0]["params"]} == {
    id(bn.weight),
    id(bn.bias),
}
assert not bn.running_mean.requires_grad  # autograd does not track it
