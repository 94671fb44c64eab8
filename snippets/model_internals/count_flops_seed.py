import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode
from torchvision.models import resnet18


def count_flops(model, input_size=384, width=None, batch=1):
    # The original script; changes: width, batch and the return value.
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
    print("Total FLOPs = %f M" % sum(flops))  # noqa: UP031 (as in the original)

    for h in handles:
        h.remove()
    return sum(flops)


def flop_counter(model, shape):
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        model(torch.randn(shape))
    return counter


torch.manual_seed(0)
resnet = resnet18(weights=None).eval()  # random weights, nothing downloaded
conv_1x3 = nn.Conv2d(3, 8, kernel_size=(1, 3))  # a non-square kernel
rows = []
for name, model, batch, height, width in [
    ("resnet18", resnet, 1, 64, 64),
    ("resnet18", resnet, 2, 64, 64),
    ("resnet18", resnet, 1, 64, 96),
    ("conv_1x3", conv_1x3, 1, 64, 64),
]:
    seed_mega = count_flops(model, height, width, batch)
    counter = flop_counter(model, (batch, 3, height, width))
    rows.append((name, f"{batch}x3x{height}x{width}", round(seed_mega * 1e6), counter))

print(f"{'model':<9} {'input':<10} {'script*1e6':>12} {'FlopCounter':>11} {'ratio':>6}")
for name, shape, seed_count, counter in rows:
    total = counter.get_total_flops()
    ratio = total / seed_count
    print(f"{name:<9} {shape:<10} {seed_count:>12} {total:>11} {ratio:>6.3f}")
ops = rows[0][3].get_flop_counts()["Global"]
print(sorted(str(op) for op in ops))

square, batch_2, wide, kernel_1x3 = ((row[2], row[3].get_total_flops()) for row in rows)
assert square[1] == 2 * square[0]  # FLOPs = 2 x multiply-accumulates (MACs)
assert batch_2[0] == square[0] and batch_2[1] == 2 * square[1]  # batch ignored
assert wide[0] == square[0] and wide[1] > 2 * wide[0]  # width ignored
assert kernel_1x3[1] > 2 * kernel_1x3[0]  # kernel width ignored
assert kernel_1x3[1] == 2 * 8 * 64 * 62 * 3 * 1 * 3  # 2 x Cout x Hout x Wout x Cin x k
assert {str(op) for op in ops} == {"aten.convolution", "aten.addmm"}
