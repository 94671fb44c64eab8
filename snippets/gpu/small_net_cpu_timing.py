import json
import statistics
import time

import torch


def train(hidden, n, device):
    """The seed's regression net: 1 -> hidden -> 1, 200 full-batch epochs."""
    torch.manual_seed(1)
    x = torch.unsqueeze(torch.linspace(-1, 1, n), dim=1)
    y = x.pow(2) + 0.2 * torch.rand(x.size())
    net = torch.nn.Sequential(
        torch.nn.Linear(1, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1)
    )
    x, y, net = x.to(device), y.to(device), net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.2)
    loss_func = torch.nn.MSELoss()
    for _ in range(200):
        loss = loss_func(net(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


def timed_run(device):
    if device.type == "cuda":
        torch.cuda.synchronize()  # GPU work is queued: wait before starting the clock
    start = time.perf_counter()
    loss = train(10, 100, device)  # .item() waits for the last step
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, loss


cpu = torch.device("cpu")
timed_run(cpu)  # warm-up: first calls pay one-off costs
runs = [timed_run(cpu) for _ in range(5)]
median_s = statistics.median(seconds for seconds, _ in runs)
loss = runs[-1][1]
# a Markdown table: the time differs on every run, so the page renders it, not diffs it
print("| torch | device | threads | hidden | n | median of 5 (s) | loss |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
row = [torch.__version__, "cpu", torch.get_num_threads(), 10, 100, f"{median_s:.4f}"]
print("| " + " | ".join(map(str, row)) + f" | {loss:.6f} |")

with open("snippets/gpu/gpu_claims_h100.json", encoding="utf-8") as file:
    recorded = json.load(file)["regression_200_epochs_warm"][0]
assert (recorded["hidden"], recorded["n"]) == (10, 100)
# the same workload as the recording: the same loss, whichever machine runs it
assert abs(loss - recorded["cpu_loss"]) <= 1e-3 * recorded["cpu_loss"]
assert all(r[1] == loss for r in runs)  # deterministic on the CPU
