from ...model import Severity
from ..base import Rule
from ._video import VIMEO_ID, YT_ID, bad_id, iframe_src, video_id

# Jekyll include files that embed a video by its ID
_INCLUDES = {"youtube.html": "youtube", "youtube": "youtube", "youtube-player.html": "youtube",
             "vimeo.html": "vimeo", "vimeo": "vimeo"}


class MalformedVideoId(Rule):
    code = "EM004"
    name = "malformed-video-id"
    category = "broken-embed"
    severity = Severity.ERROR
    summary = "A YouTube or Vimeo embed (iframe or Hugo shortcode) whose video ID is malformed."
    what = """
    A YouTube embed whose ID is not 11 characters of letters, digits, `-` and `_`, or a
    Vimeo embed whose ID is not a number, in an iframe `src`, a Hugo `{{< youtube >}}` /
    `{{< vimeo >}}` shortcode or a Jekyll `{% include youtube.html id="..." %}` (including
    a whole URL passed where the ID belongs, and an empty ID).
    """
    why = "The player loads and shows 'Video unavailable': the reader gets nothing."
    standard = ("YouTube IFrame Player API (11-character video IDs); Hugo's youtube and vimeo "
                "shortcodes take an ID, not a URL.")
    cite = "YouTube player API; Hugo shortcodes"
    bad = """# Knee exercises

{{< youtube https://youtu.be/D_xG_VlvalE >}}
"""
    good = """# Knee exercises

{{< youtube D_xG_VlvalE >}}
"""

    def check(self, doc, ctx):
        for el in doc.elements:
            if el.tag == "iframe":
                found = video_id(iframe_src(el))
                if found and bad_id(*found):
                    service, vid = found
                    ctx.report(el.line, el.col, f"{service} embed has a malformed video ID "
                               f"{vid!r}: {self._expect(service)}", end_col=el.end_col)
            elif el.tag in ("shortcode:youtube", "shortcode:vimeo") or (
                    el.tag == "shortcode:include"
                    and str(el.attrs.get(0, "")).lower() in _INCLUDES):
                # Hugo {{< youtube ID >}}; Jekyll {% include youtube.html id="ID" %}
                service = (el.tag.split(":", 1)[1] if el.tag != "shortcode:include" else
                           _INCLUDES[str(el.attrs.get(0, "")).lower()])
                vid = str(el.attrs.get("id", el.attrs.get(0, "") if el.tag !=
                                       "shortcode:include" else "")).strip()
                rx = YT_ID if service == "youtube" else VIMEO_ID
                if not rx.match(vid):
                    ctx.report(el.line, el.col, f"{service} shortcode has a malformed video ID "
                               f"{vid!r}: {self._expect(service)}; pass the ID, not a URL",
                               end_col=el.end_col)

    @staticmethod
    def _expect(service: str) -> str:
        return ("YouTube IDs are 11 letters, digits, '-' or '_'" if service == "youtube"
                else "Vimeo IDs are numbers")
