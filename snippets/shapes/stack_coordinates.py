import torch

xs = torch.tensor([0.0, 1.0, 2.0])  # x of three points
ys = torch.tensor([5.0, 6.0, 7.0])  # y of the same three points
points = torch.stack((xs, ys), dim=-1)  # one (x, y) pair per row
print(points)

assert points.shape == (3, 2)  # the new last dimension holds (x, y)
assert torch.equal(points[1], torch.tensor([1.0, 6.0]))
