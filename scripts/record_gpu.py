"""Record the GPU facts shown on the GPU page (docs/*/gpu.md) on a machine with CUDA.

    python scripts/record_gpu.py --out snippets/gpu/gpu_claims_<gpu>.json \\
        --checkpoint snippets/save_load/saved_on_cuda.pt

The output keeps the keys of the first recording (an H100, 2026-11-27, since replaced)
and adds more:

- regression_200_epochs_warm: the small regression net of the 2020 notes, i.e. train()
  of snippets/gpu/small_net_cpu_timing.py, read from that file so that the recording
  always times the code the page shows (1 -> hidden -> 1, ReLU, SGD lr 0.2, MSE loss,
  200 full-batch epochs on y = x^2 + noise, random seed 1), timed end to end per size and
  device: one warm-up run, then the median of 5 runs, each run bracketed by
  torch.cuda.synchronize() and ended by loss.item(). This sweep grows the network AND
  the full batch together (hidden, n) = (10, 100) ... (1000, 10000);
- grid_200_epochs_warm: the same timing on every (hidden, n) of HIDDEN x N, so that the
  page can vary one of the two at a time (points shared with the sweep are measured once);
- one_off_script_small_net_*_s: wall time of a fresh Python process that imports torch
  and trains the smallest net once (what a one-off script pays, start-up included);
  one_off_breakdown_*: inside that process, the seconds of `import torch`, of the first
  (cold) train() and of a second (warm) one;
- cvd_*: "<torch.cuda.device_count()> <torch.cuda.is_available()>" printed by a fresh
  process after it sets os.environ["CUDA_VISIBLE_DEVICES"] = "" (hide every GPU) after
  `import torch`, before / after its first CUDA tensor; cvd_probes: the same and more as
  dicts, each probe also trying to USE the GPU (torch.zeros(1, device="cuda")), one of
  them calling torch.cuda.is_available() before it sets the variable;
- *_after_to_without_assign: the device of a tensor / a module after `x.to("cuda")`
  whose result is not assigned;
- cuda_tensor_numpy_error: what `.numpy()` on a CUDA tensor raises;
- device_mismatch_*_error: what a model on the GPU raises when the input, or the target
  of the loss, is left on the CPU;
- nvidia_smi_L (UUIDs removed), nvidia_smi_gpu (index, PCI bus id, name, driver),
  torch_device_name, torch_pci_bus_id: what numbers the one GPU (provenance; with one
  GPU the CUDA_DEVICE_ORDER question cannot be shown);
- saved_on_cuda: the state dict of a seeded torch.nn.Linear(2, 1) saved from the GPU
  to --checkpoint (its values and the device it was saved from).

Without CUDA it runs the CPU part, prints it, and exits with status 1 (nothing written).
"""

import argparse
import ast
import datetime
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = ROOT / "snippets" / "gpu" / "small_net_cpu_timing.py"
SWEEP = [(10, 100), (100, 1000), (300, 3000), (1000, 10000)]  # (hidden, n) together
HIDDEN = [10, 100, 1000]  # grid: each hidden at each n
N = [100, 1000, 10000]
REPEATS = 5


def snippet_train_source():
    """train() as snippets/gpu/small_net_cpu_timing.py defines it."""
    text = SNIPPET.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == "train":
            return "import torch\n\n\n" + ast.get_source_segment(text, node) + "\n"
    raise SystemExit(f"{SNIPPET}: no top-level def train(...)")


TRAIN_SOURCE = snippet_train_source()
# one definition of train() for this process and for the fresh ones: the snippet's
exec(TRAIN_SOURCE, globals())  # noqa: S102

PROBES = {
    "cvd_set_after_import_before_cuda_init": """
import os, torch
os.environ["CUDA_VISIBLE_DEVICES"] = ""
print(torch.cuda.device_count(), torch.cuda.is_available())
""",
    "cvd_set_after_cuda_init": """
import os, torch
torch.zeros(1, device="cuda")
os.environ["CUDA_VISIBLE_DEVICES"] = ""
print(torch.cuda.device_count(), torch.cuda.is_available())
""",
    "tensor_after_to_without_assign": """
import torch
t = torch.ones(1)
t.to("cuda")
print(t.device)
""",
    "module_after_to_without_assign": """
import torch
net = torch.nn.Linear(1, 1)
net.to("cuda")
print(next(net.parameters()).device)
""",
    "cuda_tensor_numpy_error": """
import torch
try:
    torch.ones(1, device="cuda").numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
""",
}

# Each prints one JSON object. use(): does the GPU really work (not only is_available)?
CVD_PROBE_HEAD = """
import json, os, torch
def use():
    try:
        return str(torch.zeros(1, device="cuda").device)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
"""
CVD_PROBES = {
    # the variable set after `import torch`, nothing CUDA before it
    "set_after_import": """
os.environ["CUDA_VISIBLE_DEVICES"] = ""
r = {"device_count": torch.cuda.device_count()}
r["is_available"] = torch.cuda.is_available()
r["zeros_device"] = use()
""",
    # the usual device line first, then the variable
    "set_after_is_available": """
r = {"is_available_before": torch.cuda.is_available()}
os.environ["CUDA_VISIBLE_DEVICES"] = ""
r["device_count"] = torch.cuda.device_count()
r["is_available"] = torch.cuda.is_available()
r["zeros_device"] = use()
""",
    # the variable set after the first CUDA tensor
    "set_after_cuda_tensor": """
r = {"zeros_device_before": use()}
os.environ["CUDA_VISIBLE_DEVICES"] = ""
r["device_count"] = torch.cuda.device_count()
r["is_available"] = torch.cuda.is_available()
r["zeros_device"] = use()
""",
}


def synchronize(device):
    if device == "cuda":
        torch.cuda.synchronize()


def timed_run(hidden, n, device):
    synchronize(device)
    start = time.perf_counter()
    loss = train(hidden, n, torch.device(device))  # noqa: F821  (the snippet's)
    synchronize(device)
    return time.perf_counter() - start, loss


CACHE = {}


def warm_median(hidden, n, device):
    if (hidden, n, device) not in CACHE:
        timed_run(hidden, n, device)  # warm-up: first-call start-up is not measured
        runs = [timed_run(hidden, n, device) for _ in range(REPEATS)]
        median = round(statistics.median(s for s, _ in runs), 4)
        CACHE[hidden, n, device] = median, runs[-1][1]
    return CACHE[hidden, n, device]


def measure(sizes, cuda):
    rows = []
    for hidden, n in sizes:
        row = {"hidden": hidden, "n": n}
        row["cpu_median_s"], row["cpu_loss"] = warm_median(hidden, n, "cpu")
        if cuda:
            row["cuda_median_s"], row["cuda_loss"] = warm_median(hidden, n, "cuda")
        print(row, file=sys.stderr)
        rows.append(row)
    return rows


def fresh_process(code):
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stdout.strip()


ONE_OFF = """
import time
start = time.perf_counter()
{train}
imported = time.perf_counter()
train(10, 100, torch.device({device!r}))
first = time.perf_counter()
train(10, 100, torch.device({device!r}))
second = time.perf_counter()
print(imported - start, first - imported, second - first)
"""


def one_off(device):
    code = ONE_OFF.format(train=TRAIN_SOURCE, device=device)
    seconds, out = fresh_process(code)
    import_s, first_s, second_s = (round(float(s), 4) for s in out.split())
    breakdown = {"import_torch_s": import_s, "first_train_s": first_s}
    breakdown["second_train_s"] = second_s
    return seconds, breakdown


def device_mismatch():
    torch.manual_seed(0)
    net = torch.nn.Linear(2, 1).to("cuda")
    errors = {}
    try:
        net(torch.ones(3, 2))  # input left on the CPU
    except RuntimeError as error:
        errors["device_mismatch_input_error"] = f"RuntimeError: {error}"
    output = net(torch.ones(3, 2, device="cuda"))
    try:
        torch.nn.MSELoss()(output, torch.ones(3, 1))  # target left on the CPU
    except RuntimeError as error:
        errors["device_mismatch_target_error"] = f"RuntimeError: {error}"
    return errors


def nvidia_smi():
    def smi(*args):
        try:
            done = subprocess.run(
                ["nvidia-smi", *args], capture_output=True, text=True, check=False
            )
        except OSError as error:
            return f"error: {error}"
        return done.stdout.strip() if done.returncode == 0 else f"error: {done.stderr}"

    listing = re.sub(r" \(UUID: [^)]*\)", "", smi("-L"))
    query = "index,pci.bus_id,name,driver_version"
    return listing, smi(f"--query-gpu={query}", "--format=csv,noheader")


def save_checkpoint(path):
    torch.manual_seed(0)
    state = torch.nn.Linear(2, 1).cuda().state_dict()
    torch.save(state, path)
    return {
        "file": Path(path).name,
        "device": str(state["weight"].device),
        "weight": state["weight"].cpu().tolist(),
        "bias": state["bias"].cpu().tolist(),
    }


ONE_OFF_KEYS = ("one_off_script_small_net_cuda_s", "one_off_breakdown_cuda")


def cvd_probes():
    probes = {}
    for key, code in CVD_PROBES.items():
        out = fresh_process(CVD_PROBE_HEAD + code + "print(json.dumps(r))")[1]
        probes[key] = json.loads(out)
    return {"cvd_probes": probes}


def provenance():
    listing, query = nvidia_smi()
    properties = torch.cuda.get_device_properties(0)
    bus = (properties.pci_domain_id, properties.pci_bus_id, properties.pci_device_id)
    return {
        "nvidia_smi_L": listing,
        "nvidia_smi_gpu": query,
        "torch_device_name": properties.name,
        "torch_pci_bus_id": "{:08X}:{:02X}:{:02X}.0".format(*bus),
    }


def safely(record, part):
    try:
        record.update(part())
    except Exception as error:  # noqa: BLE001  (recorded, not hidden)
        name = getattr(part, "__name__", "part")
        detail = (getattr(error, "stderr", None) or "")[-800:]
        message = f"{name}: {type(error).__name__}: {error} {detail}".strip()
        record.setdefault("errors", []).append(message)
        print(record["errors"][-1], file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="JSON file to write (default: print it)")
    parser.add_argument("--checkpoint", help="where to save the CUDA checkpoint")
    parser.add_argument(
        "--max-hidden", type=int, default=1000, help="skip larger sizes (quick checks)"
    )
    args = parser.parse_args()
    cuda = torch.cuda.is_available()
    small = args.max_hidden
    sweep = measure([(h, n) for h, n in SWEEP if h <= small], cuda)
    grid = measure([(h, n) for h in HIDDEN for n in N if h <= small], cuda)
    one_off_cpu, breakdown_cpu = one_off("cpu")
    print(f"one_off_script_small_net_cpu_s {one_off_cpu:.3f}", file=sys.stderr)
    print(f"one_off_breakdown_cpu {breakdown_cpu}", file=sys.stderr)
    if not cuda:
        sys.exit("no CUDA device: CPU part done above, nothing recorded")

    record = {
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "gpu": torch.cuda.get_device_name(0),
        "cpu_threads": torch.get_num_threads(),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "one_off_script_small_net_cpu_s": one_off_cpu,
        "one_off_breakdown_cpu": breakdown_cpu,
        "regression_200_epochs_warm": sweep,
        "grid_200_epochs_warm": grid,
        "train_source": str(SNIPPET.relative_to(ROOT)),
    }
    # each part on its own: one that fails is recorded as its error, the rest still runs
    safely(record, lambda: dict(zip(ONE_OFF_KEYS, one_off("cuda"), strict=True)))
    for key, code in PROBES.items():
        safely(record, lambda code=code, key=key: {key: fresh_process(code)[1]})
    safely(record, cvd_probes)
    safely(record, device_mismatch)
    safely(record, provenance)
    if args.checkpoint:
        safely(record, lambda: {"saved_on_cuda": save_checkpoint(args.checkpoint)})
    text = json.dumps(record, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
