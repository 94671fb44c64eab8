import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
# recorded on the GPU:
#   net = torch.nn.Linear(2, 1).to("cuda")
#   net(torch.ones(3, 2))                          # input left on the CPU
#   torch.nn.MSELoss()(output, torch.ones(3, 1))   # target left on the CPU
errors = {
    "input": recording["device_mismatch_input_error"],
    "target": recording["device_mismatch_target_error"],
}

# --- hidden on the page ---
LABELS = {
    "zh": ("| 留在 CPU 上的 | 报错 |", {"input": "输入", "target": "标签（损失函数）"}),
    "en": (
        "| left on the CPU | error |",
        {"input": "input", "target": "target (loss)"},
    ),
}
for language, (header, names) in LABELS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("| --- | --- |")
    for case, message in errors.items():
        print(f"| {names[case]} | `{message}` |")
    print("\n</div>\n")
# --- shown on the page ---

for message in errors.values():
    assert message.startswith(
        "RuntimeError: Expected all tensors to be on the same device"
    ), message
assert "cpu" in errors["input"] and "cuda:0" in errors["input"]
