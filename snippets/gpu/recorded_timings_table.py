import json

with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recording = json.load(file)
rows = recording["regression_200_epochs_warm"]

print("| hidden | n | CPU (s) | GPU (s) | CPU / GPU |")
print("| ---: | ---: | ---: | ---: | ---: |")
for row in rows:
    ratio = row["cpu_median_s"] / row["cuda_median_s"]
    print(
        f"| {row['hidden']} | {row['n']} | {row['cpu_median_s']:.4f} "
        f"| {row['cuda_median_s']:.4f} | {ratio:.2f} |"
    )
cpu_once = recording["one_off_script_small_net_cpu_s"]
gpu_once = recording["one_off_script_small_net_cuda_s"]
print(f"| 10 (one-off process) | 100 | {cpu_once:.2f} | {gpu_once:.2f} | |")

small, large = rows[0], rows[-1]
assert 2.5 < small["cuda_median_s"] / small["cpu_median_s"] < 3.5  # CPU ~3x faster
assert round(small["cpu_median_s"], 2) == 0.06  # numbers quoted in the prose
assert round(small["cuda_median_s"], 2) == 0.18
faster = ["cpu" if r["cpu_median_s"] < r["cuda_median_s"] else "cuda" for r in rows]
assert faster == ["cpu", "cpu", "cuda", "cuda"]
assert max(small["cpu_median_s"], small["cuda_median_s"]) < 1  # warm: well under 1 s
assert min(cpu_once, gpu_once) > 5  # one-off process: over 5 s on either device
assert large["cuda_median_s"] * 10 < large["cpu_median_s"]  # large: GPU > 10x faster
# GPU time barely grows over a 100x larger net: a fixed cost per step dominates
gpu_times = [r["cuda_median_s"] for r in rows]
assert max(gpu_times) < 1.5 * min(gpu_times)
# the same losses on both devices: both ran the same computation
assert all(abs(r["cpu_loss"] - r["cuda_loss"]) < 1e-6 for r in rows)
# a fresh process pays seconds of start-up, far more than the warm training run
assert min(cpu_once, gpu_once) > 20 * max(small["cpu_median_s"], small["cuda_median_s"])
