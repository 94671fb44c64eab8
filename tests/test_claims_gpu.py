"""What the GPU pages claim fails when PyTorch behaves otherwise.

Two kinds of claims. The CPU ones run at build time: each test swaps one PyTorch behavior
for a plausible other one (a tensor's .to() in place, a module's .to() returning a copy,
another random stream, a slower step, an accelerator check that looks only at the build)
and requires the snippet's own check to fail. The GPU ones come from the recording
(snippets/gpu/gpu_claims_h200.json): each test hands the snippet a recording of a
PyTorch that behaved otherwise and requires the check that backs the sentence to fail.
"""

import ast
import copy
import importlib.util
import json
import time

import torch
from claims import ROOT, SNIPPETS, claim_fails

RECORDING = "gpu_claims_h200.json"


def altered_recording(monkeypatch, change):
    """Let the snippets read the recording with `change(data)` applied."""
    real = json.load

    def load(file, *args, **kwargs):
        data = real(file, *args, **kwargs)
        if str(getattr(file, "name", "")).endswith(RECORDING):
            change(data)
        return data

    monkeypatch.setattr(json, "load", load)


# torch.device and .to(device), run on the CPU


def test_accelerator_line_checks_at_run_time(monkeypatch):
    # a PyTorch whose accelerator check looks only at what the wheel was built for
    monkeypatch.setattr(torch.accelerator, "is_available", lambda: True)
    monkeypatch.setattr(
        torch.accelerator, "current_accelerator", lambda *a, **k: torch.device("cuda")
    )
    claim_fails("gpu/choose_device.py", "any_device.type == device.type")


def test_tensor_to_is_not_in_place(monkeypatch):
    real = torch.Tensor.to

    def in_place(tensor, *args, **kwargs):  # converts the tensor itself
        tensor.data = real(tensor, *args, **kwargs)
        return tensor

    monkeypatch.setattr(torch.Tensor, "to", in_place)
    claim_fails("gpu/to_tensor_vs_module.py", "t.dtype == torch.float32")


def test_tensor_to_returns_the_tensor_itself_when_nothing_changes(monkeypatch):
    real = torch.Tensor.to

    def always_copies(tensor, *args, **kwargs):  # a copy even when nothing changes
        return real(tensor, *args, **kwargs).clone()

    monkeypatch.setattr(torch.Tensor, "to", always_copies)
    claim_fails("gpu/to_tensor_vs_module.py", "is t")


def test_module_to_moves_the_module_itself(monkeypatch):
    real = torch.nn.Module.to

    def copy_to(module, *args, **kwargs):  # a converted copy, as a tensor's .to() gives
        return real(copy.deepcopy(module), *args, **kwargs)

    monkeypatch.setattr(torch.nn.Module, "to", copy_to)
    claim_fails("gpu/to_tensor_vs_module.py", "returned is net")


# the small net on the CPU


def test_small_net_is_the_recorded_computation(monkeypatch):
    real = torch.rand

    def other_stream(*args, **kwargs):  # another random generator, same distribution
        return 1 - real(*args, **kwargs)

    monkeypatch.setattr(torch, "rand", other_stream)
    claim_fails("gpu/small_net_cpu_timing.py", 'recorded["cpu_loss"]')


def test_small_net_trains_in_under_a_second(monkeypatch):
    real = torch.optim.SGD.step

    def slow_step(self, *args, **kwargs):  # a PyTorch that spends 6 ms per step
        time.sleep(0.006)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(torch.optim.SGD, "step", slow_step)
    claim_fails("gpu/small_net_cpu_timing.py", "median_s < 1.0")


def test_recording_times_the_snippets_train():
    """scripts/record_gpu.py times train() as the snippet defines it, not a copy."""
    spec = importlib.util.spec_from_file_location(
        "record_gpu", ROOT / "scripts" / "record_gpu.py"
    )
    record_gpu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(record_gpu)
    text = (SNIPPETS / "gpu" / "small_net_cpu_timing.py").read_text(encoding="utf-8")
    train = next(
        node
        for node in ast.parse(text).body
        if isinstance(node, ast.FunctionDef) and node.name == "train"
    )
    assert ast.get_source_segment(text, train) in record_gpu.TRAIN_SOURCE
    assert record_gpu.train.__code__.co_filename == "<string>"


# the recording: what a PyTorch that behaved otherwise would have recorded


def test_unassigned_tensor_to_stays_on_the_cpu(monkeypatch):
    def moved(data):  # a PyTorch whose tensor .to() moved the tensor itself
        data["tensor_after_to_without_assign"] = "cuda:0"

    altered_recording(monkeypatch, moved)
    claim_fails("gpu/recorded_to_without_assign.py", 'tensor_device == "cpu"')


def test_device_mismatch_message(monkeypatch):
    def other_message(data):  # the wording PyTorch gives for the meta device
        data["device_mismatch_input_error"] = (
            "RuntimeError: Tensor on device cpu is not on the expected device cuda:0!"
        )

    altered_recording(monkeypatch, other_message)
    claim_fails("gpu/recorded_device_mismatch.py", "message.startswith(")


def test_is_available_then_hiding_hides_nothing(monkeypatch):
    def nvml_check(data):  # is_available() without initializing CUDA (NVML-based)
        data["cvd_probes"]["set_after_is_available"]["zeros_device"] = (
            "RuntimeError: No CUDA GPUs are available"
        )

    altered_recording(monkeypatch, nvml_check)
    claim_fails("gpu/recorded_visible_devices.py", 'late["zeros_device"] == "cuda:0"')


def test_hiding_before_cuda_starts_hides_the_gpu(monkeypatch):
    def read_at_import(data):  # a PyTorch that read the variable at `import torch`
        data["cvd_probes"]["set_after_import"].update(
            device_count=1, is_available=True, zeros_device="cuda:0"
        )

    altered_recording(monkeypatch, read_at_import)
    claim_fails("gpu/recorded_visible_devices.py", 'hidden["is_available"]')


def test_network_alone_does_not_make_the_gpu_faster(monkeypatch):
    def faster_gpu(data):  # a GPU with a third of the fixed cost per step
        for row in data["grid_200_epochs_warm"]:
            row["cuda_median_s"] *= 0.3

    altered_recording(monkeypatch, faster_gpu)
    claim_fails("gpu/recorded_timings_grid.py", "ratio(h, 100) < 1")


def test_more_data_alone_barely_changes_the_small_net(monkeypatch):
    def cpu_grows_with_n(data):  # a CPU whose time grows with the data
        for row in data["grid_200_epochs_warm"]:
            if row["hidden"] == 10:
                row["cpu_median_s"] = 0.09 * row["n"] / 100

    altered_recording(monkeypatch, cpu_grows_with_n)
    claim_fails("gpu/recorded_timings_grid.py", "round(min(cpu_row), 2)")


def test_gpu_time_is_a_fixed_cost_per_step(monkeypatch):
    def growing_gpu(data):  # GPU time that grows with the work, as the CPU's does
        for row in data["regression_200_epochs_warm"]:
            row["cuda_median_s"] = row["cpu_median_s"] / 3

    altered_recording(monkeypatch, growing_gpu)
    claim_fails("gpu/recorded_timings_table.py", 'faster == ["cpu", "cpu"')


def test_sweep_grows_network_and_data_together(monkeypatch):
    def fixed_data(data):  # a sweep over the network alone
        for row in data["regression_200_epochs_warm"]:
            row["n"] = 1000

    altered_recording(monkeypatch, fixed_data)
    claim_fails("gpu/recorded_timings_table.py", 'r["n"] == 10 * r["hidden"]')


def test_first_call_pays_the_start_up(monkeypatch):
    def no_cold_start(data):  # a first train() as fast as the second
        for device in ("cpu", "cuda"):
            parts = data[f"one_off_breakdown_{device}"]
            parts["first_train_s"] = parts["second_train_s"]

    altered_recording(monkeypatch, no_cold_start)
    claim_fails("gpu/recorded_one_off.py", 'p["first_train_s"] > 10')
