
from ...model import Severity
from ..base import Rule
from ._prose import WORD


class LongParagraph(Rule):
    code = "RD003"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    summary = "A paragraph of more than 5 sentences or 120 words."
    what = """
    A paragraph with more than `max_sentences` sentences (default 5) or more than
    `max_words` words (default 120).
    """
    why = """
    Walls of text are skimmed, not read; on a phone a 120-word paragraph fills the screen.
    Short chunks with headings help readers find what they need.
    """
    standard = ("PEMAT item 8 (material broken into short sections); CDC Clear Communication "
                "Index item 9 (chunks with headings); SHeLL Health Literacy Editor.")
    cite = "PEMAT item 8"
    pack = "readability.yaml"
    options = {"max_sentences": 5, "max_words": 120}
    bad = """# Knee twitching

Knee twitching is common. It is usually harmless. It often happens after exercise. Tiredness
makes it worse. Caffeine can trigger it. Stress plays a part too. It usually stops on its own.
"""
    good = """# Knee twitching

Knee twitching is common. It is usually harmless. It often happens after exercise.

Tiredness makes it worse. Caffeine can trigger it. Stress plays a part too.
"""

    def check(self, doc, ctx):
        max_s = int(ctx.options.get("max_sentences") or 5)
        max_w = int(ctx.options.get("max_words") or 120)
        counts: dict[int, int] = {}
        for s in doc.sentences:
            counts[id(s.block)] = counts.get(id(s.block), 0) + 1
        for b in doc.paragraphs:
            n_s = counts.get(id(b), 0)
            if n_s <= max_s and len(b.text) <= 2 * max_w:
                continue  # n words take at least 2n - 1 characters: too short to be too long
            n_w = len(WORD.findall(b.text))
            if n_s > max_s or n_w > max_w:
                ctx.report(b.line, b.col, f"paragraph of {n_s} sentences and {n_w} words "
                           f"(limits {max_s} sentences, {max_w} words): break it up",
                           end_line=b.end_line)
