import re
from functools import lru_cache

from ..base import Rule
from ...model import Severity
from ._norm import norm, short


@lru_cache(maxsize=16)
def _compile(patterns: tuple) -> list:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.I | re.M))
        except re.error:
            continue
    return out


class LeftoverResidue(Rule):
    code = "ST005"
    name = "leftover-residue"
    category = "structure"
    severity = Severity.WARNING
    summary = "Page chrome or text-generator boilerplate left in the article."
    what = """
    Two kinds of leftovers, both configurable lists in `rules/structure.yaml`:

    - page chrome: a short heading, paragraph or list item (at most 8 words) that is, or
      starts with, a widget label such as "Recent posts", "Related articles", "Share this",
      "Leave a reply", "Previous post", "Click here to subscribe" (`block_phrases`);
    - generation residue anywhere in the prose: "As an AI language model", "Sure! Here is…",
      "I hope this helps", "Let me know if you need…", "in over 2000 words", "[Insert
      image]", "lorem ipsum" (`text_patterns`, regular expressions).

    Add your own with `extra_block_phrases` / `extra_text_patterns`. Whole HTML pages are
    only checked for generation residue: a live page legitimately has "Skip to content" and
    "Advertisement" labels.
    """
    why = """
    Leftovers show readers that the page was scraped or generated and not edited: widget
    labels with nothing under them, or a text generator talking to its user, undermine trust
    in the health information around them.
    """
    standard = "HONcode principle 8 (honesty in advertising and editorial policy); Google helpful-content guidance (content made for people, edited)."
    cite = "HONcode 8"
    pack = "structure.yaml"
    options = {"block_phrases": [], "text_patterns": [], "max_words": 8}
    bad = """# Knee twitching

Sure! Here is an article about knee twitching.

Most twitches are harmless.

Recent posts
"""
    good = """# Knee twitching

Most twitches are harmless.
"""

    def check(self, doc, ctx):
        o = ctx.options
        phrases = [norm(p) for p in list(o.get("block_phrases") or []) +
                   list(o.get("extra_block_phrases") or []) if norm(p)]
        pats = _compile(tuple(list(o.get("text_patterns") or []) +
                              list(o.get("extra_text_patterns") or [])))
        max_words = int(o.get("max_words", 8))
        for b in doc.flat:
            if b.kind not in ("heading", "paragraph", "item", "cell") or not b.text.strip():
                continue
            t = norm(b.text)
            if len(t.split()) <= max_words and doc.format != "html":
                hit = next((p for p in phrases if t == p or t.startswith(p + " ")), None)
                if hit:
                    ctx.report(b.line, b.col, f"\"{short(b.text, 40)}\" is page residue left in "
                               "the article; remove it",
                               end_col=b.col + len(b.text.split("\n")[0]))
                    continue
            for rx in pats:
                m = rx.search(b.text)
                if m:
                    p, e = b.pos_of(m.start()), b.pos_of(m.end())
                    ctx.report(p.line, p.col, f"\"{short(m.group(0), 40)}\" is text-generator or "
                               "template residue; remove it", end_line=e.line, end_col=e.col)
                    break
