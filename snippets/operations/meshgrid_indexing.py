import warnings

import numpy as np
import torch

shifts_x = torch.arange(0, 4, dtype=torch.float32) * 16
shifts_y = torch.arange(0, 4, dtype=torch.float32) * 16

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shift_y, shift_x = torch.meshgrid(shifts_y, shifts_x)  # the 2020 call
print(f"{caught[0].category.__name__}: {str(caught[0].message).split(' (')[0]}")
print(shift_x)
print(shift_y)

# A square grid hides the order; 3 rows x 4 columns shows it.
rows = torch.arange(0, 3, dtype=torch.float32) * 16
ij_y, ij_x = torch.meshgrid(rows, shifts_x, indexing="ij")  # torch's old default
xy_x, xy_y = torch.meshgrid(shifts_x, rows, indexing="xy")  # NumPy's default
np_x, np_y = np.meshgrid(shifts_x.numpy(), rows.numpy())
print(tuple(ij_x.shape), tuple(xy_x.shape), np_x.shape)
print(tuple(torch.meshgrid(shifts_x, rows, indexing="ij")[0].shape))

assert issubclass(caught[0].category, UserWarning)
assert "indexing argument" in str(caught[0].message)
# The matrices shown in the 2020 notes:
assert torch.equal(shift_x, torch.tensor([[0.0, 16.0, 32.0, 48.0]] * 4))
assert torch.equal(shift_y, torch.tensor([[0.0, 16.0, 32.0, 48.0]] * 4).T)
assert torch.equal(ij_x, xy_x) and torch.equal(ij_y, xy_y)
assert np.array_equal(np_x, ij_x.numpy()) and np.array_equal(np_y, ij_y.numpy())
assert ij_x.shape == (3, 4)
assert torch.meshgrid(shifts_x, rows, indexing="ij")[0].shape == (4, 3)
