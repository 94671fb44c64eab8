import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
out = torch.randn(4, 3)  # logits: batch of 4, 3 classes
label = torch.tensor([0, 2, 1, 2])  # class indices

criterion = nn.CrossEntropyLoss()  # a module (class, capital C) ...
loss_module = criterion(out, label)
loss_inline = nn.CrossEntropyLoss()(out, label)
loss_function = F.cross_entropy(out, label)  # ... or a function (lower case)
print(loss_module, loss_inline, loss_function)

assert torch.equal(loss_module, loss_function)
assert torch.equal(loss_inline, loss_function)
# both are log_softmax followed by the negative log-likelihood
assert torch.allclose(loss_function, F.nll_loss(F.log_softmax(out, dim=1), label))
