"""Locate an attribute value inside an element's start tag, for fixes."""

from __future__ import annotations

import re

from ...model import Edit


def attr_value_edit(doc, el, attr: str, new_value: str) -> Edit | None:
    """An Edit replacing the value of ``attr`` in ``el``'s start tag, or None if not found."""
    if not el.raw:
        return None
    m = re.search(r"\b" + re.escape(attr) + r"\s*=\s*([\"']?)([^\"'\s>]*)\1", el.raw, re.I)
    if not m:
        return None
    # position of the tag start in the file, then of the value inside it
    start_line, start_col = el.line, el.col
    if doc.line_text(start_line)[start_col - 1 : start_col - 1 + 1] != "<":
        return None
    before = el.raw[: m.start(2)]
    line = start_line + before.count("\n")
    col = (start_col + len(before)) if "\n" not in before else len(before) - before.rfind("\n")
    old = m.group(2)
    if doc.line_text(line)[col - 1 : col - 1 + len(old)] != old:
        return None  # the raw tag does not match the file (entities, odd markup): no fix
    return Edit(line, col, line, col + len(old), new_value)
