from urllib.parse import urlsplit

from ...model import Fix, Severity
from ..base import Rule
from ._edit import attr_value_edit
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

    Fix (`--fix`): `http:` becomes `https:` for hosts known to serve the same embed over https
    (`https_hosts` in rules/broken-embed.yaml).
    """
    standard = "W3C Mixed Content (active content is blocked); MDN 'Mixed content'."
    cite = "W3C Mixed Content"
    pack = "broken-embed.yaml"
    options = {"tags": [], "https_hosts": []}
    fix_available = True
    bad = """# Knee exercises

<iframe title="Knee exercises" src="http://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""
    good = """# Knee exercises

<iframe title="Knee exercises" src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
"""

    def check(self, doc, ctx):
        tags = set(ctx.options.get("tags") or [])
        safe_hosts = {h.lower() for h in ctx.options.get("https_hosts") or []}
        for el in doc.elements:
            if el.tag not in tags:
                continue
            src = iframe_src(el) if el.tag == "iframe" else (el.attrs.get("src") or
                                                            el.attrs.get("data") or "")
            if src.strip().lower().startswith("http:"):
                fix = None
                try:
                    host = (urlsplit(src.strip()).hostname or "").lower()
                except ValueError:
                    host = ""
                if host in safe_hosts:
                    attr = next((k for k in ("src", "data-src", "data") if el.attrs.get(k) == src),
                                "src")
                    edit = attr_value_edit(doc, el, attr, "https:" + src.strip()[5:])
                    fix = Fix(f"load it over https ({host})", (edit,)) if edit else None
                ctx.report(el.line, el.col, f"<{el.tag}> loads {src[:80]!r} over plain http: "
                           "browsers block it on https pages; use https:", end_col=el.end_col,
                           fix=fix)
