"""The version matrix on the pages: under each executed block, on which PyTorch releases
its checks hold, expanding (a <details>, no script) to each release's result with the
real message or how its output differs; and the page of what changed across releases.

It reads the recordings of scripts/versions.py (snippets/versions/torch-<release>.json),
never runs anything. An entry whose content key is not the snippet's (the snippet or a
data file beside it changed since) is stale: never shown as a result. A block whose
pinned release's entry is stale says it was checked on this build's release only.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import html
import json
import re

import versions  # scripts/versions.py: the releases, the recordings and their keys

from .languages import SNIPPETS
from .pages import FENCE
from .strings import text

RECORDINGS = versions.RECORDINGS
PINNED = versions.PINNED  # the build's own release, the reference
SYMBOLS = {"passed": "✓", "assertion failed": "✗", "raised": "✗", "not run": "–"}
MAX_DIFF_LINES = 24
MAX_OUTPUT = versions.MAX_OUTPUT  # characters kept of an output; longer is a figure
ENVIRONMENT = versions.ENVIRONMENT


def short(release: str) -> str:
    """'2.5.1' -> '2.5' (the site's releases are one per minor version)."""
    return ".".join(release.split(".")[:2])


@functools.cache
def recordings() -> dict[str, dict]:
    """release -> its recording, oldest release first."""
    found = {}
    for path in RECORDINGS.glob("torch-*.json"):
        recording = json.loads(path.read_text(encoding="utf-8"))
        found[recording["torch"]] = recording
    return dict(sorted(found.items(), key=lambda item: versions.version(item[0])))


@functools.cache  # per build: hooks.py clears it with recordings()
def fingerprint() -> str:
    """A digest of every recording: what the lines under the blocks are made of."""
    digest = hashlib.sha256()
    for path in sorted(RECORDINGS.glob("torch-*.json")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@functools.cache  # per build, like fingerprint()
def content_key(snippet: str) -> str:
    """As scripts/versions.py keys an entry: the snippet and the files beside it."""
    return versions.content_key(SNIPPETS / snippet)


def results(snippet: str) -> dict[str, dict]:
    """release -> the snippet's fresh entry there (stale and missing ones left out)."""
    key = content_key(snippet)
    return {
        release: entry
        for release, recording in recordings().items()
        if (entry := recording["snippets"].get(snippet)) and entry["key"] == key
    }


def _same_output(entry: dict, pinned: dict) -> bool:
    return entry["output_sha256"] == pinned["output_sha256"]


def _symbol(entry: dict, pinned: dict, snippet: str) -> str:
    """✓, ✗ or –, and ✓≠ for a pass with another output (not for ENVIRONMENT)."""
    symbol = SYMBOLS[entry["status"]]
    other = not _same_output(entry, pinned) and snippet not in ENVIRONMENT
    return symbol + "≠" if symbol == "✓" and other else symbol


def _ranges(marks: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """[(release, symbol)] in release order -> [(symbol, first, last)] of the runs."""
    runs: list[tuple[str, str, str]] = []
    for release, symbol in marks:
        if runs and runs[-1][0] == symbol:
            runs[-1] = (symbol, runs[-1][1], release)
        else:
            runs.append((symbol, release, release))
    return runs


def summary(snippet: str, language: str) -> str | None:
    """'✓ PyTorch 1.13–2.15', '✓ 2.6–2.15 · ✗ 1.13–2.5', ...; None if the pinned
    release's entry is stale or missing (the block is checked on this build only)."""
    fresh = results(snippet)
    pinned = fresh.get(PINNED)
    if pinned is None:
        return None
    runs = _ranges([(r, _symbol(e, pinned, snippet)) for r, e in fresh.items()])
    runs.sort(key=lambda run: (run[0] != "✓", versions.version(run[1])))
    parts = []
    for symbol, first, last in runs:
        span = short(first) if first == last else f"{short(first)}–{short(last)}"
        if symbol == "✓≠":
            parts.append(text("versions output differs", language, span=span))
        else:
            parts.append(f"{symbol} {span}")
    return "PyTorch " + " · ".join(parts)


def _output(entry: dict, pinned: dict, built: str) -> str | None:
    """What the release printed: recorded where it differs from the pinned release,
    else this build's output (which prints what the pinned release printed)."""
    if "output" in entry:
        return entry["output"]
    return built if _same_output(entry, pinned) else None


def _diff(old: str, new: str, old_name: str, new_name: str) -> str:
    lines = list(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), old_name, new_name, lineterm="", n=1
        )
    )
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], "…"]
    return "\n".join(lines)


def details(snippet: str, built: str, language: str) -> str:
    """The line under a block: its summary, expanding to each release's result."""
    summary_text = summary(snippet, language)
    if summary_text is None:
        import torch

        return (
            '<p class="exec-versions">'
            + text("versions this build only", language, release=torch.__version__)
            + "</p>"
        )
    fresh = results(snippet)
    pinned = fresh[PINNED]
    marks = " · ".join(
        f"{release} {_symbol(e, pinned, snippet)}" for release, e in fresh.items()
    )
    body = [f"<p>{marks}</p>"]
    for releases, entry in _runs(fresh):
        span = releases[0] if len(releases) == 1 else f"{releases[0]}–{releases[-1]}"
        if entry["status"] != "passed":
            status = text(f"versions {entry['status']}", language)
            if entry["status"] == "not run":  # our reason, not an error message
                body.append(
                    f"<p>{span}: {text('versions no torchvision', language)}</p>"
                )
                continue
            message = html.escape(entry.get("message", ""))
            body.append(f"<p>{span}: {status} <code>{message}</code></p>")
        elif not _same_output(entry, pinned) and snippet not in ENVIRONMENT:
            output = entry.get("output")
            if output is None:  # a figure, or an output too long to keep
                body.append(
                    f"<p>{span}: {text('versions output not kept', language)}</p>"
                )
            else:
                diff = html.escape(_diff(built, output, PINNED, releases[0]))
                body.append(f"<p>{span}:</p><pre><code>{diff}</code></pre>")
    return (
        f'<details class="exec-versions"><summary>{html.escape(summary_text)}</summary>'
        + "".join(body)
        + "</details>"
    )


def _same(one: dict, other: dict) -> bool:
    """The same result: status, message and output."""
    fields = ("status", "message", "output_sha256")
    return all(one.get(field) == other.get(field) for field in fields)


def _runs(fresh: dict[str, dict]) -> list[tuple[list[str], dict]]:
    """Consecutive releases with the same result, as ([releases], their entry)."""
    runs: list[tuple[list[str], dict]] = []
    for release, entry in fresh.items():
        if runs and _same(runs[-1][1], entry):
            runs[-1][0].append(release)
        else:
            runs.append(([release], entry))
    return runs


def changes(snippet: str) -> list[tuple[str, dict, str, dict]]:
    """Where the snippet's result changes between two consecutive releases with fresh
    entries: [(old release, its entry, new release, its entry)]."""
    fresh = list(results(snippet).items())
    return [
        (old, before, new, after)
        for (old, before), (new, after) in zip(fresh, fresh[1:])
        if not _same(before, after)
        and "not run" not in (before["status"], after["status"])  # no torchvision
    ]


def result_html(entry: dict, output: str | None, language: str) -> str:
    """A release's result for the changes page: its status, message and `output` (its
    lines escaped and marked by marked_lines, or None when the output is not kept)."""
    status = (
        text(f"versions {entry['status']}", language)
        if entry["status"] != "passed"
        else "✓"
    )
    parts = [f"<p>{status}</p>"]
    if entry.get("message"):
        parts.append(f"<p><code>{html.escape(entry['message'])}</code></p>")
    if output is None:
        parts.append(f"<p>{text('versions output not kept', language)}</p>")
    elif output.strip():
        parts.append(f"<pre><code>{output}</code></pre>")
    return "".join(parts)


def _shown(output: str | None) -> str | None:
    """An output as the changes page shows it, or None: figures (SVG) and long outputs
    are named, not printed."""
    if output is None or len(output) > MAX_OUTPUT or output.lstrip().startswith("<"):
        return None
    return output.rstrip()


def marked_lines(old: str, new: str) -> tuple[str, str]:
    """Two outputs as HTML, each line escaped; the lines only the old one has in <del>,
    those only the new one has in <ins>, so a reader sees at once what changed."""
    before, after = old.split("\n"), new.split("\n")
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for line in before[i1:i2]:
            line = html.escape(line)
            old_html.append(line if op == "equal" else f"<del>{line}</del>")
        for line in after[j1:j2]:
            line = html.escape(line)
            new_html.append(line if op == "equal" else f"<ins>{line}</ins>")
    return "\n".join(old_html), "\n".join(new_html)


def _outputs_html(
    before: dict, after: dict, pinned: dict, built: str
) -> tuple[str | None, str | None]:
    """The two outputs of a change as HTML; the changed lines marked when both are
    printed."""
    old = _shown(_output(before, pinned, built))
    new = _shown(_output(after, pinned, built))
    if old and new:
        return marked_lines(old, new)
    return tuple(None if o is None else html.escape(o) for o in (old, new))


def grouped_changes(snippets) -> dict[str, list[tuple[str, str, dict, str, dict]]]:
    """First release with a new behavior -> [(snippet, old release, its entry, that
    release, its entry)], oldest release first: what the changes page lists."""
    groups: dict[str, list] = {}
    for snippet in sorted(snippets):
        if PINNED not in results(snippet) or snippet in ENVIRONMENT:
            continue
        for old, before, new, after in changes(snippet):
            groups.setdefault(new, []).append((snippet, old, before, new, after))
    return dict(sorted(groups.items(), key=lambda item: versions.version(item[0])))


# Besides torch and torchvision, what the snippets import: when one of these differs
# between two recordings, a change between them may be theirs (NumPy 2 redraws figures).
OTHERS = ("numpy", "sympy", "pillow", "matplotlib")


def other_packages(old: str, new: str) -> list[str]:
    """['NumPy 1.26.4 → 2.4.6', ...]: the other packages that differ between the
    recordings of two releases."""

    def packages(release: str) -> dict[str, str]:
        pins = (p.partition("==") for p in recordings()[release].get("packages", []))
        return {name.lower(): pin for name, _, pin in pins if name.lower() in OTHERS}

    before, after = packages(old), packages(new)
    return [
        f"{name} {before[name]} → {after[name]}"
        for name in OTHERS
        if name in before and name in after and before[name] != after[name]
    ]


def anchor(release: str) -> str:
    """The changes page's section of a release: '2.6.0' -> 'torch-2-6'."""
    return "torch-" + short(release).replace(".", "-")


def changes_page(
    language: str, places: dict[str, tuple[str, str]], built: dict[str, str]
) -> str:
    """Markdown of "What changed across releases". `places`: snippet -> (its section's
    name, its .md link); `built`: snippet -> what it printed in this build."""
    groups = grouped_changes(places)
    lines = [
        "---",
        f"description: {text('changes description', language)}",
        "---",
        "",
        f"# {text('changes title', language)}",
        "",
        text(
            "changes intro",
            language,
            releases=", ".join(recordings()),
            count=sum(map(len, groups.values())),
        ),
        "",
    ]
    for release, found in groups.items():
        lines += [f"## PyTorch {short(release)} {{#{anchor(release)}}}", ""]
        for snippet, old, before, new, after in found:
            name, link = places[snippet]
            pinned = results(snippet)[PINNED]
            old_out, new_out = _outputs_html(before, after, pinned, built[snippet])
            old_html = result_html(before, old_out, language)
            new_html = result_html(after, new_out, language)
            lines += [f"[{name}]({link}) · `snippets/{snippet}`", ""]
            if others := other_packages(old, new):
                also = text(
                    "changes other packages", language, packages=", ".join(others)
                )
                lines += [also, ""]
            lines += [
                '<div class="notes-table"><table class="versions-change"><thead><tr>'
                f"<th>PyTorch {old}</th><th>PyTorch {new}</th></tr></thead><tbody><tr>"
                f"<td>{old_html}</td><td>{new_html}</td></tr></tbody></table></div>",
                "",
            ]
    return "\n".join(lines)


# Version facts in the prose: "更新：PyTorch 2.6", "从 PyTorch 2.0 起", "since 2.6",
# "removed in PyTorch 1.13", ... (not in code, not in link targets).
DATED = [
    re.compile(pattern)
    for pattern in (
        r"更新[：（]PyTorch (\d+\.\d+)",
        r"(?:PyTorch |从 ?)(\d+\.\d+) ?起",
        r"(?:PyTorch )?(\d+\.\d+) 之前",
        r"Changed in PyTorch (\d+\.\d+)",
        r"[Ss]ince (?:PyTorch )?(\d+\.\d+)",
        r"from PyTorch (\d+\.\d+) on",
        r"(?:added|removed|deprecated) in (?:PyTorch )?(\d+\.\d+)",
        r"[Bb]efore (?:PyTorch )?(\d+\.\d+)",
    )
]
CODE_OR_LINK_TARGET = re.compile(r"`[^`\n]*`|\]\([^)]*\)")


def _minor(release: str) -> tuple[int, ...]:
    """'2.5.1' -> (2, 5): version facts name a minor version."""
    return versions.version(release)[:2]


def dated_facts(text: str) -> list[tuple[int, str]]:
    """(line, "X.Y") of every version fact in a page's prose."""
    fences = [(m.start(), m.end()) for m in FENCE.finditer(text)]
    found = set()
    for pattern in DATED:
        for match in pattern.finditer(text):
            start = match.start()
            line_start = text.rfind("\n", 0, start) + 1
            prefix = CODE_OR_LINK_TARGET.sub(
                lambda m: "\0" * len(m[0]), text[line_start : match.end()]
            )
            if "\0" in prefix[start - line_start :] or any(
                a <= start < b for a, b in fences
            ):
                continue
            found.add((text.count("\n", 0, start) + 1, match[1]))
    return sorted(found)


def check_dates(page, text: str, where: str) -> list[str]:
    """The version facts of a page that the recordings contradict: where they span X.Y,
    none of the snippets of the fact's section (of the page, for a section without
    any) changes its result between the last recorded release before X.Y and the first
    one at or after it. Returns the problems, naming the line."""
    releases = list(recordings())
    if not releases:
        return []
    oldest = _minor(releases[0])
    problems = []
    for line, version in dated_facts(text):
        if _minor(version) <= oldest:
            continue  # older than every recording: cited, not checked
        above = [s for s in page.sections if s.line <= line]
        snippets = (
            above[-1].snippets
            if above and above[-1].snippets
            else [b.snippet for b in page.blocks]
        )
        spans = [(old, new) for s in snippets for old, _, new, _ in changes(s)]
        if not any(_minor(old) < _minor(version) <= _minor(new) for old, new in spans):
            problems.append(
                f"{where}:{line}: says PyTorch {version}, but no snippet of its section "
                f"changes its result there in the recordings (snippets/versions/); "
                f"their changes: {spans or 'none'}"
            )
    return problems


def coverage(snippets) -> tuple[int, int]:
    """(how many of `snippets` have a fresh entry in every recording, how many)."""
    snippets = set(snippets)
    fresh = sum(len(results(s)) == len(recordings()) for s in snippets)
    return fresh, len(snippets)
