import torch

# .to(device) and .to(dtype) follow the same rule; a dtype change shows it on a CPU.
t = torch.ones(2)
t.to(torch.float64)  # result thrown away
print(t.dtype)
assert t.dtype == torch.float32  # t itself did not change
t = t.to(torch.float64)  # assigned
print(t.dtype)
assert t.to(torch.float64) is t  # already float64: the same tensor back, no copy

net = torch.nn.Linear(2, 1)
returned = net.to(torch.float64)  # result thrown away, but the module changed
print(net.weight.dtype, returned is net)

assert net.weight.dtype == torch.float64 and returned is net
