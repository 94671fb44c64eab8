import torch
import torch.nn.functional as F

ones = torch.ones(1, 1, 6)
# kernel 3, stride 2, one zero of padding on each side, ceil_mode=True:
# windows [0 1 1] [1 1 1] [1 1 1] [1 0 _], where _ lies beyond the padding
counted = F.avg_pool1d(ones, 3, 2, padding=1, ceil_mode=True)
excluded = F.avg_pool1d(ones, 3, 2, padding=1, ceil_mode=True, count_include_pad=False)
print(counted)
print(excluded)

# Default count_include_pad=True: the padding zeros are averaged in (2/3, 1/2);
# the part of the last window beyond the padding is not (1/2, not 1/3).
assert torch.allclose(counted, torch.tensor([[[2 / 3, 1, 1, 1 / 2]]]))
assert torch.equal(excluded, torch.ones(1, 1, 4))

# MaxPool pads with -inf, not 0: an all-negative input still gives negative maxima.
negative = F.max_pool1d(-ones, 3, 2, padding=1, ceil_mode=True)
print(negative)
assert torch.equal(negative, -torch.ones(1, 1, 4))
