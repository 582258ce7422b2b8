from ...model import Severity
from ..base import Rule
from ._video import iframe_src


class IframeMissingSrc(Rule):
    code = "EM001"
    name = "iframe-missing-src"
    category = "broken-embed"
    severity = Severity.ERROR
    summary = "An iframe with no src (or an empty one): the embed shows nothing."
    what = """
    An `<iframe>` whose `src` attribute is missing or empty. Lazy-loading attributes
    (`data-src`, `data-lazy-src`) count as a source.
    """
    why = "The reader sees an empty box where a video or map was meant to be."
    standard = "HTML Living Standard, the iframe element; a broken embed fails PEMAT item 17 (visual aids)."
    cite = "HTML iframe; PEMAT 17"
    bad = """# Knee exercises

<iframe title="Knee exercises video" src=""></iframe>
"""
    good = """# Knee exercises

<iframe title="Knee exercises video" src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""

    def check(self, doc, ctx):
        for el in doc.elements:
            if el.tag == "iframe" and not iframe_src(el) and not el.attrs.get("srcdoc"):
                what = "an empty src" if "src" in el.attrs else "no src"
                ctx.report(el.line, el.col, f"iframe has {what}: it will show an empty frame",
                           end_col=el.end_col)
