from ...model import Severity
from ..base import Rule


class FrontMatterDateOrder(Rule):
    code = "FM006"
    name = "front-matter-date-order"
    category = "front-matter"
    severity = Severity.WARNING
    summary = "A front-matter modified or reviewed date earlier than its publication date."
    what = """
    Front matter whose modified or reviewed date (`lastmod`, `updated`, `last_reviewed`, ...)
    is earlier than its publication date (`date`, `publishdate`, ...): one of the two fields
    was typed wrong or never updated. Reported at the earlier date, naming the publication
    date's line. The same order between dates elsewhere (HTML <meta> tags, JSON-LD, "Last
    updated" lines in the body) is checked by modified-before-published (MD007); the field
    lists are the metadata rules' (`published_fields`, `modified_fields`,
    `reviewed_fields`).
    """
    why = """
    Hugo and Jekyll show and sort by these fields; a "last modified" before the article was
    published tells readers and search engines the page is older than it is, or that its
    dates cannot be trusted (JAMA currency benchmark).
    """
    standard = "JAMA benchmarks (currency: dates of posting and updating); Hugo front matter (date, lastmod)."
    cite = "JAMA benchmarks: currency"
    pack = "metadata.yaml"  # the field lists are the metadata rules'
    # the metadata rules' field lists (rules/metadata.yaml); their module is imported only
    # when the rule runs, so selecting front-matter does not load the metadata family
    options = {"published_fields": [], "modified_fields": [], "reviewed_fields": [],
               "next_review_fields": [], "read_body_dates": False, "file_name_dates": False}
    bad = """---
title: Heartburn
date: 2025-06-10
lastmod: 2024-06-10
---

Heartburn is common.
"""
    good = """---
title: Heartburn
date: 2024-06-10
lastmod: 2025-06-10
---

Heartburn is common.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None or fm.unreadable:
            return
        from ..metadata._dates import date_facts

        facts = [f for f in date_facts(doc, ctx.options) if f.in_front_matter]
        pubs = [f for f in facts if f.kind == "published"]
        if not pubs:
            return
        pub = min(pubs, key=lambda f: f.date)
        for f in facts:
            if f.kind in ("modified", "reviewed") and f.latest < pub.date:
                ctx.report(f.line, f.col, f"'{f.label}' {f.shown} is before the publication "
                           f"date {pub.shown} ('{pub.label}', line {pub.line}): one of the two "
                           "fields is wrong or was never updated", end_col=f.end_col)
