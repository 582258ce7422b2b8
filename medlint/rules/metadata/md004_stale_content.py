from ...model import Severity
from ..base import Rule
from ._dates import date_facts, months_before, months_between
from .md003_missing_date import DATE_OPTIONS


class StaleContent(Rule):
    code = "MD004"
    name = "stale-content"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The article was last reviewed, updated or published more than 36 months ago."
    what = """
    The most recent of the article's review, update and publication dates (front matter or
    a dated statement in the body) is older than `max_age_months` (default 36) before the
    run's date (`--today`, never the clock when given). Reported at the most recent date.
    """
    why = """
    Patient-information standards ask for review at least every three years; guidance,
    doses and services change. An unreviewed page is a safety risk as well as a trust one.
    """
    standard = ("PIF TICK ('reviewing information at least every three years'); JAMA "
                "benchmark 'currency'; NHS standards for creating health content (review "
                "plan); DISCERN Q5.")
    cite = "PIF TICK; JAMA benchmarks: currency"
    pack = "metadata.yaml"
    options = dict(DATE_OPTIONS, max_age_months=36)
    bad = """---
title: Knee twitching
date: 2019-05-01
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
date: 2019-05-01
last_reviewed: 2026-02-01
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        facts = [f for f in date_facts(doc, ctx.options)
                 if f.kind != "next_review" and f.date <= ctx.today]
        if not facts:
            return
        # a numeric date with day and month either way round counts by its later reading:
        # stale only when both readings are; of equal dates, reported where the reader or
        # the editor sees it (front matter, then the page, then a <meta> tag)
        latest = max(facts, key=lambda f: (f.latest, f.in_front_matter, not f.in_meta))
        limit = int(ctx.options.get("max_age_months") or 36)
        age = months_between(latest.latest, ctx.today)
        if latest.latest < months_before(ctx.today, limit):
            kinds = sorted({f.kind for f in facts})
            missing = "" if "reviewed" in kinds else "; no review date is given"
            years, months = divmod(age, 12)
            span = f"{years} years {months} months" if months else f"{years} years"
            ctx.report(latest.line, latest.col,
                       f"last {latest.kind} {latest.shown} ({latest.label}), "
                       f"{span} before {ctx.today.isoformat()}: older than {limit} months, "
                       f"review the article{missing}", end_col=latest.end_col)
