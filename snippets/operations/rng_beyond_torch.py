import random

import numpy as np
import torch
from torch.utils.data import DataLoader


def draw():
    return torch.rand(1).item(), random.random(), np.random.rand()


torch.manual_seed(0)
first = draw()
torch.manual_seed(0)
second = draw()
same = [a == b for a, b in zip(first, second)]
print(same)  # torch, random, NumPy


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


seed_all(0)
first = draw()
seed_all(0)
second = draw()
print(first == second)


def shuffled(generator=None):
    data = torch.arange(8)
    loader = DataLoader(data, batch_size=4, shuffle=True, generator=generator)
    return torch.cat(list(loader)).tolist()


torch.manual_seed(0)
plain_before = shuffled()
torch.manual_seed(0)
torch.nn.Linear(3, 2)  # one more layer draws its weights from the global generator
plain_after = shuffled()
print(plain_before, plain_after)

torch.manual_seed(0)
own_before = shuffled(torch.Generator().manual_seed(0))
torch.manual_seed(0)
torch.nn.Linear(3, 2)
own_after = shuffled(torch.Generator().manual_seed(0))
print(own_before, own_after)

assert same == [True, False, False]  # torch.manual_seed seeds torch only
assert first == second  # each library seeded: everything repeats
assert plain_before != plain_after  # the layer shifted the global stream
assert own_before == own_after  # a generator of its own: the same order
assert sorted(own_after) == list(range(8))
