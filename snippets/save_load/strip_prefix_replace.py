import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.submodule = nn.Linear(2, 2)  # any name ending in "module"


seed_line = (
    "model.load_state_dict({k.replace('module.', ''): v for k, v instate_dict.items()})"
)
try:  # the original line, as printed (compiled only, not run)
    compile(seed_line, "<seed>", "exec")
except SyntaxError as error:
    print(f"{type(error).__name__}: {error.msg}")
    assert error.msg.startswith("invalid syntax")
else:
    raise AssertionError("expected SyntaxError")

torch.manual_seed(0)
state_dict = nn.DataParallel(Net()).state_dict()
replaced = {k.replace("module.", ""): v for k, v in state_dict.items()}  # typo fixed
stripped = {k.removeprefix("module."): v for k, v in state_dict.items()}
print(list(state_dict))
print(list(replaced))  # every "module." is gone, not only the prefix
print(list(stripped))

try:
    Net().load_state_dict(replaced)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("expected RuntimeError")
print(Net().load_state_dict(stripped))

assert list(replaced) == ["subweight", "subbias"]
assert list(stripped) == ["submodule.weight", "submodule.bias"]
