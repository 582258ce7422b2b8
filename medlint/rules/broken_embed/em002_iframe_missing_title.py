from ...model import Severity
from ..base import Rule


class IframeMissingTitle(Rule):
    code = "EM002"
    name = "iframe-missing-title"
    category = "broken-embed"
    severity = Severity.WARNING
    summary = "An iframe without a non-empty title: screen readers announce nothing useful."
    what = "An `<iframe>` with no `title` attribute, or an empty or whitespace-only one."
    why = """
    Screen readers announce a frame by its title; without one a blind reader hears 'frame'
    and cannot tell a video from an advert.
    """
    standard = ("WCAG 2.1 technique H64 (using the title attribute of the iframe element), "
                "success criteria 2.4.1 and 4.1.2.")
    cite = "WCAG 2.1 H64"
    bad = """# Knee exercises

<iframe src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""
    good = """# Knee exercises

<iframe title="Five knee exercises (video)" src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""

    def check(self, doc, ctx):
        for el in doc.elements:
            if el.tag != "iframe":
                continue
            if el.attrs.get("aria-hidden") == "true":
                continue
            title = (el.attrs.get("title") or "").strip()
            if not title:
                what = "an empty title" if "title" in el.attrs else "no title attribute"
                ctx.report(el.line, el.col, f"iframe has {what}: screen readers cannot say what "
                           "the frame contains; add title=\"...\" describing it",
                           end_col=el.end_col)
