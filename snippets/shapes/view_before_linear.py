import torch
import torch.nn as nn

features = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
classifier = nn.Linear(16 * 16 * 16, 10)

images = torch.rand(4, 3, 32, 32)
x = features(images)  # N, C, H, W
flat = x.view(x.size(0), -1)  # N, C*H*W: one feature vector per image
logits = classifier(flat)
print(x.shape)
print(flat.shape)
print(logits.shape)

assert x.shape == (4, 16, 16, 16)
assert flat.shape == (4, 16 * 16 * 16)
assert flat.data_ptr() == x.data_ptr()  # view copies nothing
assert torch.equal(flat, torch.flatten(x, 1))
assert logits.shape == (4, 10)
