"""Markdown passes on a page before it is rendered: the checks that need its text (links
to snippet files, resources from other hosts) and the joining of Chinese lines."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from .languages import SNIPPETS
from .pages import FENCE

# A page links a file under snippets/ (a recording, say) as [text](snippets:gpu/x.json):
# MkDocs leaves such a link alone, the build checks the file and points it at the copy
# published with the site (hooks.py, publish_snippets), from any page and from the
# notebooks.
SNIPPET_LINK = re.compile(r"\]\(snippets:")


def check_snippet_links(markdown: str, where: str) -> None:
    """Raise, naming the line, for a snippets: link to a file that does not exist."""
    for match in re.finditer(r"\]\(snippets:([^)\s]+)\)", markdown):
        if not (SNIPPETS / match[1]).is_file():
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"{where}:{line}: link to snippets/{match[1]}, which does not exist"
            )


# A page loads nothing from another host (privacy, speed in mainland China, offline
# reading): a remote image, script, stylesheet, frame, media or font fails the build here,
# where the line is known, not only in the test suite (tests/test_site.py).
REMOTE = r"""\s*["']?(?:https?:)?//"""
REMOTE_RESOURCE = re.compile(
    rf"!\[[^\]]*\]\({REMOTE}"  # ![alt](https://...)
    rf"|<(?:img|script|link|iframe|source|video|audio|embed|object|track)\b[^>]*?"
    rf"\b(?:src|href|srcset|data|poster)\s*={REMOTE}"
    rf"|@import{REMOTE}|url\({REMOTE}",
    re.IGNORECASE,
)


def check_no_remote_resources(markdown: str, where: str) -> None:
    """Raise, naming the line, for a resource the page would load from another host
    (links to other sites are fine; code blocks are not looked at)."""
    fences = [(m.start(), m.end()) for m in FENCE.finditer(markdown)]
    for match in REMOTE_RESOURCE.finditer(markdown):
        if not any(a <= match.start() < b for a, b in fences):
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"{where}:{line}: loads a resource from another host "
                f"({match[0].strip()}...); pages load nothing from other hosts"
            )


CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
CJK_LINE_BREAK = re.compile(rf"(?<=[{CJK}])\n[ \t]*(?=[{CJK}])")


def join_cjk_lines(markdown: str) -> str:
    """Drop line breaks between two Chinese characters outside code: browsers show a
    soft line break as a space, which is wrong between Chinese characters."""
    parts, start = [], 0
    for match in FENCE.finditer(markdown):
        parts.append(CJK_LINE_BREAK.sub("", markdown[start : match.start()]))
        parts.append(match[0])
        start = match.end()
    parts.append(CJK_LINE_BREAK.sub("", markdown[start:]))
    return "".join(parts)
