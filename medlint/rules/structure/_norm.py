"""Text normalisation shared by the structure rules."""

from __future__ import annotations

import re

_NON = re.compile(r"[^\w]+")


def norm(text: str) -> str:
    """Lower case, punctuation and markup removed, spaces collapsed."""
    return " ".join(_NON.sub(" ", text.lower().replace("’", "'")).split())


def short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def is_navigation(doc, h) -> bool:
    """A heading made of links (a scraped menu, a card title): navigation, not a section."""
    t = norm(h.text)
    if not t:
        return False
    if not doc.links:
        return False
    linked = sum(len(norm(e.text)) for e in doc.links
                 if h.line <= e.line <= max(h.end_line, h.line))
    return linked >= 0.8 * len(t)
