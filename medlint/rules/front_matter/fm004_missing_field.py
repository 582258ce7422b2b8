from ...model import Severity
from ..base import Rule


class FrontMatterMissingField(Rule):
    code = "FM004"
    name = "front-matter-missing-field"
    category = "front-matter"
    severity = Severity.WARNING
    summary = "A required front-matter field is missing."
    what = """
    A field named in the `required` option is absent from the front matter. Nested fields are
    written as dotted paths (`cover.image`). Files without front matter are not checked unless
    `require_front_matter` is true.
    """
    why = """
    Sites rely on these fields to show the title, date, author and reviewer; a health article
    without them fails the most basic trust checks.
    """
    standard = ("JAMA benchmarks (authorship, currency); HONcode principles 1 (authority) and "
                "4 (attribution and dates).")
    cite = "JAMA benchmarks; HONcode 1, 4"
    pack = "front-matter.yaml"
    options = {"required": [], "require_front_matter": False}
    bad = """---
description: Why a knee twitches.
---

Body text.
"""
    good = """---
title: Knee twitching
description: Why a knee twitches.
---

Body text.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        required = ctx.options.get("required") or []
        if fm is None:
            if ctx.options.get("require_front_matter") and doc.format == "markdown" and required:
                ctx.report(1, 1, "the article has no front matter, so required fields ("
                           f"{', '.join(required)}) are missing")
            return
        if fm.unreadable:
            return
        have = {".".join(str(p).lower() for p in k.path if not isinstance(p, int))
                for k in fm.keys}
        missing = [f for f in required if f.lower() not in have]
        if missing:
            ctx.report(fm.start_line, 1, f"front matter lacks required field"
                       f"{'s' if len(missing) > 1 else ''}: {', '.join(missing)}",
                       end_line=fm.end_line, end_col=4)
