from ..base import Rule
from ...model import Severity
from ._norm import norm, short


class RepeatedParagraph(Rule):
    code = "ST004"
    name = "repeated-paragraph"
    category = "structure"
    severity = Severity.WARNING
    summary = "A paragraph or list item repeated word for word elsewhere in the article."
    what = """
    A paragraph (or a list item, or a table cell) of at least `min_words` words whose text,
    ignoring case, punctuation and markup, already appeared earlier in the article. Reported
    at the repeat, naming the first. FAQ answers are left to the duplicate-FAQ rules.
    """
    why = """
    Generated articles often contain a second copy of themselves or of a section, and pasted
    boilerplate repeats; the article gets longer without saying more, and an edit made to
    one copy leaves the other stale.
    """
    standard = "PEMAT item 2 (no distracting information); Google helpful-content guidance on duplicated content."
    cite = "PEMAT 2"
    options = {"min_words": 8}
    bad = """# Knee twitching

Most twitches are harmless and stop on their own within a few days.

## Causes

Stress, tiredness and caffeine.

## Outlook

Most twitches are harmless and stop on their own within a few days.
"""
    good = """# Knee twitching

Most twitches are harmless and stop on their own within a few days.

## Causes

Stress, tiredness and caffeine.

## Outlook

See a doctor if the twitching lasts more than two weeks.
"""

    def check(self, doc, ctx):
        min_words = int(ctx.options.get("min_words", 8))
        faq = set()
        for e in doc.faq:
            for b in e.blocks:
                faq.add(id(b))
        seen: dict = {}
        for b in doc.flat:
            if b.kind not in ("paragraph", "item", "cell") or id(b) in faq:
                continue
            t = norm(b.text)
            if len(t.split()) < min_words:
                continue
            first = seen.get(t)
            if first is None:
                seen[t] = b
                continue
            ctx.report(b.line, b.col, f"\"{short(b.text, 50)}\" repeats line {first.line} word "
                       "for word; remove the copy", end_line=b.end_line,
                       end_col=b.col + len(b.text.split("\n")[0]) if b.line == b.end_line else 0)
