import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(
    nn.Linear(64, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(), nn.Linear(256, 10)
)
x = torch.randn(32, 64)


def forward_and_measure():
    """Run net(x); count the tensors (and bytes) autograd keeps for backward."""
    saved = []

    def pack(tensor):
        saved.append((tensor.numel(), tensor.numel() * tensor.element_size()))
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        out = net(x)
    empty = sum(numel == 0 for numel, _ in saved)
    return out, len(saved), sum(size for _, size in saved), empty


results = {}
net.train()
results["train"] = forward_and_measure()
net.eval()
results["eval"] = forward_and_measure()
with torch.no_grad():
    results["eval + no_grad"] = forward_and_measure()
with torch.inference_mode():
    results["eval + inference_mode"] = forward_and_measure()

print(
    f"{'mode':<22} {'requires_grad':<14} {'grad_fn':<16} {'saved':>5} {'empty':>5}"
    f" {'bytes':>7}"
)
for mode, (out, count, size, empty) in results.items():
    grad_fn = type(out.grad_fn).__name__ if out.grad_fn else "None"
    print(
        f"{mode:<22} {out.requires_grad!s:<14} {grad_fn:<16} {count:>5} {empty:>5}"
        f" {size:>7}"
    )

# eval saves one tensor fewer (the Dropout mask), but not nothing ...
assert results["train"][1] == results["eval"][1] + 1
assert results["train"][2] > results["eval"][2] > 0
# ... and BatchNorm's two batch statistics are still saved, but empty
assert results["train"][3] == 0 and results["eval"][3] == 2
for mode in ("eval + no_grad", "eval + inference_mode"):
    out, count, size, _ = results[mode]
    assert not out.requires_grad and out.grad_fn is None and count == size == 0
