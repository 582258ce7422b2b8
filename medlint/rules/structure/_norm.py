"""Text normalisation shared by the structure rules."""

from __future__ import annotations

from ...sentences import normalise as norm


def short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


_LAST: list = [None, None]  # (document, {line: its link texts}) of the last document


def _links_by_line(doc) -> dict:
    if _LAST[0] is not doc:
        idx: dict = {}
        for e in doc.links:
            idx.setdefault(e.line, []).append(e.text)
        _LAST[0], _LAST[1] = doc, idx
    return _LAST[1]


def is_navigation(doc, h) -> bool:
    """A heading or paragraph made of links (a scraped menu, a card title): navigation."""
    if not doc.links:
        return False
    t = norm(h.text)
    if not t:
        return False
    idx = _links_by_line(doc)  # only the links on the block's lines are normalised
    linked = sum(len(norm(x)) for ln in range(h.line, max(h.end_line, h.line) + 1)
                 for x in idx.get(ln, ()))
    return linked >= 0.8 * len(t)


def doubled(text: str, min_chars: int = 40) -> str:
    """The text's first copy when the whole text is one text written twice in a row ("... urinary
    issues.BV can lead to ... urinary issues."; a copy-paste or crawl glitch), else ''.
    Spacing is ignored; the copies may be joined with or without a space."""
    t = " ".join(text.split())
    n = len(t)
    if n < 2 * min_chars:
        return ""
    for k in (n // 2, (n + 1) // 2):
        a = t[:k].rstrip()
        if a == t[k:].lstrip():
            return a
    return ""
