from torch import nn, optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8))
        self.head = nn.Linear(8, 2)


model = Net()
try:  # the backbone's parameters are in model.parameters() as well
    optim.SGD(
        [
            {"params": model.backbone.parameters(), "lr": 0.0001},
            {"params": model.parameters()},
        ],
        lr=0.01,
    )
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error) == "some parameters appear in more than one parameter group"
else:
    raise AssertionError("expected ValueError")

# Right: each parameter in one group. The head is a submodule of its own ...
optimizer = optim.SGD(
    [
        {"params": model.backbone.parameters(), "lr": 0.0001},
        {"params": model.head.parameters()},
    ],
    lr=0.01,
)
# ... otherwise take "everything else" by name.
rest = [p for name, p in model.named_parameters() if not name.startswith("backbone.")]
by_name = optim.SGD(
    [{"params": model.backbone.parameters(), "lr": 0.0001}, {"params": rest}], lr=0.01
)
for group in optimizer.param_groups:
    print(len(group["params"]), group["lr"])

for opt in (optimizer, by_name):
    grouped = [p for group in opt.param_groups for p in group["params"]]
    assert len(grouped) == len({id(p) for p in grouped})  # no parameter twice
    assert {id(p) for p in grouped} == {id(p) for p in model.parameters()}  # none left
    assert [group["lr"] for group in opt.param_groups] == [0.0001, 0.01]
