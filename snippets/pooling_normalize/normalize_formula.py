import itertools  # markdown-exec: hide
import math  # markdown-exec: hide

import sympy as sp
import torch
import torch.nn.functional as F

v = sp.IndexedBase("v")
i = sp.Idx("i")
j, n = sp.symbols("j n", integer=True, positive=True)
p = sp.Symbol("p")  # no assumptions: p = oo must stay a separate case
epsilon = sp.Symbol("epsilon", positive=True)
norm = sp.Symbol(r"\lVert v \rVert_p")
# --- hidden on the page ---


class MaxAbs(sp.Function):
    """max_i |v_i|, the p -> oo limit of the p-norm (sympy has no max over i)."""

    def _latex(self, printer):
        return r"\max_{i} " + printer._print(sp.Abs(v[i]))


# --- shown on the page ---

# Each formula is written once; the page prints it and the sweep checks it.
NORM = sp.Piecewise(
    (MaxAbs(v), sp.Eq(p, sp.oo)),  # max_i |v_i|
    (sp.Sum(sp.Abs(v[i]) ** p, (i, 1, n)) ** (1 / p), True),
)
NORMALIZE = v[j] / sp.Max(norm, epsilon)

# Worked example: the 2020 notes' v = (1, 2, 3), p = 2
length = NORM.subs({p: 2, n: 3}).doit().subs({v[1]: 1, v[2]: 2, v[3]: 3})
x = torch.tensor([1.0, 2.0, 3.0])
out = F.normalize(x, dim=0)
assert length == sp.sqrt(14)
assert torch.allclose(out, x / float(length))
# --- hidden on the page ---


class OneBased:
    """v[1] .. v[n] of the formula: slices of an array along the reduced axis."""

    def __init__(self, array):
        self.array = array

    def __getitem__(self, index):
        return self.array[index - 1]


def max_abs(vector):
    return abs(vector.array).amax(dim=0)


def check(normalize=NORMALIZE, norm_formula=NORM):
    """Compare the formula with F.normalize case by case; return the count."""
    formula = sp.lambdify(
        (v, j, n, p, epsilon),
        normalize.subs(norm, norm_formula),
        [{"MaxAbs": max_abs, "max": torch.maximum}, "math"],
    )
    generator = torch.Generator().manual_seed(0)
    cases = vectors = 0
    for shape in [(5,), (3, 4), (2, 3, 4), (2, 1, 3, 2)]:
        data = {
            "randn": torch.randn(shape, generator=generator, dtype=torch.float64),
            "zeros": torch.zeros(shape, dtype=torch.float64),
            "tiny": 1e-14 * torch.rand(shape, generator=generator, dtype=torch.float64),
        }
        for (kind, x), dim, power, eps in itertools.product(
            data.items(),
            range(-len(shape), len(shape)),
            (1, 2, 3, math.inf),
            (1e-12, 0.5),
        ):
            got = F.normalize(x, p=power, dim=dim, eps=eps)
            axis_first = OneBased(x.movedim(dim, 0))
            length = x.shape[dim]
            expected = torch.stack(
                [
                    formula(
                        axis_first, k, length, power, torch.tensor(eps, dtype=x.dtype)
                    )
                    for k in range(1, length + 1)
                ]
            ).movedim(0, dim)
            assert torch.allclose(got, expected, rtol=1e-12, atol=0), (
                f"shape={shape}, {kind}, dim={dim}, p={power}, eps={eps}:"
                f" F.normalize {got.flatten().tolist()}"
                f" formula {expected.flatten().tolist()}"
            )
            cases += 1
            vectors += x.numel() // length
    return cases, vectors


# --- shown on the page ---

cases, vectors = check()  # shapes, dims, p, eps: against F.normalize (see the file)
assert cases == 480
# --- hidden on the page ---
print(f"$$\\hat{{v}}_j = {sp.latex(NORMALIZE)}$$\n")
print(f"$${sp.latex(norm)} = {sp.latex(NORM)}$$\n")
values = ", ".join(f"{value:.4f}" for value in out.tolist())
print(
    f"$$\\lVert (1, 2, 3) \\rVert_2 = {sp.latex(length)}, \\quad"
    f" \\hat{{v}} = ({values})$$\n"
)
COUNTS = {  # the site keeps the page's language and drops the other one
    "zh": "`F.normalize`：共 {} 种情形，{} 个向量",
    "en": "`F.normalize`: {} cases, {} vectors",
}
for language, counts in COUNTS.items():
    print(f'<div class="notes-lang" lang="{language}" markdown>\n')
    print(f"{counts.format(cases, vectors)}\n\n</div>\n")
# --- shown on the page ---
