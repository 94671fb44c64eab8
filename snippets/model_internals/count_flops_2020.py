import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode, flop_registry
from torchvision.models import resnet18


def count_flops(model, input_size=384, width=None, batch=1):
    # The script of the 2020 notes; changes: width, batch, and a return value
    # instead of its print, so that the table below is the only output.
    flops = []
    handles = []

    def conv_hook(self, input, output):
        flops.append(
            output.shape[2] ** 2  # height squared: assumes a square output
            * self.kernel_size[0] ** 2  # assumes a square kernel
            * self.in_channels
            * self.out_channels
            / self.groups
            / 1e6
        )

    def fc_hook(self, input, output):
        flops.append(self.in_features * self.out_features / 1e6)

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            handles.append(m.register_forward_hook(conv_hook))
        if isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(fc_hook))

    with torch.no_grad():
        _ = model(torch.randn(batch, 3, input_size, width or input_size))

    for h in handles:
        h.remove()
    return sum(flops)


def flop_counter(model, batch, height, width):
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        model(torch.randn(batch, 3, height, width))
    return counter


torch.manual_seed(0)
resnet = resnet18(weights=None).eval()  # random weights, nothing downloaded
conv_1x3 = nn.Conv2d(3, 8, kernel_size=(1, 3))  # non-square kernels,
conv_3x1 = nn.Conv2d(3, 8, kernel_size=(3, 1))  # on a square input
cases = {  # name: (model, batch, height, width)
    "square": (resnet, 1, 64, 64),
    "batch 2": (resnet, 2, 64, 64),
    "W > H": (resnet, 1, 64, 96),
    "H > W": (resnet, 1, 96, 64),
    "1x3 kernel": (conv_1x3, 1, 64, 64),
    "3x1 kernel": (conv_3x1, 1, 64, 64),
}
script, counted, ops = {}, {}, {}
print(f"{'case':<11} {'2020 script (MACs)':>18} {'FlopCounterMode':>15} {'ratio':>6}")
for name, (model, batch, height, width) in cases.items():
    script[name] = round(count_flops(model, height, width, batch) * 1e6)
    counter = flop_counter(model, batch, height, width)
    counted[name] = counter.get_total_flops()
    ops[name] = {str(op) for op in counter.get_flop_counts()["Global"]}
    ratio = counted[name] / script[name]
    print(f"{name:<11} {script[name]:>18} {counted[name]:>15} {ratio:>6.3f}")
print("ResNet-18 operators counted:", sorted(ops["square"]))

assert counted["square"] == 2 * script["square"]  # FLOPs = 2 x multiply-adds
assert script["batch 2"] == script["square"]  # the script ignores the batch
assert counted["batch 2"] == 2 * counted["square"]
assert counted["W > H"] > 2 * script["W > H"]  # wider than high: counts too few
assert counted["H > W"] < 2 * script["H > W"]  # higher than wide: counts too many
assert counted["1x3 kernel"] == 2 * 8 * 64 * 62 * 3 * 1 * 3  # 2 Cout Hout Wout Cin k
assert counted["1x3 kernel"] > 2 * script["1x3 kernel"]  # 1 x k: counts too few
assert counted["3x1 kernel"] == 2 * 8 * 62 * 64 * 3 * 3 * 1
assert counted["3x1 kernel"] < 2 * script["3x1 kernel"]  # k x 1: counts too many
# everything FlopCounterMode knows how to count: convolutions, matmuls, attention
assert all(
    any(w in str(op) for w in ("conv", "mm", "attention")) for op in flop_registry
)
assert ops["square"] == {"aten.convolution", "aten.addmm"}  # convs and the fc only
