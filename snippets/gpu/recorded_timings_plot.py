import io
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams["svg.hashsalt"] = "pytorch-notes"
plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "DejaVu Sans"]
with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recording = json.load(file)
rows = recording["regression_200_epochs_warm"]
hidden = [row["hidden"] for row in rows]

fig, ax = plt.subplots(figsize=(6, 3.4))
ax.plot(
    hidden,
    [r["cpu_median_s"] for r in rows],
    "o-",
    color="tab:blue",
    label=f"CPU ({recording['cpu_threads']} threads)",
)
ax.plot(
    hidden,
    [r["cuda_median_s"] for r in rows],
    "s--",
    color="tab:orange",
    label=recording["gpu"],
)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xticks(hidden, [f"{r['hidden']}\nn={r['n']}" for r in rows])
ax.set_xlabel("hidden")
ax.set_ylabel("s / 200 epochs (median of 5)")
ax.set_title(f"torch {recording['torch']} · {recording['date']}", fontsize=10)
ax.grid(True, which="major", alpha=0.3)
ax.legend()
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

assert len(rows) == 4 and hidden == sorted(hidden)
# numbers quoted in the alt text
assert (
    round(rows[0]["cpu_median_s"], 2) == 0.06
    and round(rows[-1]["cpu_median_s"], 1) == 3.7
)
assert all(0.15 < r["cuda_median_s"] < 0.25 for r in rows)
