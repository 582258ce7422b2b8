import re

from ...model import Edit, Fix, Severity
from ..base import Rule

_MARK = re.compile(r"^(\s*)([•·▪●◦‣∙■□➢➤►✓✔])(\s*)")


class UnicodeBullets(Rule):
    code = "ST101"
    name = "unicode-bullet-list"
    category = "structure"
    severity = Severity.WARNING
    summary = "Lines that start with '•' in Markdown: they render as one run-on paragraph, not a list."
    what = """
    In a Markdown file, consecutive lines that start with a bullet character (`•`, `▪`, `●`,
    `◦`, `➤`, `✓`, …) instead of a Markdown list marker. The finding is at the first bullet of
    each run.
    """
    why = """
    CommonMark does not know these characters as list markers: the lines are joined into one
    paragraph ("• Calcium • Magnesium • Vitamin D") and the list the reader needs is gone, as is
    its meaning for screen readers.

    Fix (`--fix`): the bullets become `- ` list items, with a blank line after the list when
    text follows directly.
    """
    standard = ("CommonMark 0.31 §5.2 (list items need -, + or * or a number); NHS content guide: "
                "use bullet lists for steps and options; WCAG 2.1 SC 1.3.1 (structure is conveyed "
                "in markup).")
    cite = "CommonMark §5.2; WCAG 2.1 SC 1.3.1"
    fix_available = True
    bad = """# Vitamins

Important nutrients include:
• Calcium
• Magnesium
• Vitamin D
"""
    good = """# Vitamins

Important nutrients include:

- Calcium
- Magnesium
- Vitamin D
"""

    def check(self, doc, ctx):
        if doc.format != "markdown":
            return
        for lst in doc.lists:
            if lst.source != "markdown" or not lst.children:
                continue
            items = [it for it in lst.children if _MARK.match(doc.line_text(it.line))]
            if not items or items[0].marker.isdigit():
                continue
            edits = []
            for it in items:
                m = _MARK.match(doc.line_text(it.line))
                edits.append(Edit(it.line, m.start(2) + 1, it.line, m.end(3) + 1, "- "))
            first = items[0].line
            if first > 1 and doc.line_text(first - 1).strip():
                edits.insert(0, Edit(first, 1, first, 1, "\n"))
            after = lst.end_line + 1
            if after <= len(doc.lines) and doc.line_text(after).strip():
                edits.append(Edit(after, 1, after, 1, "\n"))
            ctx.report(first, items[0].col, f"{len(items)} line{'s' if len(items) > 1 else ''} "
                       f"start with '{items[0].marker}', which Markdown does not read as a list: "
                       "they render as one run-on paragraph; use '- ' items",
                       end_line=lst.end_line, fix=Fix("turn the bullet lines into a Markdown list",
                                                      tuple(edits)))
