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
