import torch
from torch import nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)
bn = nn.BatchNorm1d(2)
x = torch.randn(8, 2) * 3 + 5


def show(mode, dropout_out):
    print(f"{mode:<14}", dropout_out, bn.running_mean, bn.num_batches_tracked)


# training mode: random zeros, the rest * 1/(1-p); batch statistics, running updated
train_out = dropout(torch.ones(6))
bn(x)
show("train", train_out)
mean_after_train = bn.running_mean.clone()

with torch.no_grad():  # no_grad() alone: the layers are still in training mode
    no_grad_out = dropout(torch.ones(6))
    bn(x)
show("no_grad", no_grad_out)
mean_after_no_grad = bn.running_mean.clone()

with torch.inference_mode():  # the same with inference_mode(): still training mode
    inference_out = dropout(torch.ones(6))
    bn(x)
show("inference_mode", inference_out)
mean_after_inference = bn.running_mean.clone()

dropout.eval()
bn.eval()
eval_out = dropout(torch.ones(6))  # evaluation mode: identity
y = bn(x)  # evaluation mode: running statistics, left alone
show("eval", eval_out)

assert set(train_out.tolist()) == {0.0, 2.0}
# no_grad() alone: dropout still drops, BatchNorm still overwrites its statistics
assert set(no_grad_out.tolist()) == {0.0, 2.0}
assert not torch.equal(mean_after_no_grad, mean_after_train)
# inference_mode() alone: the same
assert set(inference_out.tolist()) == {0.0, 2.0}
assert not torch.equal(mean_after_inference, mean_after_no_grad)
# eval(): dropout is the identity, the statistics stay put and are used
assert torch.equal(eval_out, torch.ones(6))
assert torch.equal(bn.running_mean, mean_after_inference)
assert bn.num_batches_tracked == 3
expected = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
assert torch.allclose(y, expected * bn.weight + bn.bias, atol=1e-6)
