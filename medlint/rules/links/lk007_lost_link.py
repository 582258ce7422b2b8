import re

from ...model import Severity
from ...rxguard import compile_all
from ..base import Rule


class LostLink(Rule):
    code = "LK007"
    name = "lost-link"
    category = "links"
    severity = Severity.WARNING
    summary = "A sentence points the reader to a page or video, but there is no link."
    what = """
    A paragraph or list item that sends the reader to more information ("Find out more about
    getting the flu vaccine", "Learn how to improve your inhaler technique through our short
    videos", "The NHS website has more advice on ...", "See our quick guide to filing an
    appeal", "Click here to book a session"; `pointers`, regular expressions) and holds no
    link: the link was lost when the
    page was exported or scraped, or never added. Not reported: a lead-in ending with ":"
    (its links are in the list below it), "to find out more" as a purpose ("researchers
    striving to find out more"), questions, and whole HTML pages, where the words may sit
    next to a button or card outside the text.
    """
    why = """
    The reader is promised a resource and cannot reach it; for health pages the missing link
    is often the practical next step (a vaccine booking page, an inhaler video, a service).
    """
    standard = ("NHS content guide (links: every link says where it goes; pointing to a "
                "resource that is not linked leaves the reader stuck); PIF TICK (signposting "
                "to further support); JAMA benchmark 'attribution' (sources that can be "
                "followed).")
    cite = "NHS content guide: links"
    pack = "links.yaml"
    options = {"pointers": []}
    bad = """# Asthma and colds

Get the flu vaccine. Find out more about getting the flu vaccine if you have asthma.
"""
    good = """# Asthma and colds

Get the flu vaccine. Find out more about
[getting the flu vaccine if you have asthma](https://www.asthmaandlung.org.uk/).
"""

    def check(self, doc, ctx):
        if doc.format == "html":
            return
        pointers = compile_all(ctx.options.get("pointers"))
        if not pointers:
            return
        hits = doc.prose.blocks_with("more", lowered=True) | doc.prose.blocks_with(
            " our ", lowered=True) | doc.prose.blocks_with("click ", lowered=True) | \
            doc.prose.blocks_with("tap ", lowered=True)
        if not hits:
            return  # every default pointer says "more", "our", "click" or "tap"
        linked: set[int] = set()
        for e in doc.links:
            linked.update(range(e.line, (e.end_line or e.line) + 1))
        for i in sorted(hits):
            b = doc.prose.blocks[i]
            if b.kind not in ("paragraph", "item") or b.text.rstrip().endswith((":", "?")):
                continue
            if any(b.line <= n <= b.end_line for n in linked):
                continue
            m = min((m for rx in pointers if (m := rx.search(b.text))), default=None,
                    key=lambda m: m.start())  # the first pointer of the block
            if m is None or re.search(r"\bto\s*$", b.text[:m.start()]):
                continue  # "striving to find out more": a purpose, not a pointer
            a, e = b.pos_of(m.start()), b.pos_of(m.end())
            ctx.report(a.line, a.col, f"'{m.group(0)}' points the reader to more information, "
                       "but the text has no link: add the link (it may have been lost when the "
                       "page was exported) or say where to find it",
                       end_line=e.line, end_col=e.col)
