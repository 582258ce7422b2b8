import re

from ...model import Severity
from ..base import Rule

_INT = re.compile(r"\d{1,3}")


def _num(s: str) -> int | None:
    m = _INT.search(s or "")
    return int(m.group(0)) if m else None


def _problem(prev: int, n: int) -> str:
    if n == prev:
        return f"number {n} is used twice in a row"
    if n < prev:
        return f"number {n} follows {prev}"
    missing = prev + 1 if n == prev + 2 else f"{prev + 1}–{n - 1}"
    return f"number {n} follows {prev} ({missing} is missing)"


class NumberingGap(Rule):
    code = "LI003"
    name = "numbering-gap"
    category = "missing-list-items"
    severity = Severity.WARNING
    summary = "The items of a numbered list skip or repeat a number."
    what = """
    The items of one numbered list whose numbers do not go up by one: 1, 2, 4 (an item is
    missing) or 1, 2, 2 (one is duplicated or misnumbered). A list numbered `1.` `1.` `1.`
    (Markdown's lazy numbering) is fine, and so is a countdown (5, 4, 3, 2, 1). Also steps
    written as lines of text from "Step 1:" on ("Step 1: ...", "Step 2: ...", "Step 4: ..."),
    as scraped pages and paragraphs without list markup have them. Numbered headings are checked by
    section-numbering-gap (ST009, category structure).
    """
    why = """
    A gap in the numbering usually means a step was lost when the article was
    generated, edited or scraped; in instructions a missing step can be unsafe, and readers
    who see "4" after "2" stop trusting the rest.
    """
    standard = "NHS content guide \"Numbered lists\" (steps in order); CDC Clear Communication Index item 8."
    cite = "NHS content guide: numbered lists"
    bad = """# Ways to ease knee pain

Follow these steps:

1. Rest your knee.
2. Apply ice for 15 minutes.
4. Wear a knee support.
"""
    good = """# Ways to ease knee pain

Follow these steps:

1. Rest your knee.
2. Apply ice for 15 minutes.
3. Wear a knee support.
"""

    def check(self, doc, ctx):
        # ordered lists
        for lst in doc.lists:
            items = [c for c in lst.children if c.kind == "item"]
            if len(items) < 2 or _num(items[0].number) is None:
                continue  # the usual case, a bulleted list: no need to read every item
            nums = [_num(i.number) for i in items]
            if any(n is None for n in nums) or len(set(nums)) == 1:
                continue
            if nums == list(range(nums[0], nums[0] - len(nums), -1)):
                continue  # a countdown: 5, 4, 3, 2, 1 (the 5-4-3-2-1 grounding technique)
            for k in range(1, len(items)):
                if nums[k] != nums[k - 1] + 1:
                    it = items[k]
                    ctx.report(it.line, it.col, f"numbered list item: {_problem(nums[k - 1], nums[k])}",
                               end_col=it.col + len(str(nums[k])) + 1)
                    break
        # steps written as lines of text ("Step 1: Put on gloves." ... "Step 4: Wipe ..."),
        # as plain text and paragraphs without list markup have them
        if "tep " not in doc.text:
            return
        prev = None  # (number, line) of the step before, in the run that started at 1
        for b in doc.flat:
            if b.kind not in ("paragraph", "item") or "tep " not in b.text:
                if b.kind == "heading":
                    prev = None  # a new section starts its own steps
                continue
            for off, line in _lines(b.text):
                m = _STEP.match(line)
                if m is None:
                    continue
                n = int(m.group(1))
                if n == 1:
                    prev = 1
                elif prev is not None:
                    if n != prev + 1:
                        p = b.pos_of(off + m.start(1))
                        ctx.report(p.line, p.col - len("Step "), f"numbered step: "
                                   f"{_problem(prev, n)}", end_col=p.col + len(m.group(1)))
                        prev = None
                        continue
                    prev = n


_STEP = re.compile(r"\s*(?:\*\*)?[Ss]tep\s+(\d{1,2})\s*[:.)\-–]")


def _lines(text: str):
    """(offset, line) of each line of a block's text."""
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def _short(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
