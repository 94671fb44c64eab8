import torch
from torch import nn

torch.manual_seed(0)
generator = nn.Linear(4, 8)
discriminator = nn.Linear(8, 1)
criterion = nn.BCEWithLogitsLoss()
fake = generator(torch.randn(16, 4))

# Discriminator step: fake.detach() keeps this loss out of the generator.
loss_d = criterion(discriminator(fake.detach()), torch.zeros(16, 1))
loss_d.backward()
print(generator.weight.grad is None, discriminator.weight.grad is None)
generator_untouched = generator.weight.grad is None

# Generator step: without detach the gradient reaches the generator.
loss_g = criterion(discriminator(fake), torch.ones(16, 1))
loss_g.backward()
print(generator.weight.grad is None)

assert generator_untouched
assert generator.weight.grad is not None and fake.requires_grad
