import re

from ...model import Severity
from ..base import Rule
from ._leadin import classify, is_short, list_like, promised_number

FULFIL = ("list", "table", "code", "image", "embed")


def _next_blocks(doc):
    """(block, next block or None, level of the enclosing heading, the block after the next
    one or None) for the paragraphs and last list items that may be lead-ins."""
    level = 0
    blocks = doc.blocks
    text_format = doc.format == "text"
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind == "paragraph":
            if not _may_lead(b.text):
                continue
            j = _following(blocks, i + 1)
            k = _following(blocks, j + 1) if j is not None else None
            yield (b, blocks[j] if j is not None else None, level,
                   blocks[k] if k is not None else None)
        elif kind == "heading":
            if text_format and _may_lead(b.text) and not b.text.rstrip().endswith("?"):
                # a title line of scraped text that breaks off ("Early signs often include")
                j = _following(blocks, i + 1)
                yield b, blocks[j] if j is not None else None, level, None
            level = b.level
        elif kind == "list":
            for last in reversed(b.children):  # the last item
                if last.kind == "item":
                    break
            else:
                continue
            if _may_lead(last.text) and not any(
                    c.kind in FULFIL or c.kind == "paragraph" for c in last.children):
                j = _following(blocks, i + 1)
                yield last, blocks[j] if j is not None else None, level, None


def _following(blocks, j):
    while j < len(blocks):
        b = blocks[j]
        if b.kind == "paragraph" and not b.text.strip():
            j += 1
            continue
        return j
    return None


class LeadInWithoutList(Rule):
    code = "LI001"
    name = "lead-in-without-list"
    category = "missing-list-items"
    severity = Severity.ERROR
    summary = "A lead-in promises a list (\"include:\", \"the following\") and no list follows."
    what = """
    A paragraph (or the last item of a list) whose last sentence introduces a list that is not
    there. A *promising* lead-in ends with a colon after an unfinished sentence ("accompanied
    by:", "symptoms are:", a condition that stops at its subject: "call your doctor if your
    toddler:") or contains a promise phrase ("the following", "include", "such as", "here
    are", "these"), or is a noun phrase naming the list ("Medical conditions treated with
    systemic corticosteroids:"), or breaks off at one ("Symptoms include."), or points to "the
    following" things without a colon ("Doctors point to the following as the culprits.";
    not "the following day" or "the following sections"); in scraped text, a title line
    that breaks off ("Early signs often include") is one too. It is reported when the next
    block is a paragraph that is not itself list-like, a heading of the same or a higher
    level, or nothing. Any other sentence ending with a colon ("Here's why:") is reported only
    when a heading of the same or a higher level or the end of the article follows it, since a
    paragraph may be the explanation it announces — or, in scraped text, when two or more
    blank lines (the gap the lost list left) separate it from the next paragraph (a paragraph
    there that opens with a lead-in sentence of its own holds its own list, not this one).

    Fulfilled by: a list (also `•` bullets), a table, code, an image or embed, a quote,
    sub-headings of a lower level or numbered headings, or a paragraph written as a list
    (short lines, numbered or bold-labelled lines, a bare item, a continuation in lower case).
    In plain text, where heading levels are unknown, any heading fulfils it unless two or
    more blank lines (the gap a lost list leaves) stand before it. Labels ("Note:",
    "Tip:"), times (10:30) and URLs are not lead-ins.
    """
    why = """
    A lead-in without its list is the most common sign that a list was lost when the page was
    generated, converted or scraped: the reader is promised the warning symptoms, the foods to
    avoid or the steps to take and gets nothing. In health content the missing list is often
    the safety information.
    """
    standard = ("NHS digital service manual, content style guide \"Bullet points\" (a lead-in "
                "line followed by the list); plainlanguage.gov \"Use lists\"; CDC Clear "
                "Communication Index item 8.")
    cite = "NHS content guide: bullet points"
    pack = "missing-list-items.yaml"
    options = {"promise_phrases": [], "dangling_words": [], "labels": [], "label_max_words": 4}
    bad = """# Knee twitching

See your doctor as soon as possible, especially if your twitching is accompanied by:

In most cases, an occasional knee twitch is a response to strain or fatigue.
"""
    good = """# Knee twitching

See your doctor as soon as possible, especially if your twitching is accompanied by:

- weakness in the leg
- numbness or tingling
- twitching that spreads to other muscles

In most cases, an occasional knee twitch is a response to strain or fatigue.
"""

    def check(self, doc, ctx):
        opts = ctx.options
        text_format = doc.format == "text"
        for b, nxt, level, after in _next_blocks(doc):
            if b.attrs.get("quote"):
                continue
            kind, start = classify(b.text, opts)
            # a label ("Symptoms:"), not a short sentence that points ahead ("Try these
            # stretches:")
            short = kind != "dangling" and is_short(b.text[start:], opts) and not _POINTS.search(
                b.text[start:])
            if not kind or (kind == "weak" and short):
                continue
            if nxt is not None:
                if nxt.kind in FULFIL or nxt.attrs.get("quote"):
                    continue
                if nxt.kind == "heading":
                    # sub-headings, numbered headings and ### sections hold the items; an H1
                    # starts a new document (generation residue, reported by the structure rules)
                    # in scraped text a heading may be a sub-heading holding the items,
                    # unless two or more blank lines (the gap a lost list leaves) come first
                    if text_format:
                        # (at least two item-like headings in a row: "Medicines and
                        # tinnitus" then "How common is it?" is one section, then another
                        # topic, not the items the lead-in promised)
                        if nxt.line - b.end_line <= 2 and _item_headings(doc, nxt):
                            continue
                    elif nxt.level > level or nxt.number or nxt.level >= 3 or nxt.level == 1:
                        continue
                elif nxt.kind == "paragraph":
                    # in scraped text, two or more blank lines after a colon are the gap the
                    # lost list left (the seeds and scraped pages show it)
                    gap = text_format and nxt.line - b.end_line > 2
                    # after that gap, a paragraph that opens with a lead-in sentence of its own
                    # ("If it spreads to your kidneys, you may also have:") holds its own list
                    first = nxt.text.split("\n", 1)[0].rstrip()
                    own = gap and "\n" in nxt.text and first.endswith(":") and not is_short(
                        first, opts)
                    if (kind == "weak" and not gap) or short or (
                            not own and list_like(nxt, doc)):
                        continue
                    n = promised_number(b.text[start:])
                    if n >= 2 and len([x for x in nxt.text.split("\n") if x.strip()]) == n:
                        continue  # "two possible reasons are:" and two lines, one per reason
                    if nxt.text.rstrip().endswith(":") and after is not None \
                            and after.kind in FULFIL:
                        continue  # "From the NHS:" then the list: the promise is passed on
                elif nxt.kind != "hr":
                    continue
            p = b.pos_of(start)
            e = b.pos_of(len(b.text.rstrip()))
            what = ("the end of the article" if nxt is None else
                    f"a heading at line {nxt.line}" if nxt.kind == "heading" else
                    f"a paragraph at line {nxt.line}" if nxt.kind == "paragraph" else
                    f"a rule at line {nxt.line}")
            ctx.report(p.line, p.col, f"lead-in \"{_short(b.text[start:])}\" is followed by "
                       f"{what}, not by its list; restore the list or rewrite the sentence",
                       end_line=e.line, end_col=e.col)


def _item_headings(doc, first) -> bool:
    """Whether the headings from ``first`` on could be the items of a list: two in a row that
    are short (six words or fewer) and not questions, or ``first`` such a heading and the
    last. One such heading and then a question or a long heading is one section and then
    another topic."""
    heads = doc.headings
    k = next((i for i, h in enumerate(heads) if h is first), None)

    def item_like(h) -> bool:
        t = h.text.strip()
        return not t.endswith("?") and len(t.split()) <= 6

    if k is None or not item_like(heads[k]):
        return False
    return k + 1 >= len(heads) or item_like(heads[k + 1])


_POINTS = re.compile(r"\b(?:these|the following|below)\b", re.I)
_TAILS = ("include", "includes", "including", "such as", "following", "follows", "below",
          "these are")
# the tails' last two letters in any case: only ASCII letters lower-case to them
_TAIL_ENDS = frozenset(a + b for t in _TAILS for a in (t[-2], t[-2].upper())
                       for b in (t[-1], t[-1].upper()))


def _may_lead(text: str) -> bool:
    """Cheap pre-check: a colon at the end, or a sentence that breaks off at a promise."""
    t = text.rstrip()
    if t.endswith((":", "：")):
        return True
    if "following" in t and "following" in t[t.rfind(".", 0, len(t) - 1) + 1:]:
        return True  # "the following" in the last sentence
    # the tails are at most 9 letters: lower-casing the text's last 16 characters is enough,
    # and only needed when the last two could end a tail
    t = t.rstrip(".…").rstrip()
    return t[-2:] in _TAIL_ENDS and t[-16:].lower().endswith(_TAILS)


def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else "…" + s[-(n - 1):]
