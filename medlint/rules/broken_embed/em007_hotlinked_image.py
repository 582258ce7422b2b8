import re
from urllib.parse import urlsplit

from ...model import Severity
from ..base import Rule


class HotlinkedImage(Rule):
    code = "EM007"
    name = "hotlinked-image"
    category = "broken-embed"
    severity = Severity.WARNING
    summary = "An image hotlinked from a search engine's thumbnails or a social site's CDN."
    what = """
    An image in the body (`<img>`, Markdown image, Hugo figure shortcode) or in any
    front-matter field (thumbnail,
    image, images, cover.image, featured_image, ...) whose URL points at an image-search
    thumbnail service (`tse*.mm.bing.net/th`, `th.bing.com/th`, `encrypted-tbn*.gstatic.com`)
    or at a social site's image CDN (`i.pinimg.com`, `*.fbcdn.net`, `*.cdninstagram.com`),
    or, in a Markdown or text article, at another site's WordPress uploads
    (`/wp-content/uploads/`; a WordPress page's own uploads are not checked); the full list
    is in `rules/broken-embed.yaml` (an entry's `formats` limits it to some formats). Each
    front-matter key is reported; in the body, each URL once.
    """
    why = """
    These URLs are search-result thumbnails or social-media copies of someone else's picture
    (Facebook and Instagram URLs are signed and expire within days): they change or vanish
    without notice (the article then shows a broken image), are low resolution, and usually
    reuse an image without a licence. Copy a licensed image to the site instead.
    """
    standard = ("Link rot and copyright: images must be stable assets the publisher may use "
                "(HONcode principle 4, attribution; Patient Information Forum TICK criteria).")
    cite = "HONcode 4"
    pack = "broken-embed.yaml"
    options = {"hosts": []}
    bad = """---
title: Knee twitching
thumbnail: https://tse1.mm.bing.net/th?q=knee%20twitching&w=800
---

Body text.
"""
    good = """---
title: Knee twitching
thumbnail: /images/knee-twitching.jpg
---

Body text.
"""

    def _compile(self, hosts, fmt: str = ""):
        """(host regex, path prefix, service) of the entries that apply to documents of
        format ``fmt`` (an entry's optional `formats`)."""
        return [(re.compile(h["host"] + "$", re.I), h.get("path", ""), h.get("service", ""))
                for h in hosts if not h.get("formats") or fmt in h["formats"]]

    def match(self, url: str, rules):
        url = url.strip()
        if not url or ("//" not in url):
            return None
        try:
            parts = urlsplit(url if "://" in url else "https:" + url if url.startswith("//")
                             else url)
        except ValueError:
            return None
        host = (parts.hostname or "").lower()
        for rx, path, service in rules:
            if rx.match(host) and parts.path.startswith(path):
                return service.replace("{host}", host) if service else host
        return None

    def check(self, doc, ctx):
        rules = self._compile(ctx.options.get("hosts") or [], doc.format)
        fm = doc.front_matter
        if fm is not None and not fm.unreadable:
            for k in fm.keys:
                values = k.value if isinstance(k.value, list) else [k.value]
                for i, v in enumerate(values):
                    if not isinstance(v, str):
                        continue
                    service = self.match(v, rules)
                    if service:
                        line, col = (k.items[i] if isinstance(k.value, list) and i < len(k.items)
                                     else (k.value_line, k.value_col))
                        ctx.report(line, col, f"front-matter '{k.dotted}' "
                                   f"hotlinks an image from {service}: the URL can change or "
                                   "vanish and the image is not the site's to use; host a "
                                   "licensed copy", end_col=col + len(v))
        elif fm is not None:  # YAML that does not load: its "key: url" lines one by one
            for line, _indent, key, v, col in fm.raw_pairs:
                service = self.match(v, rules)
                if service:
                    ctx.report(line, col, f"front-matter '{key}' hotlinks an image from "
                               f"{service}: the URL can change or vanish and the image is not "
                               "the site's to use; host a licensed copy", end_col=col + len(v))
        if doc.format == "html":
            # a whole page's share image (<meta property="og:image" content="...">): the
            # picture shown when the page is shared
            for el in doc.elements:
                if el.tag != "meta" or (el.attrs.get("property") or el.attrs.get("name") or ""
                                        ).strip().lower() not in _SHARE_IMAGE:
                    continue
                url = (el.attrs.get("content") or "").strip()
                service = self.match(url, rules) if url else None
                if service:
                    ctx.report(el.line, el.col, f"the page's share image hotlinks an image from "
                               f"{service}: the URL can change or vanish and the image is not "
                               "the site's to use; host a licensed copy", end_col=el.end_col)
        shown: set[str] = set()  # one finding per URL in the body (each front-matter key
        # is reported: "image" and "excerpt_image" are set one by one)
        for el in doc.images:
            src = (el.attrs.get("src") or "").strip()
            if src in shown:
                continue
            service = self.match(src, rules)
            if service:
                shown.add(src)
                ctx.report(el.line, el.col, f"image hotlinked from {service}: the URL can change "
                           "or vanish and the image is not the site's to use; host a licensed "
                           "copy", end_col=el.end_col)


_SHARE_IMAGE = frozenset({"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                          "twitter:image:src", "image", "thumbnail"})
