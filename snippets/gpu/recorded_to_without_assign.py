import json

with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recording = json.load(file)

print("| code | device afterwards |")
print("| --- | --- |")
print(f'| `t.to("cuda")` | `{recording["tensor_after_to_without_assign"]}` |')
print(f'| `net.to("cuda")` | `{recording["module_after_to_without_assign"]}` |')

assert recording["tensor_after_to_without_assign"] == "cpu"
assert recording["module_after_to_without_assign"] == "cuda:0"
