from ...model import Severity
from ..base import Rule
from ._dates import date_facts
from .md003_missing_date import DATE_OPTIONS


class ModifiedBeforePublished(Rule):
    code = "MD007"
    name = "modified-before-published"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The updated or reviewed date is earlier than the publication date."
    what = """
    A modified or reviewed date ("Last updated ...", an HTML page's <meta> or JSON-LD
    dateModified) earlier than the publication date (date, published, datePublished ...).
    Reported at the earlier date, naming the publication date's line. Two front-matter fields
    in the wrong order (`lastmod` before `date`) are front-matter-date-order (FM006).
    """
    why = """
    The dates contradict each other, so readers cannot tell which is true; Hugo then shows
    a "last modified" date before the article existed.
    """
    standard = "JAMA benchmark 'currency'; Hugo front matter (date and lastmod)."
    cite = "JAMA benchmarks: currency"
    pack = "metadata.yaml"
    options = dict(DATE_OPTIONS)
    bad = """---
title: Knee twitching
date: 2025-06-01
---

Last updated: 1 June 2024

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
date: 2024-06-01
---

Last updated: 1 June 2025

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        facts = date_facts(doc, ctx.options)
        pubs = [f for f in facts if f.kind == "published" and f.in_front_matter] or \
            [f for f in facts if f.kind == "published"]
        if not pubs:
            return
        pub = min(pubs, key=lambda f: f.date)
        # ambiguous numeric dates: reported only when every reading is before (f.date is the
        # earliest reading of each)
        for f in facts:
            if f.in_front_matter and pub.in_front_matter:
                continue  # two front-matter fields: front-matter-date-order (FM006)
            if f.kind in ("modified", "reviewed") and f.latest < pub.date:
                ctx.report(f.line, f.col, f"{f.kind} date {f.shown} ({f.label}) is "
                           f"before the publication date {pub.shown} on line "
                           f"{pub.line}", end_col=f.end_col)
