import re

from ...model import Severity
from ...rxguard import guarded
from ..base import Rule
from ._dates import fm_fields_present
from .md001_missing_author import named


def _rx(patterns, flags=re.I):
    out = []
    for p in patterns or []:
        try:
            out.append(guarded(p, flags))  # same matches; the disclosure scan reads every block
        except re.error:
            continue
    return out


class UndisclosedCommercialLink(Rule):
    code = "MD008"
    name = "undisclosed-commercial-link"
    category = "metadata"
    severity = Severity.WARNING
    summary = "Affiliate, sponsored or shop links with no disclosure."
    what = """
    Links that earn money or sell — known affiliate networks and parameters (Amazon `tag=`,
    amzn.to, ClickBank, ShareASale, `aff_id=`, ...), shop pages (product, collection, cart),
    `rel="sponsored"`, or link text such as "Buy now" — in an article with no disclosure: no
    non-empty disclosure field (disclosure, sponsored, ...) and no statement such as "This
    post contains affiliate links" or "We may earn a commission". Reported at the first such
    link; the message counts the others. A shop link whose text has nothing to do with the
    shop page is spam, left to unrelated-shop-link (LK006).
    """
    why = """
    Readers must be able to tell advice from advertising. Undisclosed commercial links are a
    conflict of interest, and in many countries a breach of advertising law.
    """
    standard = ("JAMA benchmark 'disclosure' (ownership, sponsorship, advertising); HONcode "
                "principles 7 and 8 (financial disclosure, advertising policy); NHS standards "
                "for creating health content (transparency about adverts).")
    cite = "JAMA benchmarks: disclosure; HONcode 7-8"
    pack = "metadata.yaml"
    options = {"promo_patterns": [], "affiliate_url_patterns": [], "shop_url_patterns": [], "shop_link_text": [],
               "sponsored_rel": [], "disclosure_fields": [], "disclosure_patterns": [],
               "non_commercial_hosts": []}
    bad = """---
title: Magnesium for cramps
---

Magnesium may help night cramps. [Buy now](https://www.amazon.com/dp/B000123?tag=shop-20).
"""
    good = """---
title: Magnesium for cramps
disclosure: This article contains affiliate links; we may earn a commission.
---

Magnesium may help night cramps. [Buy now](https://www.amazon.com/dp/B000123?tag=shop-20).
"""

    def check(self, doc, ctx):
        o = ctx.options
        aff = _rx(o.get("affiliate_url_patterns"))
        shop = _rx(o.get("shop_url_patterns"))
        texts = {t.lower().strip() for t in o.get("shop_link_text") or []}
        rels = {r.lower() for r in o.get("sponsored_rel") or []}
        from ..links._util import host_matches, host_of, unrelated_to_url

        public = o.get("non_commercial_hosts") or []
        hits = []
        for e in doc.links:
            href = (e.attrs.get("href") or "").strip()
            label = " ".join(e.text.split()).lower().strip(" .!:→»>")
            rel = set((e.attrs.get("rel") or "").lower().split())
            why = None
            if href.startswith(("http://", "https://", "//")):
                if any(r.search(href) for r in aff):
                    why = "affiliate link"
                elif any(r.search(href) for r in shop) and \
                        not host_matches(host_of(href), public):
                    if unrelated_to_url(e.text, href):
                        continue  # a spam link (unrelated-shop-link, LK006): remove, not disclose
                    why = "link to a shop"
            if why is None and rel & rels:
                why = f"rel=\"{' '.join(sorted(rel & rels))}\" link"
            if why is None and label in texts:
                why = f"'{e.text.strip()}' link"
            if why:
                hits.append((e, why))
        if not hits and aff:
            # an affiliate URL written out in the text ("Order today at https://amzn.to/3Kx9")
            # of a page that has no link element for it (plain text, a scraped page)
            for b in doc.flat:
                if b.kind in ("paragraph", "item", "cell") and "://" in b.text:
                    for u in _BARE_URL.finditer(b.text):
                        if any(r.search(u.group(0)) for r in aff):
                            hits.append((_BareLink(b, u), "affiliate link"))
                            break
                if hits:
                    break
        codes = []  # a discount code in the text: "Use code PANIC20 at checkout"
        prx = _rx(o.get("promo_patterns"), 0)  # case matters: a code is in capitals
        if prx and not hits:
            for b in doc.flat:
                if b.kind in ("paragraph", "item", "cell") and b.text and (
                        m := next((m for r in prx if (m := r.search(b.text))), None)):
                    codes.append((b, m))
                    break
        if not hits and not codes:
            return
        if named(fm_fields_present(doc, o.get("disclosure_fields") or [])):
            return
        drx = _rx(o.get("disclosure_patterns"), re.I | re.M)
        for b in doc.flat:
            if b.text and any(r.search(b.text) for r in drx):
                return
        if not hits:
            b, m = codes[0]
            a, z = b.pos_of(m.start()), b.pos_of(m.end())
            ctx.report(a.line, a.col, f"discount code '{m.group(0)}' with no disclosure: say "
                       "whether the article is paid for or earns from the product (a "
                       "disclosure field or statement)", end_line=z.line, end_col=z.col)
            return
        e, why = hits[0]
        more = f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""
        href = (e.attrs.get("href") or "")[:80]
        ctx.report(e.line, e.col, f"{why} to {href}{more} with no disclosure: say that the "
                   "article contains affiliate, sponsored or shop links (a disclosure field "
                   "or statement)", end_line=e.end_line, end_col=e.end_col)


_BARE_URL = re.compile(r"https?://[^\s)\]>\"']+")


class _BareLink:
    """A URL written in a block's text, with a link's position attributes for the report."""

    def __init__(self, block, m):
        a, e = block.pos_of(m.start()), block.pos_of(m.end())
        self.line, self.col, self.end_line, self.end_col = a.line, a.col, e.line, e.col
        self.attrs = {"href": m.group(0)}
        self.text = m.group(0)
