import platform

import matplotlib
import numpy
import PIL
import torch
import torchvision

gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
versions = {
    "Python": platform.python_version(),
    "PyTorch": torch.__version__,
    "torchvision": torchvision.__version__,
    "NumPy": numpy.__version__,
    "Pillow": PIL.__version__,
    "Matplotlib": matplotlib.__version__,
    # what the wheel was built for, and what this machine has
    "PyTorch built for CUDA": torch.version.cuda or "none (CPU-only build)",
    "GPU on the build machine": gpu,
}
print("| Component | Value |\n| --- | --- |")
for name, value in versions.items():
    print(f"| {name} | `{value}` |")
