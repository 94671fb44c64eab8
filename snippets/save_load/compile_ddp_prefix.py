import tempfile  # markdown-exec: hide

import torch
import torch.distributed as dist  # markdown-exec: hide
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

model = nn.Linear(2, 1)
compiled = torch.compile(model)  # a wrapper: nothing is compiled before the first call
print(type(compiled).__name__, list(compiled.state_dict()))

# --- hidden on the page ---
# DistributedDataParallel needs a process group: here one process (world_size=1) on
# this CPU with the gloo backend, meeting through a file instead of the network.
if dist.is_initialized():  # left over by a run that failed half-way
    dist.destroy_process_group()
folder = tempfile.TemporaryDirectory()
store = f"file://{folder.name}/store"
dist.init_process_group("gloo", init_method=store, rank=0, world_size=1)
# --- shown on the page ---
ddp = nn.parallel.DistributedDataParallel(model)  # the model is stored as .module
print(type(ddp).__name__, list(ddp.state_dict()))
ddp_state_dict = ddp.state_dict()
dist.destroy_process_group()  # markdown-exec: hide
folder.cleanup()  # markdown-exec: hide

# The same fix as for DataParallel: strip the prefix ...
from_compiled = {
    k.removeprefix("_orig_mod."): v for k, v in compiled.state_dict().items()
}
consume_prefix_in_state_dict_if_present(ddp_state_dict, "module.")
print(nn.Linear(2, 1).load_state_dict(from_compiled))
print(nn.Linear(2, 1).load_state_dict(ddp_state_dict))
# ... or save the model inside: compiled._orig_mod, ddp.module.
in_place = nn.Linear(2, 1)
in_place.compile()  # Module.compile() compiles in place: no wrapper, no prefix

assert list(compiled.state_dict()) == ["_orig_mod.weight", "_orig_mod.bias"]
assert list(ddp.state_dict()) == ["module.weight", "module.bias"]
assert list(from_compiled) == list(ddp_state_dict) == ["weight", "bias"]
assert compiled._orig_mod is model and ddp.module is model
assert list(in_place.state_dict()) == ["weight", "bias"]

# --- hidden on the page ---
# torch.compile compiles on the first call, not before: a backend that records calls.
calls = []


def recording_backend(graph_module, example_inputs):
    calls.append(graph_module)
    return graph_module.forward


lazy = torch.compile(nn.Linear(2, 1), backend=recording_backend)
assert calls == [], "torch.compile compiled before the first call"
lazy(torch.zeros(1, 2))
assert len(calls) == 1, "the first call compiles"
torch.compiler.reset()
# --- shown on the page ---
