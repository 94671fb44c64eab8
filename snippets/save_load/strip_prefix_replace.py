from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.submodule = nn.Linear(2, 2)  # any name ending in "module"


line_2020 = (
    "model.load_state_dict({k.replace('module.', ''): v for k, v instate_dict.items()})"
)
try:  # the line of the 2020 notes, as printed (compiled only, not run)
    compile(line_2020, "<2020 notes>", "exec")
except SyntaxError as error:
    print(f"{type(error).__name__}: {error.msg}")
    assert error.msg.startswith("invalid syntax")
else:
    raise AssertionError("expected SyntaxError")

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
    assert 'Missing key(s) in state_dict: "submodule.weight"' in str(error)
else:
    raise AssertionError("expected RuntimeError")
print(Net().load_state_dict(stripped))

assert list(replaced) == ["subweight", "subbias"]
assert list(stripped) == ["submodule.weight", "submodule.bias"]
