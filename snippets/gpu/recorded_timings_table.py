import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
rows = recording["regression_200_epochs_warm"]

# --- hidden on the page ---
# the provenance the page states in its note
assert recording["gpu"] == "NVIDIA H200" and recording["torch"] == "2.11.0+cu130"
assert recording["date"] == "2026-11-28" and recording["cpu_threads"] == 16
HEADERS = {
    "zh": "| hidden | n | hidden × n | CPU（秒） | GPU（秒） | CPU 时间 ÷ GPU 时间 |",
    "en": "| hidden | n | hidden × n | CPU (s) | GPU (s) | CPU time ÷ GPU time |",
}
for language, header in HEADERS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(header)
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        ratio = row["cpu_median_s"] / row["cuda_median_s"]
        print(
            f"| {row['hidden']} | {row['n']} | {row['hidden'] * row['n']:,} "
            f"| {row['cpu_median_s']:.2f} | {row['cuda_median_s']:.2f} | {ratio:.2f} |"
        )
    print("\n</div>\n")
# --- shown on the page ---

small, large = rows[0], rows[-1]
# the sweep grows the network AND the full batch together: n = 10 x hidden
assert all(r["n"] == 10 * r["hidden"] for r in rows)
assert large["hidden"] * large["n"] == 10**4 * small["hidden"] * small["n"]
faster = ["cpu" if r["cpu_median_s"] < r["cuda_median_s"] else "cuda" for r in rows]
assert faster == ["cpu", "cpu", "cuda", "cuda"]
# numbers quoted in the prose: the GPU takes 2.4x as long at the small end, the CPU
# over 20x as long at the large end; CPU 0.09 s -> 4.3 s, GPU about 0.2 s throughout
assert round(small["cuda_median_s"] / small["cpu_median_s"], 1) == 2.4
assert 20 < large["cpu_median_s"] / large["cuda_median_s"] < 30
assert (
    round(small["cpu_median_s"], 2) == 0.09 and round(large["cpu_median_s"], 1) == 4.3
)
assert all(0.15 < r["cuda_median_s"] < 0.25 for r in rows)
# the same losses on both devices: both ran the same computation
assert all(abs(r["cpu_loss"] - r["cuda_loss"]) < 1e-6 for r in rows)
