import torch
from torch import nn

torch.manual_seed(0)
generator = nn.Linear(4, 8)
discriminator = nn.Linear(8, 1)
criterion = nn.BCEWithLogitsLoss()
noise = torch.randn(16, 4)
grads = {}


def record(step):
    """Which of the two networks got a gradient in this step."""
    grads[step] = (generator.weight.grad, discriminator.weight.grad)
    g, d = ("None" if grad is None else "set" for grad in grads[step])
    print(f"{step:<24} {g:<15} {d}")
    generator.zero_grad()  # set_to_none: the next step starts from None again
    discriminator.zero_grad()


print(f"{'step':<24} {'generator.grad':<15} discriminator.grad")

# Discriminator step: fake.detach() keeps this loss out of the generator.
fake = generator(noise)
criterion(discriminator(fake.detach()), torch.zeros(16, 1)).backward()
record("D step, fake.detach()")

# Generator step: without detach the gradient reaches the generator,
# and the discriminator gets gradients too ...
criterion(discriminator(fake), torch.ones(16, 1)).backward()
record("G step")

# ... unless it is frozen: its parameters are leaf tensors, so this is allowed.
discriminator.requires_grad_(False)
criterion(discriminator(generator(noise)), torch.ones(16, 1)).backward()
record("G step, D frozen")
discriminator.requires_grad_(True)  # unfreeze it for the next discriminator step

assert grads["D step, fake.detach()"][0] is None
assert grads["D step, fake.detach()"][1] is not None
assert all(grad is not None for grad in grads["G step"])
g, d = grads["G step, D frozen"]
assert g is not None and d is None
assert torch.equal(g, grads["G step"][0])  # the generator's gradient is the same
