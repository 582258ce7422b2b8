from ...model import Severity
from ..base import Rule
from ._util import href, mangled


class EmptyLink(Rule):
    code = "LK002"
    name = "empty-link"
    category = "links"
    severity = Severity.WARNING
    summary = "A link with no text: screen readers announce only the URL or nothing."
    what = """
    A link with a target but no text, no image with alt text inside it, and no
    aria-label/aria-labelledby/title: `[](https://...)` or `<a href="..."></a>`. Link tags
    broken by crawling (an unquoted or cut-off href that swallows page text or the next tag,
    `http://http://`, a second link opened before the first closes) are not reported: their
    text is missing because the markup is damaged.
    """
    why = """
    An empty link is invisible on the page and meaningless to screen-reader users; it is
    usually what is left of a deleted image or a broken edit.
    """
    standard = ("WCAG 2.2 success criteria 2.4.4 (link purpose) and 4.1.2 (name, role, "
                "value); technique H30.")
    cite = "WCAG 2.4.4"
    pack = "links.yaml"
    options = {"name_attributes": [], "skip_in_html_pages": False}
    bad = """# Knee pain

See the guidance [](https://www.nhs.uk/conditions/knee-pain/) for more.
"""
    good = """# Knee pain

See the [NHS guidance on knee pain](https://www.nhs.uk/conditions/knee-pain/) for more.
"""

    def check(self, doc, ctx):
        o = ctx.options
        if doc.format == "html" and o.get("skip_in_html_pages"):
            return
        names = [str(n).lower() for n in o.get("name_attributes") or []]
        for e in doc.links:
            h = href(e)
            if not h or h == "#" or h.lower().startswith("javascript:"):
                continue  # placeholder-link reports these
            if e.text.strip() or e.has_image:
                continue
            if any((e.attrs.get(n) or "").strip() for n in names):
                continue
            if mangled(doc, e):
                continue  # broken markup from a crawl, not an empty link
            ctx.report(e.line, e.col, f"link to {h[:60]} has no text: give it words that say "
                       "where it goes", end_line=e.end_line, end_col=e.end_col)
