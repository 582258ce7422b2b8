from ...model import Severity
from ..base import Rule
from ._video import iframe_src


class InsecureEmbed(Rule):
    code = "EM005"
    name = "insecure-embed"
    category = "broken-embed"
    severity = Severity.WARNING
    summary = "An embed loaded over plain http: (mixed content, blocked on https pages)."
    what = "An iframe, video, audio, embed, source or object whose source URL starts with `http:`."
    why = """
    Browsers block active mixed content on https pages, so the embed does not load at all;
    where it loads, it can be altered in transit.
    """
    standard = "W3C Mixed Content (active content is blocked); MDN 'Mixed content'."
    cite = "W3C Mixed Content"
    pack = "broken-embed.yaml"
    options = {"tags": []}
    fix_available = True
    bad = """# Knee exercises

<iframe title="Knee exercises" src="http://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""
    good = """# Knee exercises

<iframe title="Knee exercises" src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""

    def check(self, doc, ctx):
        tags = set(ctx.options.get("tags") or [])
        for el in doc.elements:
            if el.tag not in tags:
                continue
            src = iframe_src(el) if el.tag == "iframe" else (el.attrs.get("src") or
                                                            el.attrs.get("data") or "")
            if src.strip().lower().startswith("http:"):
                ctx.report(el.line, el.col, f"<{el.tag}> loads {src[:80]!r} over plain http: "
                           "browsers block it on https pages; use https:", end_col=el.end_col)
