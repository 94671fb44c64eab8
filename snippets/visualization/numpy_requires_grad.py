# --- hidden on the page ---
import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import numpy as np
import torch

matplotlib.use("Agg")  # markdown-exec: hide
fig, ax = plt.subplots()

# a plain CPU tensor: matplotlib converts it to an array itself
image = ax.imshow(torch.arange(6.0).reshape(2, 3))
print(type(image.get_array()).__name__, image.get_array().shape)

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

try:
    ax.plot(x, y)  # matplotlib converts y with numpy() and gets the same error
except RuntimeError as error:
    plot_message = f"{type(error).__name__}: {error}"
    print(plot_message)
else:
    raise AssertionError("expected RuntimeError")
ax.plot(x.numpy(), y.detach().numpy())  # detach() first: works
plt.close(fig)

print(y.requires_grad, y.detach().requires_grad)
print(y.detach().numpy())

assert np.array_equal(image.get_array(), np.arange(6.0).reshape(2, 3))
assert y.requires_grad and not y.detach().requires_grad
assert "Use tensor.detach().numpy() instead" in message
assert plot_message == message
# detach() shares memory with y: no copy is made
assert y.detach().data_ptr() == y.data_ptr()
