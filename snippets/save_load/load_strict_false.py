import torch
from torch import nn

torch.manual_seed(0)
old = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))
state_dict = old.state_dict()  # as if from torch.load("last.pth")

# The network changed: one more layer at the end.
new = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2), nn.Linear(2, 2))
try:
    new.load_state_dict(state_dict)  # strict=True by default
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert 'Missing key(s) in state_dict: "3.weight", "3.bias"' in str(error)
else:
    raise AssertionError("expected RuntimeError")

result = new.load_state_dict(state_dict, strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)

# Later: back to three layers, with a head for 3 classes, loading new's weights.
checkpoint = new.state_dict()  # 3.weight, 3.bias are extra; 2.* have another shape
wider = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 3))
try:  # strict=False does not help when a shared key has another shape
    wider.load_state_dict(checkpoint, strict=False)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "size mismatch for 2.weight" in str(error)
else:
    raise AssertionError("strict=False loaded a key of another shape")

own = wider.state_dict()
try:  # without `k in own`, the keys that wider lacks fail first
    {k: v for k, v in checkpoint.items() if v.shape == own[k].shape}
except KeyError as error:
    print(f"{type(error).__name__}: {error}")
    assert error.args[0] == "3.weight"
else:
    raise AssertionError("expected KeyError")
compatible = {
    k: v for k, v in checkpoint.items() if k in own and v.shape == own[k].shape
}
result_wider = wider.load_state_dict(compatible, strict=False)
print(result_wider)

assert result.missing_keys == ["3.weight", "3.bias"] and result.unexpected_keys == []
assert torch.equal(new[2].weight, old[2].weight)  # matching keys were copied
assert result_wider.missing_keys == ["2.weight", "2.bias"]  # the new head
assert result_wider.unexpected_keys == []  # 3.* were left out of compatible
assert torch.equal(wider[0].weight, new[0].weight)
