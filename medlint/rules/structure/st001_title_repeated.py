from itertools import islice

from ...model import Severity
from ..base import Rule
from ._norm import norm, short

_TEXT = ("heading", "paragraph")


class TitleRepeated(Rule):
    code = "ST001"
    name = "title-repeated"
    category = "structure"
    severity = Severity.WARNING
    summary = "The title is repeated at the top of the article, or written as a plain paragraph."
    what = """
    At the top of the body (its first three text blocks):

    - a first paragraph that repeats the front-matter title (or the HTML `<title>`): the title
      written as a plain paragraph instead of a heading, on top of the title the theme
      already shows;
    - a heading or paragraph that repeats the block right before it (a scraped page's title
      line twice).

    Case and punctuation are ignored. A first-level heading equal to the front-matter title
    is not reported (many themes expect it).
    """
    why = """
    A title shown twice, or a title that is only a bold-less paragraph, is a conversion or
    scraping leftover: screen readers and search engines see no heading for the page, and
    readers see the same line twice before the article starts.
    """
    standard = "WCAG 2.2 SC 1.3.1 and 2.4.6 (headings); markdownlint MD025/MD041 (one top-level heading, first line a heading)."
    cite = "WCAG 1.3.1"
    bad = """---
title: Why is my left knee twitching
---

Why is My Left Knee Twitching?

Most muscle twitches are harmless.
"""
    good = """---
title: Why is my left knee twitching
---

Most muscle twitches are harmless.
"""

    def check(self, doc, ctx):
        title = norm(doc.title) if doc.title else ""
        # the first blocks with text; images, embeds and rules between them do not count
        top = list(islice((b for b in doc.blocks if b.kind not in ("image", "embed", "hr")
                           and b.text.strip() or b.kind in ("list", "table", "code")), 3))
        # the text blocks above, by normalised text: a title repeated one or two lines down
        # (with a short breadcrumb or date line between the copies, as scraped pages have it)
        above: dict[str, object] = {}
        first = True
        for b in top:
            if b.kind not in _TEXT or not (t := norm(b.text)):
                above = {}
                continue
            end = b.col + len(b.text.split("\n")[0])
            if t in above:
                ctx.report(b.line, b.col, f"\"{short(b.text)}\" repeats line {above[t].line}; "
                           "remove the repeated title", end_col=end)
            elif title and t == title and b.kind == "paragraph" and first:
                ctx.report(b.line, b.col, f"the title \"{short(b.text)}\" is repeated as a plain "
                           "paragraph; remove it (the theme shows the title) or make it the "
                           "page's heading", end_col=end)
            if len(t.split()) > 10:
                above = {}  # copies apart by a paragraph of text are not a repeated title
            above.setdefault(t, b)
            first = False
