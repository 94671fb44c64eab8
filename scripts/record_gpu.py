"""Record the GPU facts shown on the GPU page (docs/*/gpu.md) on a machine with CUDA.

    python scripts/record_gpu.py --out snippets/gpu/gpu_claims_<gpu>.json

The output has the format of snippets/gpu/gpu_claims_h100.json:

- regression_200_epochs_warm: the small regression net of the seed (1 -> hidden -> 1,
  ReLU, SGD lr 0.2, MSE loss, 200 full-batch epochs on y = x^2 + noise, seed 1) timed
  end to end per size and device: one warm-up run, then the median of 5 runs, each run
  bracketed by torch.cuda.synchronize() and ended by loss.item();
- one_off_script_small_net_*_s: wall time of a fresh Python process that imports torch
  and trains the smallest net once (what a one-off script pays, start-up included);
- cvd_*: "<torch.cuda.device_count()> <torch.cuda.is_available()>" printed by a fresh
  process after it sets os.environ["CUDA_VISIBLE_DEVICES"] = "" (hide every GPU) after
  `import torch`, before / after its first CUDA tensor;
- *_after_to_without_assign: the device of a tensor / a module after `x.to("cuda")`
  whose result is not assigned;
- cuda_tensor_numpy_error: what `.numpy()` on a CUDA tensor raises.

Without CUDA it runs the CPU part, prints it, and exits with status 1 (nothing written).
"""

import argparse
import datetime
import json
import statistics
import subprocess
import sys
import time

import torch

SIZES = [(10, 100), (100, 1000), (300, 3000), (1000, 10000)]  # (hidden, n)
EPOCHS = 200
REPEATS = 5

WORKLOAD = """
import torch

def train(hidden, n, device):
    torch.manual_seed(1)
    x = torch.unsqueeze(torch.linspace(-1, 1, n), dim=1)
    y = x.pow(2) + 0.2 * torch.rand(x.size())
    net = torch.nn.Sequential(
        torch.nn.Linear(1, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1)
    )
    x, y, net = x.to(device), y.to(device), net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.2)
    loss_func = torch.nn.MSELoss()
    for _ in range(EPOCHS):
        loss = loss_func(net(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()  # .item() waits for the device
"""
# one definition of train() for this process and for the fresh ones
exec(WORKLOAD, globals())  # noqa: S102

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


def synchronize(device):
    if device == "cuda":
        torch.cuda.synchronize()


def timed_run(hidden, n, device):
    synchronize(device)
    start = time.perf_counter()
    loss = train(hidden, n, device)  # noqa: F821  (defined by WORKLOAD)
    synchronize(device)
    return time.perf_counter() - start, loss


def warm_median(hidden, n, device):
    timed_run(hidden, n, device)  # warm-up: first-call start-up is not measured
    runs = [timed_run(hidden, n, device) for _ in range(REPEATS)]
    return round(statistics.median(s for s, _ in runs), 4), runs[-1][1]


def fresh_process(code):
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stdout.strip()


def one_off(device):
    code = f"EPOCHS = {EPOCHS}\n{WORKLOAD}\ntrain(10, 100, {device!r})\n"
    return fresh_process(code)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="JSON file to write (default: print it)")
    parser.add_argument(
        "--max-hidden", type=int, default=1000, help="skip larger sizes (quick checks)"
    )
    args = parser.parse_args()
    sizes = [(h, n) for h, n in SIZES if h <= args.max_hidden]
    cuda = torch.cuda.is_available()

    rows = []
    for hidden, n in sizes:
        row = {"hidden": hidden, "n": n}
        row["cpu_median_s"], row["cpu_loss"] = warm_median(hidden, n, "cpu")
        if cuda:
            row["cuda_median_s"], row["cuda_loss"] = warm_median(hidden, n, "cuda")
        print(row, file=sys.stderr)
        rows.append(row)
    one_off_cpu = one_off("cpu")
    print(f"one_off_script_small_net_cpu_s {one_off_cpu:.3f}", file=sys.stderr)
    if not cuda:
        sys.exit("no CUDA device: CPU part done above, nothing recorded")

    record = {
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "gpu": torch.cuda.get_device_name(0),
        "cpu_threads": torch.get_num_threads(),
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "one_off_script_small_net_cpu_s": one_off_cpu,
        "one_off_script_small_net_cuda_s": one_off("cuda"),
        "regression_200_epochs_warm": rows,
    }
    for key, code in PROBES.items():
        record[key] = fresh_process(code)[1]
    text = json.dumps(record, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
