import datetime as _dt
import re

from ...model import Severity
from .._lookalike import lookalike
from ..base import Rule
from ._util import is_empty, key_matches

_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M",
    "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
    "%B %Y", "%Y-%m", "%Y", "%a, %d %b %Y %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S.%f%z",
)


def parses_as_date(value) -> bool:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return True
    if isinstance(value, int) and 1900 <= value <= 2200:
        return True
    if not isinstance(value, str):
        return False
    s = value.strip()
    try:
        _dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return True
    except ValueError:
        pass
    s2 = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    s2 = re.sub(r"\s+[A-Z]{3,4}$", "", s2)  # trailing zone names like UTC, EST
    for fmt in _FORMATS:
        try:
            _dt.datetime.strptime(s2, fmt)
            return True
        except ValueError:
            continue
    return False


class FrontMatterWrongType(Rule):
    code = "FM005"
    name = "front-matter-wrong-type"
    category = "front-matter"
    severity = Severity.WARNING
    summary = "A front-matter value has the wrong type: a date that is not a date, a list as text."
    what = """
    A date field (date, lastmod, last_reviewed, next_review, ...) whose value is not a date in
    any common format; a list field (tags, categories, keywords, aliases, images, authors)
    given a single string or a mapping; a boolean flag (draft, toc, ...) given text such as
    "no"; an integer field (`weight`) given a quoted number; a taxonomy given as a
    comma-separated string (Jekyll accepts a space-separated one). Empty values are left to
    front-matter-empty-field. A date written with look-alike
    hyphens ("2025‑11‑10" with U+2011, as text generators write it) is named as such; when the
    front matter does not load (front-matter-invalid), its top-level "date: value" lines are
    still checked one by one.
    """
    why = """
    Generators read a malformed date as the zero date or fail; currency can then not be shown
    to readers. A taxonomy given as a string becomes one odd term or is dropped; a quoted
    "false" is true.
    """
    standard = ("JAMA benchmark 'currency' (dates must be real dates); Hugo front-matter "
                "documentation (field types, date formats); YAML 1.2 core schema.")
    cite = "JAMA benchmarks: currency"
    pack = "front-matter.yaml"
    options = {"date_fields": [], "list_fields": [], "string_lists_ok": [], "int_fields": [],
               "bool_fields": []}
    bad = """---
title: Knee twitching
date: last Tuesday
keywords: knee, twitching
draft: "no"
---

Body text.
"""
    good = """---
title: Knee twitching
date: 2024-03-02
keywords: [knee, twitching]
draft: false
---

Body text.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None:
            return
        o = ctx.options
        if fm.unreadable:
            # YAML that does not load (FM001 reports it): its top-level "date: value" lines
            # one by one, for a date that is not one ("2025‑11‑10" with U+2011 hyphens)
            fields = {str(f).lower() for f in o.get("date_fields") or []}
            for line, indent, key, v, col in fm.raw_pairs:
                if indent == 0 and key.lower() in fields and not parses_as_date(v):
                    ctx.report(line, col, f"'{key}' should be a date (like 2024-03-02) but "
                               f"is {v!r}{_lookalike(v)}; readers and the site cannot tell "
                               "when the article was written or reviewed", end_col=col + len(v))
            return
        lists_ok = {s.lower() for s in o.get("string_lists_ok") or []}
        for k in fm.keys:
            v = k.value
            if is_empty(v):
                continue
            if len(k.path) == 1 and key_matches(k, o.get("date_fields") or []):
                if not parses_as_date(v):
                    ctx.report(k.value_line, k.value_col, f"'{k.dotted}' should be a date "
                               f"(like 2024-03-02) but is {v!r}{_lookalike(str(v))}; readers "
                               "and the site cannot "
                               "tell when the article was written or reviewed",
                               end_col=k.value_col + len(k.raw_value or str(v)))
            elif len(k.path) == 1 and key_matches(k, o.get("list_fields") or []):
                if isinstance(v, str) and k.name.lower() in lists_ok:
                    if "," in v:  # Jekyll splits at spaces: "gout," "diet," "home" "remedies"
                        ctx.report(k.value_line, k.value_col, f"'{k.dotted}' is a comma-"
                                   f"separated string ({v[:60]!r}): Jekyll splits it at spaces "
                                   "(commas stay in the names) and Hugo wants a list; write "
                                   "[a, b, c]", end_col=k.value_col + len(k.raw_value or v))
                    continue
                if not isinstance(v, list):
                    kind = "a single string" if isinstance(v, str) else f"a {type(v).__name__}"
                    ctx.report(k.value_line, k.value_col, f"'{k.dotted}' should be a list "
                               f"(like [a, b]) but is {kind}: {str(v)[:60]!r}",
                               end_col=k.value_col + len(k.raw_value or str(v)))
            elif len(k.path) == 1 and key_matches(k, o.get("int_fields") or []):
                if not isinstance(v, int) or isinstance(v, bool):
                    ctx.report(k.value_line, k.value_col, f"'{k.dotted}' should be a whole "
                               f"number but is {v!r}: the site sorts pages by it and a quoted "
                               "number is text", end_col=k.value_col + len(k.raw_value or str(v)))
            elif len(k.path) == 1 and key_matches(k, o.get("bool_fields") or []):
                if not isinstance(v, bool):
                    ctx.report(k.value_line, k.value_col, f"'{k.dotted}' should be true or "
                               f"false but is {v!r} (a quoted \"false\" is a non-empty string, "
                               "which templates treat as true)",
                               end_col=k.value_col + len(k.raw_value or str(v)))


def _lookalike(v: str) -> str:
    """Why a date-like value is not a date when it looks like one: a look-alike character
    ("2025‑11‑10" written with U+2011 non-breaking hyphens, as text generators do)."""
    bad = lookalike(v) if re.search(r"\d", v) else ""
    return f" (it contains {bad} where a plain ASCII character was meant)" if bad else ""
