import math

import torch
import torch.nn.functional as F

logits = torch.tensor([[8.0, 0.0, 0.0], [8.0, 0.0, 0.0]], requires_grad=True)
target = torch.tensor([0, 1])  # int64 class indices: sample 0 right, sample 1 wrong

right = F.cross_entropy(logits, target, reduction="none")  # takes raw logits
probs = logits.softmax(dim=1)  # the bug: cross_entropy applies softmax once more
wrong = F.cross_entropy(probs, target, reduction="none")
(grad_right,) = torch.autograd.grad(right.sum(), logits)
(grad_wrong,) = torch.autograd.grad(wrong.sum(), logits)
print("loss, logits:          ", right.detach())
print("loss, softmax first:   ", wrong.detach())
print("grad of sample 1, logits:       ", grad_right[1])
print("grad of sample 1, softmax first:", grad_wrong[1])

try:  # class indices stored as float
    F.cross_entropy(logits, target.float())
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "expected target dtype to be Long" in str(error)
else:
    raise AssertionError("expected RuntimeError")

try:  # other integer types than int64 are refused too
    F.cross_entropy(logits, target.int())
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "but got Int" in str(error)
else:
    raise AssertionError("expected RuntimeError for int32")
for dtype in (torch.int16, torch.int8):  # and the other integer types
    try:
        F.cross_entropy(logits, target.to(dtype))
    except RuntimeError as error:
        assert "expected target dtype to be Long or Byte" in str(error)
    else:
        raise AssertionError(f"expected RuntimeError for {dtype}")
# the Byte in the message is uint8: accepted, same loss as int64
assert torch.equal(
    F.cross_entropy(logits, target.byte()), F.cross_entropy(logits, target)
)

# A float target shaped like the logits is read as class probabilities.
one_hot = F.one_hot(target, num_classes=3).float()
assert torch.allclose(F.cross_entropy(logits, one_hot), F.cross_entropy(logits, target))

# softmax first: even a confident right answer costs log(1 + 2/e) with 3 classes ...
assert right[0] < 1e-3 and wrong[0] > math.log(1 + 2 / math.e) - 1e-4
# ... and a confident wrong one barely moves the logits
assert grad_wrong[1].norm() < grad_right[1].norm() / 1000
