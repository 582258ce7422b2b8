import re

from ...model import Severity
from ..base import Rule
from ._util import href


class GenericLinkText(Rule):
    code = "LK003"
    name = "generic-link-text"
    category = "links"
    severity = Severity.INFO
    summary = "Link text that says nothing about the target: 'click here', 'read more'."
    what = """
    A link whose whole text is one of the `generic` phrases ("click here", "here", "read
    more", "learn more", "this link", "more", ...), ignoring case and punctuation.
    """
    why = """
    Readers scan links, and screen-reader users list them out of context: "click here"
    tells neither where the link goes. Link text should name the destination.
    """
    standard = ("Federal Plain Language Guidelines ('Write effective links'); NHS content "
                "guide (links); WCAG 2.4.4 (link purpose), technique G91.")
    cite = "plainlanguage.gov: effective links"
    pack = "links.yaml"
    options = {"generic": []}
    bad = """# Knee pain

For exercises, [click here](https://www.nhs.uk/live-well/exercise/).
"""
    good = """# Knee pain

Try the [NHS knee exercises](https://www.nhs.uk/live-well/exercise/).
"""

    def check(self, doc, ctx):
        generic = {" ".join(str(g).lower().split()) for g in ctx.options.get("generic") or []}
        for e in doc.links:
            if not href(e):
                continue
            t = re.sub(r"[^\w\s']", " ", e.text.lower())
            t = " ".join(t.split())
            if t and t in generic:
                ctx.report(e.line, e.col, f"link text '{e.text.strip()}' does not say where the "
                           "link goes: use the name of the page or resource",
                           end_line=e.end_line, end_col=e.end_col)
