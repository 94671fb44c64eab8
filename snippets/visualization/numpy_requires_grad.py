import matplotlib
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

x = torch.linspace(-1, 1, 5)
w = torch.ones(1, requires_grad=True)
y = w * x**2  # part of the autograd graph, so y.requires_grad is True

try:
    y.numpy()
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected RuntimeError")

fig, ax = plt.subplots()
try:
    ax.plot(x, y)  # matplotlib calls numpy() for us and gets the same error
except RuntimeError as error:
    message = f"{type(error).__name__}: {error}"
    print(message)
else:
    raise AssertionError("expected RuntimeError")
ax.plot(x.numpy(), y.detach().numpy())  # detach() first: works
plt.close(fig)

print(y.requires_grad, y.detach().requires_grad)
print(y.detach().numpy())

assert y.requires_grad and not y.detach().requires_grad
assert "Use tensor.detach().numpy() instead" in message
# detach() shares memory with y: no copy is made
assert y.detach().data_ptr() == y.data_ptr()
