from ...model import Severity
from ..base import Rule
from ..missing_list_items.li003_numbering_gap import _num, _problem, _short


class SectionNumberingGap(Rule):
    code = "ST009"
    name = "section-numbering-gap"
    category = "structure"
    severity = Severity.WARNING
    summary = "Numbered headings skip or repeat a number: a section is missing."
    what = """
    Numbered headings that are siblings (same level under the same parent heading) whose
    numbers do not go up by one: 1, 2, 4 (a section is missing) or 1, 2, 2 (one is
    duplicated or misnumbered). A new run starting again at 1 is fine. Numbered sections are
    the article's structure; the items of a numbered list are checked by numbering-gap
    (LI003). In plain text, numbered section lines ("3. Ice" on a line of its own, then the
    section's text) are the numbered headings.
    """
    why = """
    A gap in the numbered sections usually means a section was lost when the article was
    generated, edited or scraped ("7 remedies" with remedy 4 gone); readers who see "4"
    after "2" stop trusting the rest, and the missing section may be the important one.
    """
    standard = "NHS content guide \"Numbered lists\" (steps in order); CDC Clear Communication Index item 8."
    cite = "NHS content guide: numbered lists"
    bad = """# Ways to ease knee pain

## 1. Rest

Take a break from running.

## 2. Ice

Apply ice for 15 minutes.

## 4. Compression

Wear a knee support.
"""
    good = """# Ways to ease knee pain

## 1. Rest

Take a break from running.

## 2. Ice

Apply ice for 15 minutes.

## 3. Compression

Wear a knee support.
"""

    def check(self, doc, ctx):
        if doc.format == "text":
            # a scraped page's numbered section lines ("3. Ice", then the section's text)
            prev = None
            for b, n in text_sections(doc.blocks):
                if prev is not None and n != prev + 1 and n != 1:
                    item = b.children[0]
                    name = _short(f"{item.number} {item.text}")
                    ctx.report(b.line, b.col, f"numbered section \"{name}\": {_problem(prev, n)}",
                               end_col=b.col + len(doc.line_text(b.line).strip()))
                prev = n
        # per (parent heading, level), the previous number
        stack: list = []  # open headings
        last: dict = {}
        for h in doc.headings:
            while stack and stack[-1].level >= h.level:
                stack.pop()
            parent = id(stack[-1]) if stack else 0
            stack.append(h)
            n = _num(h.number) if h.number and h.number[0].isdigit() else None
            if n is None:
                continue
            key = (parent, h.level)
            prev = last.get(key)
            last[key] = n
            if prev is None or n == prev + 1 or n == 1:
                continue
            ctx.report(h.line, h.col, f"numbered heading \"{_short(h.text)}\": {_problem(prev, n)}",
                       end_col=h.col + len(h.text.split("\n")[0]))


def text_sections(blocks) -> list:
    """(block, number) of a plain-text page's numbered section lines: one-item numbered lists
    whose item is short (a section heading, "3. Ice") and followed by other text, as the text
    reader reads "3. Ice" on a line of its own above the section's paragraph."""
    out = []
    for k, b in enumerate(blocks[:-1]):
        if b.kind != "list" or not b.ordered or len(b.children) != 1:
            continue
        item = b.children[0]
        if len(item.text.split()) > 8 or blocks[k + 1].kind == "list" or \
                not item.number[:1].isdigit():
            continue
        out.append((b, int("".join(ch for ch in item.number if ch.isdigit()))))
    return out
