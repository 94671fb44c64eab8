import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
loader = DataLoader(
    TensorDataset(torch.rand(8, 3, 4, 4), torch.arange(8)), batch_size=4
)

dataiter = iter(loader)
try:
    images, labels = dataiter.next()  # the 2020 line
except AttributeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected AttributeError")

images, labels = next(iter(loader))  # the built-in next() works on any iterator
print(images.shape, labels)

assert "has no attribute 'next'" in message
assert images.shape == (4, 3, 4, 4)
