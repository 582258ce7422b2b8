from ...model import Severity
from ..base import Rule
from ._util import is_empty, key_matches, line_end


class FrontMatterEmptyField(Rule):
    code = "FM003"
    name = "front-matter-empty-field"
    category = "front-matter"
    severity = Severity.WARNING
    summary = "A front-matter field that should carry content is present but empty."
    what = """
    A field from the configured list (title, description, author, date, categories, tags,
    image, reviewer fields, ...) that is present with no value: `description: ""`,
    `tags:` with nothing after it, an empty list.
    """
    why = """
    An empty description becomes an empty meta description and search snippet; empty
    categories and tags drop the article from every listing; an empty author or date field
    looks filled in to a reviewer but tells readers nothing.
    """
    standard = ("PEMAT item 1 (the purpose is evident) and the JAMA benchmarks (authorship, "
                "currency) need these fields filled in; Hugo and Jekyll front-matter "
                "documentation.")
    cite = "JAMA benchmarks; PEMAT 1"
    pack = "front-matter.yaml"
    options = {"fields": []}
    bad = """---
title: Knee twitching
description: ""
tags:
---

Body text.
"""
    good = """---
title: Knee twitching
description: Why a knee twitches and when to see a doctor.
tags: [knee, muscles]
---

Body text.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None or fm.unreadable:
            return
        fields = ctx.options.get("fields") or []
        for k in fm.keys:
            if key_matches(k, fields) and is_empty(k.value):
                shown = '""' if isinstance(k.value, str) else ("[]" if k.value == [] else "nothing")
                ctx.report(k.line, k.col, f"front-matter field '{k.dotted}' is empty ({shown}); "
                           "fill it in or remove it", end_col=line_end(doc, k.line))
