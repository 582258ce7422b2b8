import re
from urllib.parse import quote, urlsplit

from ...model import Severity
from .._lookalike import lookalike
from ..base import Rule
from ..broken_embed._video import YT_ID, iframe_src, video_id
from ._util import href

_HOST_OK = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                      r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$")


def malformed(url: str) -> str:
    """Why an http(s) URL cannot work, or ''."""
    if re.match(r"(?i)^https?:/?[^/]", url) or re.match(r"(?i)^https?//", url):
        return "the scheme is missing a slash or colon"
    bad = lookalike(url)
    if bad:
        return f"it contains {bad} where a plain ASCII character was meant"
    try:
        parts = urlsplit(url)
        port = parts.port  # noqa: F841 - raises on a bad port
    except ValueError as exc:
        return f"it does not parse ({exc})"
    netloc = parts.netloc.rsplit("@", 1)[-1]
    host = netloc.rsplit(":", 1)[0] if not netloc.startswith("[") else netloc.split("]")[0] + "]"
    if not host:
        return "it has no host"
    ascii_host = host
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode()
        except UnicodeError:
            return f"the host '{host}' is not a valid name"
    if not _HOST_OK.match(ascii_host):
        return f"the host '{host}' is not a valid name"
    if "." not in host and not host.startswith("[") and host.lower() != "localhost":
        return f"the host '{host}' has no domain"
    return ""


class DeadLink(Rule):
    code = "LK005"
    name = "dead-link"
    category = "links"
    severity = Severity.WARNING
    summary = "A link that cannot work; with --online, links that do not answer and removed videos."
    what = """
    Offline (every run): an http(s) link or front-matter URL that cannot work — "http//",
    "https:/host", a host with spaces or invalid characters, a host with no domain, a bad
    port, or a look-alike character where ASCII was meant (a non-breaking hyphen U+2011, a
    curly quote, a zero-width space). Front matter that does not load still has its
    "key: URL" lines checked one by one.
    With `medlint check --online` (never by default): every http(s) link is requested
    (GET, `timeout` seconds, at most `max_bytes` read, up to `max_redirects` redirects,
    `concurrency` at a time, each URL once per run) and reported when it answers HTTP 4xx
    or 5xx (except `ignore_status`: 401, 403, 429 are usually bot walls), does not resolve,
    refuses the connection or times out; embedded YouTube videos are looked up through
    YouTube's oEmbed endpoint (404: removed, 401/403: private or not embeddable). Requests go
    to http and https only, never to private, loopback or link-local addresses unless they
    are allowed with `--allow-host` (or `allow_hosts`), so a CI job cannot be turned into a
    probe of internal services.
    """
    why = """
    Dead links and removed videos are the commonest sign of an unmaintained health page;
    a dead source link also removes the evidence behind a claim.
    """
    standard = ("JAMA benchmark 'attribution' (sources that can be followed); PIF TICK "
                "(information is kept up to date and links work); DISCERN Q4.")
    cite = "JAMA benchmarks: attribution"
    pack = "links.yaml"
    options = {"timeout": 10, "max_bytes": 1048576, "max_redirects": 5, "concurrency": 8,
               "ignore_status": [401, 403, 429], "report_timeouts": True, "check_videos": True,
               "youtube_oembed": "https://www.youtube.com/oembed", "user_agent": "medlint",
               "allow_hosts": []}
    bad = """# Knee pain

Read the [NHS guidance](https//www.nhs.uk/conditions/knee-pain/).
"""
    good = """# Knee pain

Read the [NHS guidance](https://www.nhs.uk/conditions/knee-pain/).
"""

    def check(self, doc, ctx):
        o = ctx.options
        links = []
        fm = doc.front_matter
        if fm is not None and not fm.unreadable:  # source and image URLs of the front matter
            for k in fm.keys:
                v = k.value
                if isinstance(v, str) and re.match(r"(?i)^https?[:/]", v.strip()):
                    why = malformed(v.strip())
                    if why:
                        ctx.report(k.value_line, k.value_col, f"'{k.dotted}' URL "
                                   f"'{v.strip()[:80]}' cannot work: {why}",
                                   end_col=k.value_col + len(k.raw_value or v))
        elif fm is not None:  # YAML that does not load: its "key: url" lines one by one
            for line, _indent, key, v, col in fm.raw_pairs:
                if re.match(r"(?i)^https?[:/]", v) and (why := malformed(v)):
                    ctx.report(line, col, f"'{key}' URL '{v[:80]}' cannot work: {why}",
                               end_col=col + len(v))
        for e in doc.links:
            h = href(e)
            if not re.match(r"(?i)^https?[:/]", h):
                continue
            why = malformed(h)
            if why:
                ctx.report(e.line, e.col, f"link to '{h[:80]}' cannot work: {why}",
                           end_line=e.end_line, end_col=e.end_col)
            else:
                links.append((e, h))
        if not ctx.online:
            return
        self._online(doc, ctx, o, links)

    def _online(self, doc, ctx, o, links) -> None:
        from ...online import LinkChecker  # lazy: no network code loads without --online

        checker = ctx.shared.get("linkchecker")
        if checker is None:
            checker = LinkChecker(timeout=float(o.get("timeout") or 10),
                                  max_bytes=int(o.get("max_bytes") or 1 << 20),
                                  max_redirects=int(o.get("max_redirects") or 5),
                                  allow_hosts=list(ctx.allow_hosts) + list(o.get("allow_hosts")
                                                                            or []),
                                  user_agent=str(o.get("user_agent") or "medlint"),
                                  cache=ctx.shared.setdefault("linkcache", {}))
            ctx.shared["linkchecker"] = checker
        videos = []
        if o.get("check_videos", True):
            base = str(o.get("youtube_oembed") or "https://www.youtube.com/oembed")
            for el in doc.embeds:
                vid = None
                if el.tag.startswith("shortcode:youtube"):
                    vid = el.attrs.get("id") or el.attrs.get(0)
                else:
                    v = video_id(iframe_src(el))
                    if v and v[0] == "youtube":
                        vid = v[1]
                if vid and YT_ID.match(str(vid)):
                    watch = f"https://www.youtube.com/watch?v={vid}"
                    videos.append((el, vid, f"{base}?format=json&url={quote(watch, safe='')}"))
        urls = [h for _, h in links] + [u for _, _, u in videos]
        results = checker.check_many(urls, int(o.get("concurrency") or 8))
        ignore = {int(s) for s in o.get("ignore_status") or []}
        for e, h in links:
            r = results[h]
            if not r.problem or (r.status in ignore):
                continue
            if "timeout" in r.problem and not o.get("report_timeouts", True):
                continue
            ctx.report(e.line, e.col, f"link to '{h[:80]}': {r.problem}", end_line=e.end_line,
                       end_col=e.end_col)
        for el, vid, u in videos:
            r = results[u]
            if r.status == 404:
                msg = f"YouTube video {vid} does not exist (removed or never existed)"
            elif r.status in (401, 403):
                msg = f"YouTube video {vid} is private or cannot be embedded"
            elif r.problem and r.status is None:
                msg = f"YouTube video {vid} could not be checked: {r.problem}"
            else:
                continue
            ctx.report(el.line, el.col, msg, end_line=el.end_line, end_col=el.end_col)
