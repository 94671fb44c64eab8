import json

with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recording = json.load(file)

print("| field | value |")
print("| --- | --- |")
for key in ["gpu", "cuda", "torch", "cpu_threads", "date"]:
    print(f"| `{key}` | {recording[key]} |")
print("| file | `snippets/gpu/gpu_claims_h100.json` |")
print("| script | `scripts/record_gpu.py` |")

assert recording["gpu"].startswith("NVIDIA H100")
