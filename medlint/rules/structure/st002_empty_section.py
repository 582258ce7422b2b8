import re
from bisect import bisect_right

from ...model import Severity
from ..base import Rule
from ._norm import is_navigation, norm, short


class EmptySection(Rule):
    code = "ST002"
    name = "empty-section"
    category = "structure"
    severity = Severity.WARNING
    summary = "A heading with no content before the next heading of the same or a higher level."
    what = """
    A Markdown or HTML heading followed directly by a heading of the same or a higher level
    (an `##` right after an `##`), so its section is empty. Headings listed in `allowed`
    ("Contents") and headings that are a link (a card such as "Tip sheet") are not reported.
    Markdown (HTML inside Markdown included) and the `<main>`/`<article>` of whole HTML
    pages (where a heading right under the `<h1>` is a subtitle): elsewhere a page uses
    headings for its template (site section titles, feedback widgets, metadata). In plain
    text, where heading levels are not known and short lines of a list without bullets look
    like headings, only two heading lines of three words or more, after the title.
    """
    why = """
    An empty section is a section whose text was lost (a generator that stopped, a scraper
    that dropped a block) or a heading left from an outline: readers are promised content
    that is not there.
    """
    standard = "CDC Clear Communication Index item 9 and PEMAT items 8-9 (sections with informative headers)."
    cite = "CDC CCI 9; PEMAT 8"
    pack = "structure.yaml"
    options = {"allowed": []}
    bad = """# Knee twitching

## Causes

## Treatment

Rest and ice usually help.
"""
    good = """# Knee twitching

## Causes

Tired muscles, stress and dehydration.

## Treatment

Rest and ice usually help.
"""

    def check(self, doc, ctx):
        if doc.format == "html" and not doc.html_article_only:
            return
        text = doc.format == "text"
        key = ("ST002", id(ctx.options))
        if key not in ctx.shared:  # normalised once per run
            ctx.shared[key] = {norm(a) for a in ctx.options.get("allowed", [])}
        allowed = ctx.shared[key]
        blocks = [b for b in doc.blocks if not (b.kind == "paragraph" and not b.text.strip())]
        starts = None
        for k, (b, nxt) in enumerate(zip(blocks, blocks[1:], strict=False)):
            if b.kind != "heading" or nxt.kind != "heading" or nxt.level > b.level:
                continue
            if text and (len(b.text.split()) < 3 or len(nxt.text.split()) < 3
                         or b.text.rstrip().endswith(":") or nxt.text.rstrip().endswith("?")
                         or not any(x.kind == "paragraph" and len(x.text.split()) >= 8
                                    and not _CRUMB_OR_FAQ.search(x.text) for x in blocks[:k])
                         or _CRUMB_OR_FAQ.search(b.text) or nxt.text.lstrip()[:1].isdigit()):
                # plain text: short lines may be a list without bullets, a question or a
                # numbered line under a heading is its sub-heading, and the lines above the
                # first paragraph are the page's title block
                continue
            if doc.format == "html" and k and blocks[k - 1].kind == "heading" and \
                    blocks[k - 1].level == 1:
                continue  # a page's subtitle under its <h1> (a dek, a standfirst)
            t = norm(b.text)
            if not t or t in allowed or nxt.line <= b.line:
                continue
            if is_navigation(doc, b):
                continue  # a heading that is a link (a card, "Tip sheet"): navigation
            if starts is None:
                # lines where some content starts (any depth): a guard against blocks that a
                # malformed page (unclosed <p>, text in stray cells) lists out of source order
                starts = sorted(x.line for x in doc.flat if x.kind != "heading" and (
                    x.text.strip() or x.kind in ("image", "embed", "table", "code")))
            k = bisect_right(starts, b.end_line)
            if k < len(starts) and starts[k] < nxt.line:
                continue
            ctx.report(b.line, b.col, f"section \"{short(b.text)}\" is empty: the next heading "
                       f"(line {nxt.line}) follows it directly; add its content or remove it",
                       end_col=b.col + len(b.text.split("\n")[0]))


_CRUMB_OR_FAQ = re.compile(r"[»›>|]|\b(?:faqs?|frequently asked|questions)\b", re.I)
