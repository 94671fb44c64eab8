import torch

torch.manual_seed(1)
first = torch.rand(3)
second = torch.rand(3)  # the generator moved on: different numbers
torch.manual_seed(1)
again = torch.rand(3), torch.rand(3)  # same seed: the same sequence again
print(first, second)
print(*again)

generator = torch.Generator().manual_seed(1)  # a private stream
print(torch.rand(3, generator=generator))

assert not torch.equal(first, second)
assert torch.equal(first, again[0]) and torch.equal(second, again[1])
generator = torch.Generator().manual_seed(1)
torch.manual_seed(123)  # the global seed does not touch a private generator
assert torch.equal(torch.rand(3, generator=generator), first)
