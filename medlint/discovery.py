"""Which files a run lints: explicit files always, folders recursively by include rules."""

from __future__ import annotations

import os

from .parsing.html import looks_like_html_page
from .reading import HTML_EXT, MARKDOWN_EXT, TEXT_EXT

INCLUDE_EXT = MARKDOWN_EXT | HTML_EXT | TEXT_EXT


def _sniff_html(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536).replace(b"\x00", b"")[:4096]
    except OSError:
        return False
    return looks_like_html_page(head.decode("utf-8", errors="replace"))


def wanted(path: str) -> bool:
    """Files found in folders: known article extensions, or HTML pages saved without one."""
    name = os.path.basename(path)
    if name.startswith("."):
        return False
    ext = os.path.splitext(name)[1].lower()
    if ext in INCLUDE_EXT:
        return True
    # crawled pages are often saved under their URL: no extension or a nonsense one
    if not ext or len(ext) > 6 or "%" in ext or not ext[1:].isalnum():
        return _sniff_html(path)
    return False


def expand(paths, is_excluded, force_exclude: bool = False):
    """Yield (path, None) for each file to lint, or (path, error) for a path that is missing."""
    seen = set()
    for p in paths:
        if p == "-":
            yield p, None
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not is_excluded(os.path.join(root, d)))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if full in seen or is_excluded(full) or not wanted(full):
                        continue
                    seen.add(full)
                    yield full, None
        elif os.path.exists(p):
            if force_exclude and is_excluded(p):
                continue
            if p not in seen:
                seen.add(p)
                yield p, None
        else:
            yield p, "no such file or directory"
