import io
import json

import matplotlib

matplotlib.use("Agg")  # markdown-exec: hide
import matplotlib.pyplot as plt

# --- hidden on the page ---
plt.rcParams["svg.hashsalt"] = "pytorch-notes"
plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "DejaVu Sans"]
# --- shown on the page ---
with open("snippets/gpu/gpu_claims_h200.json", encoding="utf-8") as file:
    recording = json.load(file)
sweep = recording["regression_200_epochs_warm"]
grid = recording["grid_200_epochs_warm"]
# x: hidden x n, the work of one step; every measured (hidden, n) once
points = {(r["hidden"], r["n"]): r for r in grid + sweep}
work = sorted(((h * n, r) for (h, n), r in points.items()), key=lambda p: p[0])

fig, ax = plt.subplots(figsize=(6, 3.4))
for key, marker, color, label in [
    ("cpu_median_s", "o", "tab:blue", f"CPU ({recording['cpu_threads']} threads)"),
    ("cuda_median_s", "s", "tab:orange", recording["gpu"]),
]:
    ax.plot(
        [w for w, _ in work], [r[key] for _, r in work], marker, color=color, alpha=0.5
    )
    ax.plot(  # the sweep (network and data grow together) as a line
        [r["hidden"] * r["n"] for r in sweep],
        [r[key] for r in sweep],
        marker + ("-" if key == "cpu_median_s" else "--"),
        color=color,
        label=label,
    )
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("hidden × n  (lines: n = 10 × hidden)")
ax.set_ylabel("s / 200 epochs (median of 5)")
ax.set_title(f"torch {recording['torch']} · {recording['date']}", fontsize=10)
ax.grid(True, which="major", alpha=0.3)
ax.legend()
# --- hidden on the page ---
buffer = io.StringIO()
fig.savefig(
    buffer,
    format="svg",
    facecolor="white",
    bbox_inches="tight",
    # no date (every build the same) and no RDF block (not valid inside HTML)
    metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
)
plt.close(fig)
svg = buffer.getvalue()
print(svg[svg.index("<svg") :])
# --- shown on the page ---

assert len(points) == 10  # 9 grid cells + (300, 3000) from the sweep
# numbers quoted in the alt text: CPU 0.09 s to 4.3 s, GPU 0.13 s to 0.22 s
cpu = [r["cpu_median_s"] for _, r in work]
gpu = [r["cuda_median_s"] for _, r in work]
assert (round(min(cpu), 2), round(max(cpu), 1)) == (0.09, 4.3)
assert (round(min(gpu), 2), round(max(gpu), 2)) == (0.13, 0.22)
assert work[0][0] == 1000 and work[-1][0] == 10**7
