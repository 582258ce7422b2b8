import re
from functools import lru_cache

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
    reviewed: 12 March 2024", "Last updated March 3, 2023", or a part of a one-line byline:
    "By Clare Hoskins, RD | Last reviewed March 3, 2026", or a sentence of a byline at the
    top: "Medically reviewed by Dr J. Patel, MBBS. Updated on 3 May 2021"), no date in an HTML page's <meta>
    tags and no dateline (a heading or paragraph near the top that is only a date). Pages
    without front matter (scraped pages, encyclopedia exports) are checked too: a file with
    no date anywhere fails the currency benchmark whatever lost it; set
    `only_with_front_matter: true` to check only articles with front matter (and pages
    without it need `min_words_without_front_matter`, 150, words of prose). A date label
    left with no date ("Last Reviewed:" and nothing after it, where a page template or
    script lost the date) is named as such.
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
    options = dict(DATE_OPTIONS, only_with_front_matter=False, min_words_without_front_matter=150)
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
        o = ctx.options
        if fm is None and o.get("only_with_front_matter", True) and not _may_have_label(doc):
            return
        facts = [f for f in date_facts(doc, o) if f.kind != "next_review"]
        if facts:
            return
        label = _empty_label(doc, tuple(str(p) for k in ("published_phrases", "modified_phrases",
                                                       "reviewed_phrases")
                                        for p in o.get(k) or []))
        if label is not None:
            b, m = label
            a, e = b.pos_of(m.start(1)), b.pos_of(m.end(1))
            ctx.report(a.line, a.col, f"'{m.group(1)}:' has no date after it, and the article "
                       "has no other date: the date was lost (a page script or template field); "
                       "add it so readers can tell how current the advice is",
                       end_line=e.line, end_col=e.col)
            return
        if fm is None and o.get("only_with_front_matter", True):
            return
        if fm is None and doc.word_count < int(o.get("min_words_without_front_matter", 150)):
            return  # a snippet or a stub, not an article
        line = fm.start_line if fm is not None else first_body_line(doc)
        ctx.report(line, 1, "no publication, update or review date: add `date` (and "
                   "`last_reviewed`) so readers can tell how current the advice is")


def _may_have_label(doc) -> bool:
    """A cheap test: does any line end with a colon?"""
    return ":\n" in doc.text or doc.text.rstrip().endswith(":")


@lru_cache(maxsize=8)
def _label_rx(phrases: tuple) -> re.Pattern:
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len,
                                                                       reverse=True))
    return re.compile(rf"(?:^|\n)[\t *_>|-]*((?:this\s+)?(?:{alt}))\s*:[\s*_]*(?=\n|$)", re.I)


def _empty_label(doc, phrases: tuple):
    """The first block line that is a date label with nothing after its colon, as (block,
    match), or None."""
    if not phrases:
        return None
    rx = _label_rx(phrases)
    for b in doc.flat:
        if b.kind in ("paragraph", "item", "heading", "cell") and b.text and ":" in b.text:
            m = rx.search(b.text)
            if m is not None:
                return b, m
    return None
