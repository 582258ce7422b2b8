import datetime as _dt

from ...model import Severity
from ..base import Rule
from ._dates import date_facts
from .md003_missing_date import DATE_OPTIONS


class FutureDate(Rule):
    code = "MD006"
    name = "future-date"
    category = "metadata"
    severity = Severity.WARNING
    summary = "A publication, update or review date lies in the future."
    what = """
    A published, modified or reviewed date later than the run's date (`--today`) plus
    `grace_days` (time zones). Next-review dates are meant to be in the future and are not
    checked.
    """
    why = """
    A future date is a typo or a fabricated freshness signal. Hugo does not publish pages
    dated in the future by default, so the article may silently be missing from the site.
    """
    standard = ("JAMA benchmark 'currency' (dates must be true); Hugo front matter "
                "(buildFuture).")
    cite = "JAMA benchmarks: currency"
    pack = "metadata.yaml"
    options = dict(DATE_OPTIONS, grace_days=1)
    bad = """---
title: Knee twitching
date: 2030-01-10
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
date: 2026-01-10
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        limit = ctx.today + _dt.timedelta(days=int(ctx.options.get("grace_days") or 0))
        for f in date_facts(doc, ctx.options):
            if f.kind == "next_review" or f.date <= limit:
                continue
            ctx.report(f.line, f.col, f"{f.kind} date {f.shown} ({f.label}) is "
                       f"after {ctx.today.isoformat()}: a date in the future is a mistake or "
                       "hides the page", end_col=f.end_col)
