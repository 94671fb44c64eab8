"""The page footer: the environment that produced the outputs, the source's date, and
the links between a chapter and its notebook. Out of the search index."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

from mkdocs.utils import get_relative_url

from .generated import notebook_of
from .strings import text


def build_environment() -> str:
    import torch

    device = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "CPU"
    return (
        f"PyTorch {torch.__version__} · Python {platform.python_version()} · {device}"
    )


def build_date() -> str:
    """SOURCE_DATE_EPOCH (the last commit's time unless set), else today (UTC)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def page_footer(page, language: str) -> str:
    parts = [text("footer", language, env=build_environment(), date=build_date())]
    notebook = notebook_of.get(language, {}).get(page.file.src_uri)
    if notebook:
        view = get_relative_url(notebook.removesuffix(".ipynb") + "/", page.url)
        file = f"{view}{Path(notebook).name}"
        parts.append(text("notebook links", language, view=view, file=file))
    elif page.file.src_uri.endswith(".ipynb"):
        chapter = get_relative_url(Path(page.file.src_uri).stem + "/", page.url)
        name = Path(page.file.src_uri).name
        parts.append(text("back to page", language, page=chapter, file=name))
    # data-search-exclude: the footer is the same on every page, not a search answer
    return (
        '<aside class="page-env" data-search-exclude>' + "<br>".join(parts) + "</aside>"
    )
