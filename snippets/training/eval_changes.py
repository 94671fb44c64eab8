import torch
from torch import nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)
bn = nn.BatchNorm1d(2)
x = torch.randn(8, 2) * 3 + 5

train_out = dropout(torch.ones(6))  # train: random zeros, the rest * 1/(1-p)
print(train_out)
bn(x)  # train: normalise with batch statistics, update running statistics
print(bn.running_mean, bn.num_batches_tracked)

dropout.eval()
bn.eval()
print(dropout(torch.ones(6)))  # eval: identity
before = bn.running_mean.clone()
y = bn(x)  # eval: use running statistics, leave them alone
print(bn.running_mean, bn.num_batches_tracked)

assert set(train_out.tolist()) == {0.0, 2.0}
assert torch.equal(dropout(torch.ones(6)), torch.ones(6))
assert torch.equal(bn.running_mean, before) and bn.num_batches_tracked == 1
expected = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
assert torch.allclose(y, expected * bn.weight + bn.bias, atol=1e-6)
