from ..base import Rule
from ...model import Severity
from ._norm import norm, short


class DuplicateHeading(Rule):
    code = "ST003"
    name = "duplicate-heading"
    category = "structure"
    severity = Severity.WARNING
    summary = "Two sibling headings with the same text."
    what = """
    Headings of the same level under the same parent heading whose text is the same (case,
    punctuation and numbering ignored). Headings with the same text in different sections
    ("Symptoms" under two conditions) are fine. Reported at the second, naming the first.
    """
    why = """
    Two sections with the same heading under one parent are usually a section generated or
    pasted twice, or a heading copied without being edited; links to the section (#anchors)
    and tables of contents break, and readers cannot tell the sections apart.
    """
    standard = "markdownlint MD024 (siblings_only); WCAG 2.2 SC 2.4.6 (headings describe topic or purpose)."
    cite = "markdownlint MD024"
    bad = """# Knee pain

## Causes

Overuse and injury.

## Causes

Arthritis.
"""
    good = """# Knee pain

## Causes

Overuse, injury and arthritis.

## Treatment

Rest and ice.
"""

    def check(self, doc, ctx):
        stack: list = []
        seen: dict = {}
        for h in doc.headings:
            while stack and stack[-1].level >= h.level:
                stack.pop()
            parent = id(stack[-1]) if stack else 0
            stack.append(h)
            t = norm(h.text.lstrip("0123456789.) "))
            if not t:
                continue
            key = (parent, h.level, t)
            if key in seen:
                ctx.report(h.line, h.col, f"heading \"{short(h.text)}\" repeats the sibling "
                           f"heading at line {seen[key].line}; merge the sections or rename one",
                           end_col=h.col + len(h.text.split("\n")[0]))
            else:
                seen[key] = h
