import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))

    def forward(self, x):
        if self.training:  # set by net.train() / net.eval()
            print("train branch")
        return self.body(x)


net = Net()
print(net.training, net.body[1].training)  # a new module starts in training mode
trained = [m.training for m in net.modules()]
net.eval()
print(net.training, net.body[1].training)  # eval() reaches every submodule
evaluated = [m.training for m in net.modules()]
net.train()
print(net.training, net.body[1].training)
_ = net(torch.zeros(1, 4))

assert trained == [True, True, True, True]  # Net, Sequential, Linear, Dropout
assert evaluated == [False, False, False, False]
assert all(m.training for m in net.modules())  # train() switched them all back
net.train(False)  # from training mode: does train(False) do what eval() did?
assert [m.training for m in net.modules()] == evaluated
assert net.train() is net and net.eval() is net  # both return the module itself
