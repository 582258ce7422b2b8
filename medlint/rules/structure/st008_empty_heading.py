from ...model import Severity
from ..base import Rule
from ._norm import short


class EmptyHeading(Rule):
    code = "ST008"
    name = "empty-heading"
    category = "structure"
    severity = Severity.WARNING
    summary = "A heading with no text: its words were lost or fell onto the next line."
    what = """
    A Markdown heading marker with nothing after it (`#`, `## `), as converters and scrapers
    leave when the heading's text was on the next line of the page's source or was dropped.
    When the next paragraph starts with a short line, the message quotes it as the likely
    heading text.
    """
    why = """
    The page shows an empty heading and a plain line where the heading should be: screen
    readers announce an empty heading, the outline of the article loses a section title, and
    a first-level heading that is empty leaves the page without a title.
    """
    standard = ("WCAG 2.2 SC 1.3.1 (Info and Relationships) and 2.4.6 (Headings and Labels); "
                "WCAG technique H42; markdownlint MD018/MD023 (malformed headings).")
    cite = "WCAG 2.4.6"
    bad = """#

Warfarin

Warfarin is a medicine that stops blood clotting as fast.
"""
    good = """# Warfarin

Warfarin is a medicine that stops blood clotting as fast.
"""

    def check(self, doc, ctx):
        if doc.format != "markdown":
            return
        flat = doc.flat
        for k, b in enumerate(flat):
            if b.kind != "heading" or b.text.strip():
                continue
            nxt = next((x for x in flat[k + 1:] if x.kind != "paragraph" or x.text.strip()),
                       None)
            hint = ""
            if nxt is not None and nxt.kind == "paragraph":
                first = nxt.text.strip().split("\n", 1)[0].strip()
                if 0 < len(first.split()) <= 10 and not first.endswith((".", ":", "?", "!")):
                    hint = f" (its text seems to be \"{short(first)}\" on line {nxt.line})"
            raw = doc.line_text(b.line).rstrip()
            ctx.report(b.line, b.col, f"heading '{raw.strip()}' has no text{hint}: put the "
                       "heading's words on its line, or remove the marker",
                       end_col=b.col + max(1, len(raw.strip())))
