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
print(net.training, net.body[1].training)  # a new module starts in train mode
net.eval()
print(net.training, net.body[1].training)  # eval() reaches every submodule
net.train()
print(net.training, net.body[1].training)
_ = net(torch.zeros(1, 4))

assert Net().training  # train mode by default
assert net.train() is net and net.eval() is net  # both return the module itself
assert not any(m.training for m in net.modules())
net.train(False)  # eval() is exactly train(False)
assert not net.training
