import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
optimizer = torch.optim.SGD(bn.parameters(), lr=0.1)
print([name for name, _ in bn.named_parameters()])
print([name for name, _ in bn.named_buffers()])

before = bn.running_mean.clone()
loss = bn(torch.randn(8, 3) + 1).pow(2).mean()  # train mode: forward updates buffers
loss.backward()
optimizer.step()  # the optimizer only sees weight and bias
print(bn.running_mean)

assert not torch.equal(bn.running_mean, before)  # changed by forward, not by step
assert {id(p) for p in bn.parameters()} == {id(bn.weight), id(bn.bias)}
assert bn.running_mean.grad is None
