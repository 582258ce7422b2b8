from ...model import Severity
from ..base import Rule
from ._dates import date_facts
from .md003_missing_date import DATE_OPTIONS


class ReviewDatePassed(Rule):
    code = "MD005"
    name = "review-date-passed"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The article's next-review date has passed."
    what = """
    A next-review date (next_review, review_due, ... or "Next review due: ..." in the body)
    that is before the run's date (`--today`), unless a later review date shows the review
    happened.
    """
    why = """
    A published review date is a promise to readers. When it has passed, the page says
    itself that it may be out of date.
    """
    standard = ("NHS standards for creating health content ('Include the date the page was "
                "last checked and when it will be checked again'); PIF TICK; JAMA "
                "benchmark 'currency'.")
    cite = "NHS content standards: review dates"
    pack = "metadata.yaml"
    options = dict(DATE_OPTIONS)
    bad = """---
title: Knee twitching
last_reviewed: 2023-01-10
next_review: 2026-01-10
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
last_reviewed: 2026-01-10
next_review: 2029-01-10
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        facts = date_facts(doc, ctx.options)
        # ambiguous numeric dates: reported only when both readings agree
        reviewed = [f.latest for f in facts if f.kind == "reviewed"]
        for f in facts:
            if f.kind != "next_review" or f.latest >= ctx.today:
                continue
            if any(r >= f.date for r in reviewed):
                continue
            ctx.report(f.line, f.col, f"next review was due {f.shown} "
                       f"({f.label}), before {ctx.today.isoformat()}: review the article and "
                       "update the dates", end_col=f.end_col)
