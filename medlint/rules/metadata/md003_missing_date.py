from ...model import Severity
from ..base import Rule
from ._dates import date_facts, first_body_line

DATE_OPTIONS = {"published_fields": [], "modified_fields": [], "reviewed_fields": [],
                "next_review_fields": [], "read_body_dates": True, "file_name_dates": True, "published_phrases": [],
                "modified_phrases": [], "reviewed_phrases": [], "next_review_phrases": [],
                "published_meta": [], "modified_meta": [], "reviewed_meta": [],
                "next_review_meta": []}


class MissingDate(Rule):
    code = "MD003"
    name = "missing-date"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The article carries no date: not published, updated or reviewed."
    what = """
    An article with front matter that has no date in any date field (date, lastmod,
    published, last_reviewed, ... configurable; values that are not dates, such as Jekyll's
    `published: true`, do not count) and no dated statement in the body ("Page last
    reviewed: 12 March 2024", "Last updated March 3, 2023"). Pages without front matter are
    checked only when `only_with_front_matter` is false.
    """
    why = """
    Medical knowledge changes. Without a date, readers cannot tell whether advice is current,
    and editors cannot find pages that are due for review.
    """
    standard = ("JAMA benchmark 'currency' (dates of posting and updating); DISCERN Q5; "
                "HONcode principle 4; NHS standards for creating health content ('Include the "
                "date the page was last checked').")
    cite = "JAMA benchmarks: currency"
    pack = "metadata.yaml"
    options = dict(DATE_OPTIONS, only_with_front_matter=True)
    bad = """---
title: Knee twitching
author: Dr Jane Smith
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
author: Dr Jane Smith
date: 2026-01-10
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is not None and fm.unreadable:
            return
        if fm is None and ctx.options.get("only_with_front_matter", True):
            return
        facts = [f for f in date_facts(doc, ctx.options) if f.kind != "next_review"]
        if facts:
            return
        line = fm.start_line if fm is not None else first_body_line(doc)
        ctx.report(line, 1, "no publication, update or review date: add `date` (and "
                   "`last_reviewed`) so readers can tell how current the advice is")
