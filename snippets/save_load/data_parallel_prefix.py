from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present


def make_model():
    return nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))


model = make_model()
wrapped = nn.DataParallel(model)  # the wrapped model is stored as .module
state_dict = wrapped.state_dict()
print(list(state_dict))

try:
    make_model().load_state_dict(state_dict)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert 'Missing key(s) in state_dict: "0.weight"' in str(error)
else:
    raise AssertionError("expected RuntimeError")

# Either wrap the network in DataParallel too before loading ...
into_wrapped = nn.DataParallel(make_model()).load_state_dict(state_dict)
print(into_wrapped)
# ... or strip exactly the leading "module." of each key ...
stripped = {k.removeprefix("module."): v for k, v in state_dict.items()}
print(list(stripped))
# ... or let PyTorch do it, in place (metadata included).
consume_prefix_in_state_dict_if_present(state_dict, "module.")

fresh = make_model()
print(fresh.load_state_dict(stripped))
print(fresh.load_state_dict(state_dict))

assert into_wrapped.missing_keys == [] and into_wrapped.unexpected_keys == []
assert list(stripped) == list(state_dict) == list(model.state_dict())
assert not any(key.startswith("module") for key in state_dict._metadata)
assert wrapped.module is model  # saving wrapped.module.state_dict() avoids the prefix
assert list(wrapped.module.state_dict()) == list(stripped)
