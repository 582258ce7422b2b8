import re
from urllib.parse import parse_qs, urlsplit

from ...model import Fix, Severity
from ..base import Rule
from ._edit import attr_value_edit
from ._video import YT_ID, iframe_src


def player_url(src: str) -> str | None:
    """The embeddable player URL for a YouTube or Vimeo page URL, or None."""
    try:
        parts = urlsplit(src if "//" in src else "https://" + src)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    q = parse_qs(parts.query)
    vid = None
    if host == "youtube.com" and parts.path == "/watch":
        vid = (q.get("v") or [""])[0]
    elif host == "youtu.be":
        vid = parts.path.strip("/")
    elif host == "youtube.com" and parts.path.startswith(("/shorts/", "/v/")):
        vid = parts.path.split("/")[2] if parts.path.count("/") >= 2 else ""
    elif host == "vimeo.com" and re.fullmatch(r"/\d+", parts.path):
        return "https://player.vimeo.com/video" + parts.path
    if vid is None or not YT_ID.match(vid):
        return None
    start = (q.get("t") or q.get("start") or [""])[0].rstrip("s")
    return f"https://www.youtube.com/embed/{vid}" + (f"?start={start}" if start.isdigit() else "")


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

    Fix (`--fix`): the src is rewritten to the player URL (`/embed/ID`, keeping a start time).
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
            for rx, hint in pats:
                if rx.search(src):
                    new = player_url(src)
                    edit = attr_value_edit(doc, el, "src", new) if new else None
                    fix = Fix(f"use the player URL {new}", (edit,)) if edit else None
                    ctx.report(el.line, el.col, f"iframe src {src[:80]!r} is a video page, which "
                               f"refuses to be framed; use the player URL ({new or hint})",
                               end_col=el.end_col, fix=fix)
                    break
