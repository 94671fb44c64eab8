import json

with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
cells = {(r["hidden"], r["n"]): r for r in recording["grid_200_epochs_warm"]}
hiddens = sorted({h for h, _ in cells})
ns = sorted({n for _, n in cells})


def ratio(hidden, n):  # CPU time ÷ GPU time: above 1, the GPU is faster
    cell = cells[hidden, n]
    return cell["cpu_median_s"] / cell["cuda_median_s"]


# --- hidden on the page ---
LABELS = {
    "zh": ("200 个 epoch 的秒数", "粗体：GPU 更快。"),
    "en": ("seconds for 200 epochs", "Bold: the GPU is faster."),
}
for language, (corner, legend) in LABELS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(f"| {corner} | " + " | ".join(f"n = {n}" for n in ns) + " |")
    print("| --- |" + " ---: |" * len(ns))
    for hidden in hiddens:
        line = f"| hidden = {hidden} |"
        for n in ns:
            cell = cells[hidden, n]
            text = f"CPU {cell['cpu_median_s']:.2f} · GPU {cell['cuda_median_s']:.2f}"
            line += f" **{text}** |" if ratio(hidden, n) > 1 else f" {text} |"
        print(line)
    print(f"\n*{legend}*\n\n</div>\n")
# --- shown on the page ---

assert sorted(cells) == [(h, n) for h in hiddens for n in ns] and len(cells) == 9
# only the network grows (n = 100): the CPU stays at about 0.09 s and stays faster
column = [cells[h, 100]["cpu_median_s"] for h in hiddens]
assert all(ratio(h, 100) < 1 for h in hiddens)
assert max(column) < 1.2 * min(column) and round(min(column), 2) == 0.09
# only the data grows (hidden = 10): CPU and GPU both 0.1-0.2 s, neither clearly ahead
assert all(0.4 < ratio(10, n) < 1.5 for n in ns)
# the GPU is clearly faster (over 3x) exactly where hidden x n reaches a million
clearly = {(h, n) for h, n in cells if ratio(h, n) > 3}
assert clearly == {(h, n) for h, n in cells if h * n >= 10**6}
# GPU time: 0.13-0.22 s in every cell, over 10^4x the work
gpu = [cell["cuda_median_s"] for cell in cells.values()]
assert round(min(gpu), 2) == 0.13 and round(max(gpu), 2) == 0.22
