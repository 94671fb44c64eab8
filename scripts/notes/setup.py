"""A build's setup, once its config is loaded: reproducible dates, the notebook cache's
folder, executed python fences through fences.format_snippet, and the theme's templates
compiled once per process."""

from __future__ import annotations

import hashlib
import os
import subprocess
from importlib.metadata import version

import jinja2
from mkdocs.plugins import get_plugin_logger

from .fences import format_snippet
from .languages import ROOT, language_of

log = get_plugin_logger("notes")

# The packages that turn a notebook into HTML: a new version renders anew.
RENDERERS = ("mkdocs-jupyter", "nbconvert", "pygments", "jupytext", "mistune")


def pin_source_date() -> None:
    """Dates in the site (footer, sitemap, sitemap.xml.gz header) come from
    SOURCE_DATE_EPOCH, which MkDocs honours too; unset, it is the last commit's time, so
    two builds of one commit are byte-identical whenever they run."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if commit:
        os.environ["SOURCE_DATE_EPOCH"] = commit
    else:
        log.info("not a git checkout and no SOURCE_DATE_EPOCH: dates are today's")


def key_the_notebook_cache(config) -> None:
    """mkdocs-jupyter keys its cache by the notebook and its own options, and deletes
    what a build did not use: one folder per language (the two builds would delete each
    other's) and per version of the renderers (its key has no versions)."""
    plugin = config.plugins["mkdocs-jupyter"]
    versions = " ".join(f"{name}=={version(name)}" for name in RENDERERS)
    digest = hashlib.sha256(versions.encode()).hexdigest()[:12]
    folder = ROOT / ".cache" / "jupyter" / f"{language_of(config)}-{digest}"
    plugin.config["cache_dir"] = str(folder)


def run_python_fences(config) -> None:
    for fence in config.mdx_configs["pymdownx.superfences"]["custom_fences"]:
        if fence["name"] in ("python", "py"):
            fence["format"] = format_snippet


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: each build (each language, each
    rebuild under mkdocs serve) has a new Jinja environment that would compile them all
    again (about 1 s). Jinja keys each entry by the template's name and source."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def reuse_compiled_templates(env) -> None:
    env.bytecode_cache = COMPILED_TEMPLATES
