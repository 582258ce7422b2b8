import re

from ...model import Severity
from ..base import Rule
from ._video import iframe_src


class IframeVideoPageUrl(Rule):
    code = "EM003"
    name = "iframe-video-page-url"
    category = "broken-embed"
    severity = Severity.ERROR
    summary = "A video page URL (youtube.com/watch?v=, youtu.be, vimeo.com/ID) used as an iframe src."
    what = """
    An iframe whose source is a video's web page rather than its player: YouTube `watch?v=`,
    `youtu.be/`, `/shorts/` or the retired `/v/` URLs, or a `vimeo.com/ID` page.
    """
    why = """
    Video sites refuse to be framed on their page URLs (X-Frame-Options), so readers see an
    error box ('www.youtube.com refused to connect') instead of the video.
    """
    standard = ("YouTube embedded players documentation (use https://www.youtube.com/embed/ID); "
                "Vimeo embed documentation (https://player.vimeo.com/video/ID).")
    cite = "YouTube/Vimeo embed docs"
    pack = "broken-embed.yaml"
    options = {"page_urls": []}
    fix_available = True
    bad = """# Knee exercises

<iframe title="Knee exercises" src="https://www.youtube.com/watch?v=D_xG_VlvalE"></iframe>
"""
    good = """# Knee exercises

<iframe title="Knee exercises" src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""

    def check(self, doc, ctx):
        pats = [(re.compile(p["pattern"], re.I), p.get("fix", "")) for p in
                ctx.options.get("page_urls") or []]
        for el in doc.elements:
            if el.tag != "iframe":
                continue
            src = iframe_src(el)
            for rx, fix in pats:
                if rx.search(src):
                    ctx.report(el.line, el.col, f"iframe src {src[:80]!r} is a video page, which "
                               f"refuses to be framed; use the player URL ({fix})",
                               end_col=el.end_col)
                    break
