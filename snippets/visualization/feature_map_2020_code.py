# --- hidden on the page ---
import matplotlib

# --- shown on the page ---
import matplotlib.pyplot as plt
import torch

matplotlib.use("Agg")  # markdown-exec: hide

torch.manual_seed(0)
outcomes = {}
for batch_size in (1, 2, 3):
    x = torch.rand(batch_size, 16, 6, 6)  # a feature map: N, C, H, W
    # the 2020 line: average over channels, then move N to the end
    item = torch.mean(x, dim=1).detach().cpu().numpy().transpose((1, 2, 0))
    fig, ax = plt.subplots()
    try:
        shown = ax.imshow(item, cmap="jet").get_array().shape
        outcomes[batch_size] = f"{item.shape} -> imshow {shown}"
    except TypeError as error:
        outcomes[batch_size] = f"{item.shape} -> {type(error).__name__}: {error}"
    plt.close(fig)
    print(batch_size, outcomes[batch_size])

assert outcomes[1] == "(6, 6, 1) -> imshow (6, 6)"  # works: a single heat map
assert "TypeError: Invalid shape (6, 6, 2)" in outcomes[2]
assert outcomes[3] == "(6, 6, 3) -> imshow (6, 6, 3)"  # 3 maps read as R, G, B
