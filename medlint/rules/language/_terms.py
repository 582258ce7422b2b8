"""Matching a term list (regex, suggestion, source, exceptions) over the prose of a Document."""

from __future__ import annotations

import re
from functools import lru_cache

from ...rxguard import finder, guarded

PROSE = ("paragraph", "item", "heading", "cell")


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern | None:
    try:
        return guarded(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)  # same matches, faster
    except re.error:
        return None


@lru_cache(maxsize=64)
def _combined(patterns: tuple):
    """One test for the whole list, ``found(text) -> bool``: blocks that match none of the
    terms are skipped fast."""
    ok = [p for p in patterns if _rx(p) is not None]
    if not ok:
        return None
    return finder(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in ok) + r")(?![\w-])", re.I)


_QUOTED = re.compile(r'"[^"\n]{3,400}"|“[^”\n]{3,400}”')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text in quotation marks: a patient's own words ("Some days I felt
    like a victim of my own stomach") are quoted, not the article's wording."""
    if '"' not in text and "“" not in text:
        return []
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def check_terms(doc, ctx, terms, include_disputed: bool, what: str) -> None:
    seen: set[str] = set()
    active = tuple(t["pattern"] for t in terms or [] if isinstance(t, dict) and t.get("pattern")
                   and (include_disputed or not t.get("disputed")))
    any_term = _combined(active)
    if any_term is None:
        return
    for b in doc.flat:
        if b.kind not in PROSE or not b.text or not any_term(b.text):
            continue
        for t in terms or []:
            if not isinstance(t, dict) or not t.get("pattern"):
                continue
            if t.get("disputed") and not include_disputed:
                continue
            key = t["pattern"]
            if key in seen:
                continue
            rx = _rx(key)
            if rx is None:
                continue
            exc = [e for e in (_rx(re.escape(str(x)).replace(r"\ ", r"[\s-]+"))
                               for x in t.get("except") or []) if e is not None]
            spans = [(m.start(), m.end()) for e in exc for m in e.finditer(b.text)]
            spans += quoted_spans(b.text)  # a person's own words are theirs to choose
            for m in rx.finditer(b.text):
                if any(a <= m.start() < z for a, z in spans):
                    continue
                seen.add(key)
                a = b.pos_of(m.start())
                e = b.pos_of(m.end())
                src = t.get("source", "")
                note = f"; {t['note']}" if t.get("note") else ""
                ctx.report(a.line, a.col, f"'{m.group(0)}': {what}; say '{t.get('suggest', '')}'"
                           f" ({src}{note})", end_line=e.line, end_col=e.col)
                break
