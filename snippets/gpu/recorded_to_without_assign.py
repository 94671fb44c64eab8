import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
tensor_device = recording["tensor_after_to_without_assign"]
module_device = recording["module_after_to_without_assign"]

# --- hidden on the page ---
HEADERS = {"zh": "| 代码 | 之后所在的设备 |", "en": "| code | device afterwards |"}
for language, header in HEADERS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("| --- | --- |")
    print(f'| `t.to("cuda")` | `{tensor_device}` |')
    print(f'| `net.to("cuda")` | `{module_device}` |')
    print("\n</div>\n")
# --- shown on the page ---

assert tensor_device == "cpu"  # the tensor's .to() returned a copy: t did not move
assert module_device == "cuda:0"  # the module's .to() moved its parameters in place
