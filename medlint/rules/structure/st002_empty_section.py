from ..base import Rule
from ...model import Severity
from ._norm import norm, short


class EmptySection(Rule):
    code = "ST002"
    name = "empty-section"
    category = "structure"
    severity = Severity.WARNING
    summary = "A heading with no content before the next heading of the same or a higher level."
    what = """
    A Markdown or HTML heading followed directly by a heading of the same or a higher level
    (an `##` right after an `##`), so its section is empty. Headings listed in `allowed`
    ("Contents") are not reported. Plain text is skipped: heading levels are not known there
    and short lines of a list without bullets look like headings.
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
        if doc.format == "text":
            return
        allowed = {norm(a) for a in ctx.options.get("allowed", [])}
        blocks = [b for b in doc.blocks if not (b.kind == "paragraph" and not b.text.strip())]
        for b, nxt in zip(blocks, blocks[1:]):
            if b.kind != "heading" or nxt.kind != "heading" or nxt.level > b.level:
                continue
            if not norm(b.text) or norm(b.text) in allowed:
                continue
            ctx.report(b.line, b.col, f"section \"{short(b.text)}\" is empty: the next heading "
                       f"(line {nxt.line}) follows it directly; add its content or remove it",
                       end_col=b.col + len(b.text.split("\n")[0]))
