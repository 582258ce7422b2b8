import re
from functools import lru_cache

from ...model import Severity
from ...rxguard import any_finder, guarded
from ..base import Rule
from ._util import host_matches, host_of, href


class PlaceholderLink(Rule):
    code = "LK001"
    name = "placeholder-link"
    category = "links"
    severity = Severity.WARNING
    summary = "A link to nowhere: '#', 'javascript:', example.com, or '[insert link]' text."
    what = """
    A link whose target is a placeholder — empty, `#`, `javascript:...`, `about:blank`, a
    bare `http://`, words such as "url" or "TODO", or a reserved or dummy host
    (example.com/.org/.net, *.test, *.invalid, localhost, yourdomain.com) — and placeholder
    text left where a link should be ("[insert link]", "link here", "[source needed]"). A `#`
    link whose text is "Back to top", "Top of page", "Menu", "Sections", "Manage cookies"
    ... (`hash_ok_text`) is fine. In
    full HTML pages `#` and `javascript:` links are usually script-driven menus, toolbars and
    widgets and are skipped (`skip_script_links_in_html_pages`), unless the link stands in a
    paragraph of the article with words that promise a page or a resource ("Download our free
    symptom checker", "Book now") and not a page action such as "Print", "Share" or "Show more"
    (`script_action_text`).
    """
    why = """
    A placeholder is an unfinished edit: readers click and go nowhere, and the source or
    resource the sentence promises is missing.
    """
    standard = ("Federal Plain Language Guidelines ('Write effective links'); RFC 2606 "
                "(reserved example domains); JAMA benchmark 'attribution'; PIF TICK.")
    cite = "JAMA benchmarks: attribution"
    pack = "links.yaml"
    options = {"placeholder_hrefs": [], "placeholder_hosts": [], "placeholder_text": [],
               "skip_script_links_in_html_pages": True, "hash_ok_text": [],
               "script_action_text": ""}
    bad = """# Knee pain

Read the [NHS guidance](#) and the [study](https://example.com/study). [insert link]
"""
    good = """# Knee pain

Read the [NHS guidance](https://www.nhs.uk/conditions/knee-pain/).
"""

    def check(self, doc, ctx):
        o = ctx.options
        hrefs = {str(h).lower() for h in o.get("placeholder_hrefs") or []}
        hosts = o.get("placeholder_hosts") or []
        hash_ok = {str(t).lower() for t in o.get("hash_ok_text") or []}
        skip_script = doc.format == "html" and o.get("skip_script_links_in_html_pages", True)
        in_prose = _ProseLinks(doc, o.get("script_action_text") or "") if skip_script else None
        for e in doc.links:
            if "href" not in e.attrs:
                continue  # an anchor (<a name=...>), not a link
            h = href(e)
            low = h.lower()
            why = None
            if low.startswith("javascript:"):
                why = "a javascript: link"
            elif low == "#" and " ".join(e.text.lower().split()).strip(" ^↑") in hash_ok:
                continue  # "Back to top" and script menus are what "#" is for
            elif low in hrefs:
                why = "an empty link target" if not low else f"the placeholder target '{h}'"
            elif low.startswith(("http://", "https://", "//")) and host_matches(host_of(h), hosts):
                why = f"a placeholder host ({host_of(h)})"
            if why is None:
                continue
            if skip_script and (low in ("#", "") or low.startswith("javascript:")) \
                    and not in_prose(e):
                continue
            ctx.report(e.line, e.col, f"link '{e.text.strip()[:40]}' points to {why}: link to "
                       "the real page or remove the link", end_line=e.end_line,
                       end_col=e.end_col)
        rxs, found = _placeholder_res(tuple(o.get("placeholder_text") or ()))
        for b in doc.flat:
            if b.kind not in ("paragraph", "item", "cell", "heading") or not b.text:
                continue
            if found is not None and not found(b.text):
                continue  # none of the placeholder texts: the common case
            for rx in rxs:
                for m in rx.finditer(b.text):
                    a = b.pos_of(m.start())
                    z = b.pos_of(m.end())
                    ctx.report(a.line, a.col, f"placeholder '{m.group(0)}' where a link should "
                               "be", end_line=z.line, end_col=z.col)


_CALL_TO_ACTION = frozenset("book download read get view see learn find request order buy call "
                            "contact visit watch try join start register apply".split())


class _ProseLinks:
    """Whether a link of an HTML page stands in a paragraph of the article with words that
    promise a page or a resource: three or more, or a call to action ("Book now"), and not a
    page action (print, share, show more ...)."""

    def __init__(self, doc, action: str):
        self.doc = doc
        self.action = re.compile(action, re.I) if action else None
        self.by_line: dict[int, list] | None = None

    def __call__(self, e) -> bool:
        text = " ".join(e.text.split())
        words = text.lower().split()
        if not (len(words) >= 3 or len(words) == 2 and words[0] in _CALL_TO_ACTION) or (
                self.action is not None and self.action.search(text)):
            return False
        if self.by_line is None:  # the article's paragraphs by line, built on first use
            self.by_line = {}
            for b in self.doc.flat:
                if b.kind == "paragraph" and b.text:
                    for ln in range(b.line, b.end_line + 1):
                        self.by_line.setdefault(ln, []).append(b)
        return any(text in " ".join(b.text.split()) for b in self.by_line.get(e.line, ()))


@lru_cache(maxsize=32)
def _placeholder_res(patterns: tuple) -> tuple[tuple[re.Pattern, ...], object]:
    """The placeholder-text patterns, compiled once per list (searched in every block), and
    one joined test for a block that holds none of them (``None`` for fewer than two)."""
    out = []
    for p in patterns:
        try:
            out.append(guarded(p, re.I))
        except re.error:
            continue
    found = any_finder(tuple(rx.pattern for rx in out), re.I) if len(out) > 1 else None
    return tuple(out), found
