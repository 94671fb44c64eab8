import inspect
import json

import torch

with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recording = json.load(file)

print('| `CUDA_VISIBLE_DEVICES = ""` | `device_count()` | `is_available()` |')
print("| --- | --- | --- |")
for key in ["cvd_set_after_import_before_cuda_init", "cvd_set_after_cuda_init"]:
    count, available = recording[key].split()
    print(f"| `{key}` | {count} | {available} |")

before = recording["cvd_set_after_import_before_cuda_init"].split()
after = recording["cvd_set_after_cuda_init"].split()
assert before == ["0", "False"]  # set after `import torch`: the GPU is hidden
assert after[1] == "True"  # set after CUDA started: the GPU is still in use
# is_available() asks the CUDA runtime, which starts the driver (cuInit)
source = inspect.getsource(torch.cuda.is_available)
assert "cuInit" in source and "PYTORCH_NVML_BASED_CUDA_CHECK" in source
