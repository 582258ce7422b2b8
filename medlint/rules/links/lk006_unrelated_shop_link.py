import re
from functools import lru_cache

from ...model import Severity
from ...rxguard import compile_all
from ..base import Rule
from ..registry import shared_option
from ._util import host_matches, host_of, href, unrelated_to_url


@lru_cache(maxsize=8)
def _shop(patterns: tuple):
    return compile_all(list(patterns))


def spam_links(doc, options: dict) -> list:
    """The links of ``doc`` into shop pages whose text has nothing to do with the page. The
    shop URL patterns and non-commercial hosts are the rule's own, or those of
    undisclosed-commercial-link (MD008), which this rule shares."""
    shop = _shop(tuple(options.get("shop_url_patterns") or ())
                 or shared_option("MD008", "shop_url_patterns"))
    public = tuple(options.get("non_commercial_hosts") or ()) or shared_option(
        "MD008", "non_commercial_hosts")
    out = []
    for e in doc.links:
        url = href(e)
        if not url.startswith(("http://", "https://", "//")) or not e.text.strip():
            continue
        if any(r.search(url) for r in shop) and not host_matches(host_of(url), public) \
                and unrelated_to_url(e.text, url):
            out.append(e)
    return out


class UnrelatedShopLink(Rule):
    code = "LK006"
    name = "unrelated-shop-link"
    category = "links"
    severity = Severity.WARNING
    summary = "Link text about health that leads to an unrelated shop page: an injected spam link."
    what = """
    A link into a shop page (the shop URL patterns of undisclosed-commercial-link, MD008:
    store or shop hosts, product, collection and cart pages) whose text shares none of its
    words with the URL: "[Keep your baby cool](https://store.example/i-like-my-chihuahua)".
    Words of four letters or more count, a word being shared when its first five letters
    stand anywhere in the URL, so "[Mayo Clinic Family Health Book](.../products/books/...)"
    is left alone. Link text of fewer than two such words is not judged. Each link is
    reported; undisclosed-commercial-link leaves these links to this rule (spam is not fixed
    by a disclosure).
    """
    why = """
    Sites that are hacked or that buy links get shop links slipped into their prose under
    innocent text. Readers who follow "Keep your baby cool" for fever advice land on a
    T-shirt shop: the article loses their trust, and search engines treat such links as
    spam.
    """
    standard = ("HONcode principle 8 (honesty in advertising: advertising clearly told apart "
                "from editorial content); WCAG 2.4.4 (link purpose from the link text); "
                "Google spam policies (link spam).")
    cite = "HONcode 8; WCAG 2.4.4"
    pack = "links.yaml"
    options = {"shop_url_patterns": [], "non_commercial_hosts": []}
    bad = """# Baby colds

Monitor your baby's temperature. [Keep your baby cool](https://store.example.com/i-like-my-chihuahua) until the fever passes.
"""
    good = """# Baby colds

Monitor your baby's temperature. [Keep your baby cool](https://www.nhs.uk/conditions/fever-in-children/) until the fever passes.
"""

    def check(self, doc, ctx):
        if not doc.links:
            return
        for e in spam_links(doc, ctx.options):
            url = href(e)
            slug = re.sub(r"^https?://|^//", "", url)[:60]
            ctx.report(e.line, e.col, f"link text '{' '.join(e.text.split())[:50]}' has nothing "
                       f"to do with where it leads, a shop page ({slug}): an injected spam "
                       "link; remove it", end_line=e.end_line, end_col=e.end_col)
