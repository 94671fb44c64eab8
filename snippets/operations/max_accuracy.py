import torch
import torch.nn.functional as F

logits = torch.tensor(
    [
        [2.0, 0.5, -1.0],  # (batch, classes)
        [0.1, 0.3, 2.2],
        [1.5, 1.7, 0.0],
        [0.0, -0.2, 0.3],
    ]
)
labels = torch.tensor([0, 2, 0, 2])

_, predicted = torch.max(logits, dim=1)  # the class index per sample
accuracy = (predicted == labels).float().mean()
print(predicted, accuracy)

probabilities = F.softmax(logits, dim=1)  # same dim: along the classes
print(probabilities.shape, probabilities.sum(dim=1))

assert torch.equal(predicted, logits.argmax(dim=1))
assert torch.equal(predicted, torch.tensor([0, 2, 1, 2]))
assert accuracy.item() == 0.75
assert predicted.shape == (4,)  # max drops the class dim
assert probabilities.shape == logits.shape  # softmax keeps the shape
assert torch.allclose(probabilities.sum(dim=1), torch.ones(4))
assert torch.equal(probabilities.argmax(dim=1), predicted)  # softmax keeps order
