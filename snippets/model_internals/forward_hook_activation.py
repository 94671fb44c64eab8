import torch
from torchvision.models import resnet18

torch.manual_seed(0)
model = resnet18(weights=None).eval()  # random weights, nothing downloaded
activations = {}


def save_output(name):
    def hook(module, inputs, output):  # called right after module.forward
        activations[name] = output.detach()

    return hook


handles = [
    getattr(model, name).register_forward_hook(save_output(name))
    for name in ("layer1", "layer2", "layer3", "layer4")
]
with torch.no_grad():
    logits = model(torch.randn(1, 3, 64, 64))
for handle in handles:
    handle.remove()  # hooks stay until removed

for name, feature in activations.items():
    print(name, tuple(feature.shape))
print("logits", tuple(logits.shape))

assert activations["layer4"].shape == (1, 512, 2, 2)
assert not model.layer4._forward_hooks  # removed
assert logits.grad_fn is None  # under no_grad no graph is built at all
