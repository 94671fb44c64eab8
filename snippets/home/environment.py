import platform
import sys

import matplotlib
import numpy
import torch
import torchvision

versions = {
    "Python": platform.python_version(),
    "PyTorch": torch.__version__,
    "torchvision": torchvision.__version__,
    "NumPy": numpy.__version__,
    "Matplotlib": matplotlib.__version__,
    "CUDA": torch.version.cuda if torch.cuda.is_available() else "CPU only",
}
print("| Package | Version |\n| --- | --- |")
for name, value in versions.items():
    print(f"| {name} | `{value}` |")

assert sys.version_info >= (3, 10)
assert torch.__version__.startswith("2.")
