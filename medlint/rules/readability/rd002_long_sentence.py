import re

from ...model import Severity
from ..base import Rule
from ._prose import URL, WORD


class LongSentence(Rule):
    code = "RD002"
    name = "long-sentence"
    category = "readability"
    severity = Severity.INFO
    summary = "A sentence longer than 35 words (configurable)."
    what = """
    A sentence of a paragraph or list item with more than `max_words` words (default 35).
    URLs do not count. Run-on "sentences" of more than `unpunctuated_max_words` words with
    no end punctuation are skipped: they are lists or menus a scraper ran together.
    """
    why = """
    Long sentences are the main driver of reading difficulty; readers with low literacy or
    reading in a second language lose the thread. One idea per sentence.
    """
    standard = ("Federal Plain Language Guidelines ('Write short sentences'); SHeLL Health "
                "Literacy Editor; PEMAT item 3; NHS content guide.")
    cite = "Federal Plain Language Guidelines"
    pack = "readability.yaml"
    options = {"max_words": 35, "unpunctuated_max_words": 60}
    bad = """# Knee twitching

Knee twitching, which is usually caused by tiredness, dehydration, too much caffeine or
stress after a long day at work or a hard session at the gym, is rarely serious, but if it
keeps happening for weeks or comes with weakness in the leg you should see a doctor.
"""
    good = """# Knee twitching

Knee twitching is usually caused by tiredness, dehydration, too much caffeine or stress. It
is rarely serious. See a doctor if it keeps happening for weeks or your leg feels weak.
"""

    def check(self, doc, ctx):
        limit = int(ctx.options.get("max_words") or 35)
        runon = int(ctx.options.get("unpunctuated_max_words") or 60)
        for s in doc.sentences:
            if s.block.kind not in ("paragraph", "item"):
                continue
            text = s.text
            if len(text) <= 2 * limit:
                continue  # n words take at least 2n - 1 characters: too short to be over the limit
            if "http" in text or "www." in text:
                text = URL.sub(" ", text)
            n = len(WORD.findall(text))
            if n <= limit:
                continue
            if n > runon and not re.search(r"[.!?…][\"'”’)\]]*\s*$", text):
                continue
            ctx.report(s.line, s.col, f"sentence of {n} words (over {limit}): split it, one "
                       "idea per sentence", end_line=s.end_line, end_col=s.end_col)
