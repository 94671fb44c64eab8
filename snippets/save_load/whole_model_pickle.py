import io
import pickle
import sys
import types  # markdown-exec: hide

import torch
from torch import nn


class Net(nn.Module):  # defined in models.py
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x)


# --- hidden on the page ---
# Net stands for a class of the project's models.py, a module that `import models`
# finds; it is defined here so that this file stays one runnable snippet.
Net.__module__ = "models"
sys.modules["models"] = types.ModuleType("models")
sys.modules["models"].Net = Net
# --- shown on the page ---
file = io.BytesIO()
torch.save(Net(), file)  # pickles the object: the name models.Net, and the weights

file.seek(0)
try:  # torch.load defaults to weights_only=True since PyTorch 2.6
    torch.load(file)
except pickle.UnpicklingError as error:
    message = str(error).replace("\x1b[1m", "").replace("\x1b[0m", "")  # no bold
    print(f"{type(error).__name__}: {message}")
    assert message.startswith("Weights only load failed")
    assert "Unsupported global: GLOBAL models.Net" in message
    assert "default value of the `weights_only` argument" in message
else:
    raise AssertionError("expected UnpicklingError")

file.seek(0)
model = torch.load(file, weights_only=False)  # only for files you trust
print(type(model))

del sys.modules["models"]  # now load where models.py cannot be imported
file.seek(0)
try:
    torch.load(file, weights_only=False)
except ModuleNotFoundError as error:
    print(f"{type(error).__name__}: {error}")
    assert error.name == "models"
else:
    raise AssertionError("expected ModuleNotFoundError")

assert isinstance(model, Net)
