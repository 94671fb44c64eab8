import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
# recorded: nvidia-smi --query-gpu=index,pci.bus_id,name,driver_version --format=csv
smi_index, smi_bus, smi_name, driver = recording["nvidia_smi_gpu"].split(", ")
# recorded: torch.cuda.get_device_properties(0): name, PCI domain:bus:device
torch_name, torch_bus = recording["torch_device_name"], recording["torch_pci_bus_id"]

# --- hidden on the page ---
HEADERS = {
    "zh": "| 谁编的号 | 编号 | 名称 | PCI 总线号 |",
    "en": "| numbered by | index | name | PCI bus id |",
}
for language, header in HEADERS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("| --- | ---: | --- | --- |")
    print(f"| `nvidia-smi` | {smi_index} | {smi_name} | `{smi_bus}` |")
    print(f"| PyTorch (`cuda:0`) | 0 | {torch_name} | `{torch_bus}` |")
    print("\n</div>\n")
# --- shown on the page ---

# one GPU: both call it 0, and it is the same card (same PCI bus id)
assert recording["nvidia_smi_L"] == f"GPU 0: {smi_name}"
assert (smi_index, smi_name, smi_bus) == ("0", torch_name, torch_bus)
