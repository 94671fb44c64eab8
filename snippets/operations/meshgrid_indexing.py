import warnings

import numpy as np
import torch

shifts_x = torch.arange(0, 4, dtype=torch.float32) * 16
shifts_y = torch.arange(0, 4, dtype=torch.float32) * 16

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shift_y, shift_x = torch.meshgrid(shifts_y, shifts_x)  # the 2020 call
warning = caught[0]
# PyTorch appends the C++ file and line it was raised from; leave that out
message = str(warning.message).partition(" (Triggered internally")[0]
print(f"{warning.category.__name__}: {message}")
print(shift_x)
print(shift_y)

# A square grid hides the order; 3 rows x 4 columns shows it.
rows = torch.arange(0, 3, dtype=torch.float32) * 16
ij_y, ij_x = torch.meshgrid(rows, shifts_x, indexing="ij")  # the default, written out
xy_x, xy_y = torch.meshgrid(shifts_x, rows, indexing="xy")  # NumPy's default: x first
np_x, np_y = np.meshgrid(shifts_x.numpy(), rows.numpy())
print(tuple(ij_x.shape), tuple(xy_x.shape), np_x.shape)
# the same call meshgrid(x, y) in both libraries: (4, 3) in torch, (3, 4) in NumPy
print(
    tuple(torch.meshgrid(shifts_x, rows, indexing="ij")[0].shape),
    np.meshgrid(shifts_x.numpy(), rows.numpy())[0].shape,
)

assert issubclass(warning.category, UserWarning)
assert "required to pass the indexing argument" in message
# The matrices shown in the 2020 notes: the default is indexing="ij"
assert torch.equal(shift_x, torch.tensor([[0.0, 16.0, 32.0, 48.0]] * 4))
assert torch.equal(shift_y, torch.tensor([[0.0, 16.0, 32.0, 48.0]] * 4).T)
assert ij_x.shape == (3, 4) and xy_x.shape == (3, 4)  # 3 rows, 4 columns
assert torch.equal(ij_x, xy_x) and torch.equal(ij_y, xy_y)
assert np.array_equal(np_x, xy_x.numpy()) and np.array_equal(np_y, xy_y.numpy())
assert torch.meshgrid(shifts_x, rows, indexing="ij")[0].shape == (4, 3)
assert np.meshgrid(shifts_x.numpy(), rows.numpy())[0].shape == (3, 4)
# the grids come back in input order: with x first, the first grid varies along x
assert torch.equal(xy_x[0], shifts_x) and torch.equal(xy_y[:, 0], rows)
