import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
probes = recording["cvd_probes"]
# Each probe is a fresh process that runs `import os, torch`, then sets
# os.environ["CUDA_VISIBLE_DEVICES"] = "" (hide every GPU) at some point, then prints
# device_count(), is_available() and what torch.zeros(1, device="cuda") gives.
hidden = probes["set_after_import"]  # set before anything touched CUDA
late = probes["set_after_is_available"]  # torch.cuda.is_available() first
later = probes["set_after_cuda_tensor"]  # a CUDA tensor first

# --- hidden on the page ---
LABELS = {
    "zh": (
        (
            '| 何时设置 `CUDA_VISIBLE_DEVICES=""` | `device_count()` | `is_available()` '
            '| `torch.zeros(1, device="cuda")` |'
        ),
        {
            "set_after_import": "`import torch` 之后，用 CUDA 之前",
            "set_after_is_available": "先调用 `torch.cuda.is_available()`，再设置",
            "set_after_cuda_tensor": "先建一个 CUDA 张量，再设置",
        },
    ),
    "en": (
        (
            '| when `CUDA_VISIBLE_DEVICES=""` is set | `device_count()` '
            '| `is_available()` | `torch.zeros(1, device="cuda")` |'
        ),
        {
            "set_after_import": "after `import torch`, before any CUDA use",
            "set_after_is_available": "after calling `torch.cuda.is_available()`",
            "set_after_cuda_tensor": "after creating a CUDA tensor",
        },
    ),
}
for language, (header, names) in LABELS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("| --- | ---: | ---: | --- |")
    for key, probe in probes.items():
        print(
            f"| {names[key]} | {probe['device_count']} | {probe['is_available']} "
            f"| `{probe['zeros_device']}` |"
        )
    print("\n</div>\n")
# --- shown on the page ---

# set before CUDA is initialized: the GPU is hidden, using it fails
assert (hidden["device_count"], hidden["is_available"]) == (0, False)
assert hidden["zeros_device"] == "RuntimeError: No CUDA GPUs are available"
# is_available() returned True first, so CUDA had read the variable already:
# setting it afterwards hides nothing, the GPU is still used
assert late["is_available_before"] is True and late["zeros_device"] == "cuda:0"
assert later["zeros_device_before"] == later["zeros_device"] == "cuda:0"
# ... while device_count() said 0 in this recording, made with PyTorch 2.11 (the page
# says later versions may report 1 in the third row: pytorch/pytorch#175355)
assert recording["torch"].startswith("2.11.")
assert late["device_count"] == later["device_count"] == 0
