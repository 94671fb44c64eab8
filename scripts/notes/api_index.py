"""Which PyTorch / torchvision APIs a snippet calls, read from its source (never by hand).

    python scripts/notes/api_index.py snippets/shapes/view_before_linear.py

Calls through an imported name are resolved through the imports (`F.normalize` is
`torch.nn.functional.normalize`) and kept if the object really exists in torch or
torchvision. Method calls count as `torch.Tensor.<name>` when the receiver is known to be a
tensor: a name assigned from a torch call, a module's output, an indexing or an arithmetic
of tensors. A light, flow-insensitive inference, so `array.view()` on a NumPy array is not
taken for `Tensor.view`.
"""

from __future__ import annotations

import ast
import html
import importlib
import re
import sys
from functools import cache
from pathlib import Path

import torch

LIBRARIES = ("torch", "torchvision")
DOCS = {
    "torchvision": "https://docs.pytorch.org/vision/stable/generated/{name}.html",
    "torch": "https://docs.pytorch.org/docs/stable/generated/{name}.html",
}
# Documented on a shared page rather than one of their own.
PAGES = {
    "torch.no_grad": "https://docs.pytorch.org/docs/stable/generated/torch.no_grad.html",
    "torch.utils.data.DataLoader": "https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader",
    "torch.utils.data.Dataset": "https://docs.pytorch.org/docs/stable/data.html#torch.utils.data.Dataset",
    "torch.utils.flop_counter.FlopCounterMode": "https://docs.pytorch.org/docs/stable/torch.html",
} | {
    f"torch.distributed.{name}": f"https://docs.pytorch.org/docs/stable/distributed.html#torch.distributed.{name}"
    for name in ("init_process_group", "destroy_process_group", "is_initialized")
}


@cache
def resolve(dotted: str):
    """The torch/torchvision object a dotted path names, or None."""
    parts = dotted.split(".")
    if parts[0] not in LIBRARIES:
        return None
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        return obj
    return None


def public_name(dotted: str) -> str | None:
    """`dotted` if it is a public, callable torch/torchvision API, else None."""
    if dotted.split(".")[0] not in LIBRARIES or any(
        p.startswith("_") for p in dotted.split(".")
    ):
        return None
    obj = resolve(dotted)
    return dotted if callable(obj) else None


def method_name(cls: type, method: str) -> str | None:
    """Public name of `cls.method` under the class that defines it:
    (nn.Linear, "register_forward_hook") -> "torch.nn.Module.register_forward_hook"."""
    if cls is torch.Tensor:
        return public_name(f"torch.Tensor.{method}")
    for owner in cls.__mro__:
        if method in vars(owner):
            for path in (f"torch.nn.{owner.__name__}", f"torch.optim.{owner.__name__}"):
                if resolve(path) is owner:
                    return public_name(f"{path}.{method}")
            return public_name(f"{owner.__module__}.{owner.__name__}.{method}")
    return None


def doc_url(api: str) -> str:
    if api in PAGES:
        return PAGES[api]
    return DOCS[api.split(".")[0]].format(name=api)


class _Calls(ast.NodeVisitor):
    def __init__(self) -> None:
        self.aliases: dict[
            str, str
        ] = {}  # local name -> dotted path it was imported as
        self.tensors: set[str] = set()  # names known to hold tensors
        self.instances: dict[str, type] = {}  # names holding a torch class instance
        self.classes: dict[str, type] = {}  # classes defined here -> their torch base
        self.apis: set[str] = set()

    # Imports

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                root = alias.name.split(".")[0]
                self.aliases[root] = root

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    # What an expression is

    def dotted(self, node: ast.expr) -> str | None:
        """`F.normalize` -> 'torch.nn.functional.normalize', through the imports."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def is_tensor(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.tensors
        if isinstance(node, ast.Subscript | ast.Starred):
            return self.is_tensor(node.value)
        if isinstance(node, ast.BinOp):
            return self.is_tensor(node.left) or self.is_tensor(node.right)
        if isinstance(node, ast.UnaryOp):
            return self.is_tensor(node.operand)
        if isinstance(node, ast.Attribute):  # x.T, x.grad, x.data
            return node.attr in (
                "T",
                "mT",
                "H",
                "grad",
                "data",
                "real",
                "imag",
            ) and self.is_tensor(node.value)
        if isinstance(node, ast.Call):
            func = node.func
            name = self.dotted(func)
            if (
                name
                and name.split(".")[0] == "torch"
                and not isinstance(resolve(name), type)
            ):
                return True  # torch.rand(...), F.normalize(...)
            cls = self.class_of(func)
            if cls is not None and issubclass(cls, torch.nn.Module):
                return True  # model(x)
            if isinstance(func, ast.Attribute) and self.is_tensor(func.value):
                return True  # x.view(...), x.to(...)
        return False

    def class_of(self, node: ast.expr) -> type | None:
        """The torch class of the instance `node` evaluates to, if known."""
        if isinstance(node, ast.Name):
            return self.instances.get(node.id)
        if not isinstance(node, ast.Call):
            return None
        name = self.dotted(node.func) or ""
        if name.startswith("torchvision.models."):
            return torch.nn.Module  # resnet18(weights=None) and friends
        obj = resolve(name)
        if isinstance(obj, type):
            return obj
        if isinstance(node.func, ast.Name):
            return self.classes.get(node.func.id)  # Net() with class Net(nn.Module)
        return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for base in node.bases:
            obj = resolve(self.dotted(base) or "")
            if isinstance(obj, type):
                self.classes[node.name] = obj
        self.generic_visit(node)

    def bind(self, target: ast.expr, value: ast.expr | None, tensor: bool) -> None:
        if isinstance(target, ast.Name):
            if tensor:
                self.tensors.add(target.id)
            elif value is not None and self.class_of(value) is not None:
                self.instances[target.id] = self.class_of(value)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:  # values, indices = torch.max(...)
                self.bind(element, None, tensor)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self.bind(target, node.value, self.is_tensor(node.value))
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.bind(node.target, node.value, self.is_tensor(node.value))
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self.bind(node.target, None, self.is_tensor(node.iter))
        self.generic_visit(node)

    def visit_withitem(self, node: ast.withitem) -> None:
        if node.optional_vars is not None:
            self.bind(
                node.optional_vars, node.context_expr, self.is_tensor(node.context_expr)
            )
        self.generic_visit(node)

    # Calls

    def visit_Call(self, node: ast.Call) -> None:
        name = self.dotted(node.func)
        api = public_name(name) if name else None
        if api:
            self.apis.add(api)
        elif isinstance(node.func, ast.Attribute):
            method = node.func.attr
            if self.is_tensor(node.func.value):
                owner = torch.Tensor
            else:
                owner = self.class_of(node.func.value)
            api = method_name(owner, method) if owner else None
            if api:
                self.apis.add(api)
        self.generic_visit(node)


def apis_in(source: str) -> set[str]:
    """The public torch/torchvision APIs that `source` calls."""
    tree = ast.parse(source)
    calls = _Calls()
    # Twice: the second pass sees names bound later in the file (loops, functions).
    for _ in range(2):
        calls.apis.clear()
        calls.visit(tree)
    return calls.apis


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(path)
        for api in sorted(apis_in(Path(path).read_text(encoding="utf-8"))):
            print(f"  {api:45} {doc_url(api)}")


# The generated page: every API, the sections that call it, and its documentation.

GROUPS = [  # (prefix, heading), first match wins
    ("torch.Tensor.", "torch.Tensor"),
    ("torch.nn.functional.", "torch.nn.functional"),
    ("torch.nn.", "torch.nn"),
    ("torch.optim.", "torch.optim"),
    ("torchvision.", "torchvision"),
    ("torch.", "torch"),
]


def anchor(api: str) -> str:
    return api


def group_of(api: str) -> str:
    return next(heading for prefix, heading in GROUPS if api.startswith(prefix))


def render_page(text: dict[str, str], uses: dict[str, list[tuple[str, str]]]) -> str:
    """Markdown of the index page. `text`: its sentences in the page's language ("title",
    "description", "intro", "api", "used"); `uses`: api -> [(section label, link from
    this page)]."""
    lines = [
        "---",
        "search:",
        "  exclude: true  # the chapters themselves should answer API searches",
        f"description: {text['description']}",
        "---",
        "",
        f"# {text['title']}",
        "",
        text["intro"].format(count=len(uses)),
    ]
    for _, heading in GROUPS:
        apis = sorted(api for api in uses if group_of(api) == heading)
        if not apis:
            continue
        lines += ["", f"## {heading}", "", '<table class="api-index">']
        lines.append(
            f"<thead><tr><th>{text['api']}</th><th>{text['used']}</th></tr></thead><tbody>"
        )
        for api in apis:
            sections = " · ".join(
                f'<a href="{html.escape(link)}">{html.escape(label)}</a>'
                for label, link in uses[api]
            )
            # A long name may break after a dot or an underscore, and only there:
            # unbroken, the longest (62 characters) made a phone's page 140 px too wide.
            name = re.sub(r"([._])", r"\1<wbr>", api)
            lines.append(
                f'<tr id="{anchor(api)}"><td><a href="{doc_url(api)}"><code>{name}</code></a></td>'
                f"<td>{sections}</td></tr>"
            )
        lines.append("</tbody></table>")
    return "\n".join(lines) + "\n"
