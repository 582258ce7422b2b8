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


# front-matter fields that readers see (the page title, the search-result description)
_FM_FIELDS = ("title", "description", "summary", "subtitle", "excerpt")


def check_terms(doc, ctx, terms, include_disputed: bool, what: str) -> None:
    """Report each term once in each place a reader meets it: the front matter's title and
    description, the article's title (its first-level heading, or a scraped text's first
    line), its section headings and the rest of the article."""
    active = tuple(t["pattern"] for t in terms or [] if isinstance(t, dict) and t.get("pattern")
                   and (include_disputed or not t.get("disputed")))
    any_term = _combined(active)
    if any_term is None:
        return
    terms = [t for t in terms or [] if isinstance(t, dict) and t.get("pattern")
             and (include_disputed or not t.get("disputed"))]
    seen: dict[str, set] = {"front matter": set(), "title": set(), "headings": set(),
                            "body": set()}
    fm = doc.front_matter
    if fm is not None:
        for name in _FM_FIELDS:
            k = fm.top(name)
            if k is None or not isinstance(k.value, str) or not any_term(k.value):
                continue
            line = doc.lines[k.value_line - 1] if 0 < k.value_line <= len(doc.lines) else ""
            quoted = line[k.value_col - 1:k.value_col] in ("'", '"')
            # positions inside a one-line value; a folded value is reported where it starts
            plain = "\n" not in k.value and line[k.value_col - 1 + quoted:].startswith(k.value)

            def at(i, k=k, quoted=quoted, plain=plain):
                return (k.value_line, k.value_col + quoted + i) if plain else \
                    (k.value_line, k.value_col)

            _scan(k.value, terms, seen["front matter"], at, ctx, what)
    first = doc.blocks[0] if doc.format == "text" and doc.blocks else None
    for b in doc.flat:
        if b.kind not in PROSE or not b.text or not any_term(b.text):
            continue
        # the section headings are a place of their own: a reader scans them (and a table of
        # contents repeats them) apart from the text under them
        place = "title" if b is first or b.kind == "heading" and b.level == 1 else \
            "headings" if b.kind == "heading" else "body"
        _scan(b.text, terms, seen[place],
              lambda i, b=b: tuple(b.pos_of(i)), ctx, what)


def _scan(text: str, terms: list, seen: set, at, ctx, what: str) -> None:
    """Report in ``text`` the first match of each term not in ``seen`` (and add it there);
    ``at(offset)`` is the (line, column) of an offset of the text."""
    for t in terms:
        key = t["pattern"]
        if key in seen:
            continue
        rx = _rx(key)
        if rx is None:
            continue
        exc = [e for e in (_rx(re.escape(str(x)).replace(r"\ ", r"[\s-]+"))
                           for x in t.get("except") or []) if e is not None]
        spans = [(m.start(), m.end()) for e in exc for m in e.finditer(text)]
        spans += quoted_spans(text)  # a person's own words are theirs to choose
        for m in rx.finditer(text):
            if any(a <= m.start() < z for a, z in spans):
                continue
            seen.add(key)
            (a_line, a_col), (e_line, e_col) = at(m.start()), at(m.end())
            src = t.get("source", "")
            note = f"; {t['note']}" if t.get("note") else ""
            ctx.report(a_line, a_col, f"'{m.group(0)}': {what}; say '{t.get('suggest', '')}'"
                       f" ({src}{note})", end_line=e_line, end_col=e_col)
            break
