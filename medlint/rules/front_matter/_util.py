"""Helpers shared by the front-matter rules."""

from __future__ import annotations


def is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set)):
        return all(is_empty(v) for v in value) if isinstance(value, (list, tuple)) else not value
    return False


def key_matches(key, names) -> bool:
    """Does an FMKey's dotted path (list indexes skipped) match one of ``names``?"""
    dotted = ".".join(str(p).lower() for p in key.path if not isinstance(p, int))
    return dotted in {n.lower() for n in names}


def line_end(doc, line: int) -> int:
    return len(doc.line_text(line)) + 1
