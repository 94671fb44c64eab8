import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
x = torch.randn(16, 4)

net.eval()
out = net(x)
print(out.requires_grad, type(out.grad_fn).__name__)  # eval() records the graph,
weight = net[0].weight.detach().clone()
out.sum().backward()  # backward works
optimizer.step()  # and the optimizer changes the weights
print(torch.equal(net[0].weight, weight))

assert out.requires_grad and out.grad_fn is not None
assert net[0].weight.grad is not None
assert not torch.equal(net[0].weight, weight)
assert all(p.requires_grad for p in net.parameters())  # eval() does not touch these
