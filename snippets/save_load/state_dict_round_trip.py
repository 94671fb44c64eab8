import tempfile
from pathlib import Path

import torch
from torch import nn


def make_model():
    return nn.Sequential(
        nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.Flatten(), nn.Linear(144, 2)
    )


torch.manual_seed(0)
model = make_model()

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "last.pth"
    torch.save(model.state_dict(), path)
    state_dict = torch.load(path)  # weights_only=True is fine for a state_dict

print(type(state_dict).__name__)
for key, value in state_dict.items():
    print(key, tuple(value.shape))

torch.manual_seed(1)
fresh = make_model()  # other random weights, until loaded
print(fresh.load_state_dict(state_dict))

assert isinstance(state_dict, dict)  # an OrderedDict: key -> tensor
assert all(torch.equal(v, fresh.state_dict()[k]) for k, v in state_dict.items())
assert "1.running_mean" in state_dict  # buffers are saved too
