import torch
from torch import nn, optim

torch.manual_seed(0)
models = [nn.Linear(4, 4), nn.Linear(4, 2), nn.Linear(2, 1)]

optimizer = optim.SGD(
    [
        {"params": models[0].parameters(), "lr": 0.0001},  # overrides lr below
        {"params": models[1].parameters()},
        {"params": models[2].parameters()},
    ],
    lr=0.01,
    momentum=0.9,
    weight_decay=1e-4,
)
for group in optimizer.param_groups:
    print(len(group["params"]), group["lr"], group["momentum"], group["weight_decay"])

lrs = [group["lr"] for group in optimizer.param_groups]
assert lrs == [0.0001, 0.01, 0.01]
assert all(group["momentum"] == 0.9 for group in optimizer.param_groups)
assert all(group["weight_decay"] == 1e-4 for group in optimizer.param_groups)
assert [len(group["params"]) for group in optimizer.param_groups] == [2, 2, 2]
