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
# only the data grows (hidden = 10): from n = 100 to 10000 neither time grows much,
# CPU 0.09-0.21 s (not even monotonic), GPU 0.14-0.22 s; from n = 1000 on, within 1.5x
row = [cells[10, n] for n in ns]
cpu_row = [c["cpu_median_s"] for c in row]
gpu_row = [c["cuda_median_s"] for c in row]
assert (round(min(cpu_row), 2), round(max(cpu_row), 2)) == (0.09, 0.21)
assert (round(min(gpu_row), 2), round(max(gpu_row), 2)) == (0.14, 0.22)
assert cpu_row != sorted(cpu_row)  # noisy: not monotonic in n
assert all(2 / 3 < ratio(10, n) < 1.5 for n in ns if n >= 1000)
# the GPU is clearly faster (over 3x) exactly where hidden x n reaches a million
clearly = {(h, n) for h, n in cells if ratio(h, n) > 3}
assert clearly == {(h, n) for h, n in cells if h * n >= 10**6}
# GPU time: 0.13-0.22 s in every cell, over 10^4x the work
gpu = [cell["cuda_median_s"] for cell in cells.values()]
assert round(min(gpu), 2) == 0.13 and round(max(gpu), 2) == 0.22
