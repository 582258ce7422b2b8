"""Helpers shared by the safety rules: compiled pattern lists and prose-block neighbourhoods."""

from __future__ import annotations

from functools import lru_cache

from ...rxguard import any_finder, compile_all, compile_one  # noqa: F401 (the rules' import)

PROSE = ("paragraph", "item", "heading", "cell")


@lru_cache(maxsize=512)
def combined_finder(rxs: tuple):
    """``found(text) -> bool``: whether any of ``rxs`` occurs in ``text``, in one joined,
    case-folded search (``rxguard.any_finder``); ``None`` when they cannot be joined
    (different flags, back-references or inline flags)."""
    if not rxs or len({r.flags for r in rxs}) != 1:
        return None
    return any_finder(tuple(r.pattern for r in rxs), rxs[0].flags)


def any_match(rxs, text: str) -> bool:
    if len(rxs) > 1:
        found = combined_finder(tuple(rxs))
        if found is not None:
            return found(text)
    return any(r.search(text) for r in rxs)


def prose_blocks(doc) -> list:
    return [b for b in doc.flat if b.kind in PROSE and b.text.strip()]


def lead_in(doc, block):
    """For a list item: the prose block just before its (outermost) list, if any."""
    if block.kind != "item":
        return None
    lst = block.parent
    while lst is not None and lst.parent is not None and lst.parent.kind in ("item", "list"):
        lst = lst.parent
    if lst is None:
        return None
    flat = doc.flat
    idx = next((i for i, b in enumerate(flat) if b is lst), None)
    if idx is None:
        return None
    for j in range(idx - 1, -1, -1):
        b = flat[j]
        if b.kind in PROSE and b.text.strip():
            return b
        if b.kind not in ("image", "embed", "hr", "list"):
            return None
    return None
