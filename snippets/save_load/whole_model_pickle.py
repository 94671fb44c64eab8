import io
import pickle

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x)


file = io.BytesIO()
torch.save(Net(), file)  # pickles the whole object, class name included

file.seek(0)
try:  # torch.load defaults to weights_only=True since PyTorch 2.6
    torch.load(file)
except pickle.UnpicklingError as error:
    message = str(error)
    print(f"{type(error).__name__}: {message.split('.')[0]}")
    print(message.splitlines()[1].strip())
    assert message.startswith("Weights only load failed")
    assert "Unsupported global" in message and "Net" in message
    assert "default value of the `weights_only` argument" in message
else:
    raise AssertionError("expected UnpicklingError")

file.seek(0)
model = torch.load(file, weights_only=False)  # only for files you trust
print(type(model).__name__)

del Net  # as if the file defining the class were not imported
file.seek(0)
try:
    torch.load(file, weights_only=False)
except AttributeError as error:
    print(f"{type(error).__name__}: {str(error).split(' on ')[0]}")
    assert str(error).startswith("Can't get attribute 'Net'")
else:
    raise AssertionError("expected AttributeError")

assert isinstance(model, nn.Module) and type(model).__name__ == "Net"
