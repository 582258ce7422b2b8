from ...model import Severity
from ..base import Rule
from ._util import host_matches, host_of, href


class InsecureLink(Rule):
    code = "LK004"
    name = "insecure-link"
    category = "links"
    severity = Severity.INFO
    summary = "An http: link to a well-known host that serves https."
    what = """
    A link (or image) with an `http://` URL whose host, or a parent domain, is in
    `https_hosts` (nhs.uk, cdc.gov, who.int, nih.gov, wikipedia.org, youtube.com, ...: sites
    known to serve https). Reported once per host.
    """
    why = """
    Plain http can be intercepted or altered on the way, and browsers warn about or block
    mixed content. These hosts serve the same page over https.
    """
    standard = ("Google Search Central and browser mixed-content policies; PIF TICK "
                "(trustworthy, working links).")
    cite = "use https"
    pack = "links.yaml"
    options = {"https_hosts": []}
    bad = """# Knee pain

Read the [NHS guidance](http://www.nhs.uk/conditions/knee-pain/).
"""
    good = """# Knee pain

Read the [NHS guidance](https://www.nhs.uk/conditions/knee-pain/).
"""

    def check(self, doc, ctx):
        hosts = ctx.options.get("https_hosts") or []
        seen = set()
        for e in doc.elements:
            if e.tag == "a":
                url = href(e)
            elif e.tag == "img":
                url = (e.attrs.get("src") or "").strip()
            else:
                continue
            if not url.lower().startswith("http://"):
                continue
            host = host_of(url)
            if not host or host in seen or not host_matches(host, hosts):
                continue
            seen.add(host)
            ctx.report(e.line, e.col, f"http: link to {host}, which serves https: use "
                       f"'https://{url[7:][:60]}'", end_line=e.end_line, end_col=e.end_col)
