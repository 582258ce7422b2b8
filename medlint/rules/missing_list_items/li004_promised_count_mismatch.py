import re
from functools import lru_cache

from ...model import Severity
from ..base import Rule
from ._leadin import NUMBER_WORDS, last_sentence

_EXTRA = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:conclusion|summary|faqs?|frequently asked|references|"
                    r"sources|bottom line|final thoughts|introduction|overview|takeaway|"
                    r"key takeaways|related|see also|when to see a doctor|the bottom line)\b", re.I)


@lru_cache(maxsize=16)
def count_pattern(nouns: tuple) -> re.Pattern:
    alts = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    nums = "|".join(NUMBER_WORDS)
    return re.compile(r"(?<![\w.,:/-])(\d{1,2}|" + nums + r")\s+(?:[A-Za-z-]+\s+){0,3}?(" + alts
                      + r")\b(?![-/])", re.I)


def _n(s: str) -> int:
    s = s.lower()
    return NUMBER_WORDS.get(s) or int(s)


_ORD = re.compile(r"^\W*(?:(?:step|stage|tip|day|week|phase|part|level|sign|way|reason|no\.?)\s*)?"
                  r"#?(\d{1,2})\b", re.I)


def _ordinal(h) -> int | None:
    m = _ORD.match(h.text)
    return int(m.group(1)) if m else None


def _run_length(headings, idx, lvl) -> int:
    """Length of the numbered run 1, 2, 3... of level-``lvl`` headings after headings[idx],
    across interruptions by other headings (an advert inserted as an H2 between stages)."""
    want = 1
    for g in headings[idx + 1:]:
        if g.level < headings[idx].level:
            break
        if g.level != lvl:
            continue
        n = _ordinal(g)
        if n == want:
            want += 1
        elif want > 1:
            break
    return want - 1


def first_run(headings) -> list:
    """The top-level numbered headings when they are numbered 1, 2, 3... without a gap."""
    numbered = [h for h in headings if h.number[:1].isdigit()]
    if not numbered:
        return []
    lvl = min(h.level for h in numbered)
    run = [h for h in numbered if h.level == lvl]
    nums = [int(re.match(r"\d+", h.number).group(0)) for h in run]
    return run if nums == list(range(1, len(nums) + 1)) else []


def _children(headings, idx):
    """Direct sub-headings of headings[idx] (the next lower level present in its section)."""
    h = headings[idx]
    sub = []
    for g in headings[idx + 1:]:
        if g.level <= h.level:
            break
        sub.append(g)
    if not sub:
        return []
    lvl = min(g.level for g in sub)
    kids = [g for g in sub if g.level == lvl]
    numbered = [g for g in kids if g.number[:1].isdigit()]
    if numbered and len(numbered) < len(kids):
        return numbered
    return [g for g in kids if not _EXTRA.match(g.text)]


class PromisedCountMismatch(Rule):
    code = "LI004"
    name = "promised-count-mismatch"
    category = "missing-list-items"
    severity = Severity.WARNING
    summary = "A lead-in promises a number of items (\"these 5 signs:\") and its list has fewer."
    what = """
    A lead-in right before a list that counts what follows ("these 3 warning signs:", "Here
    are 4 tips:") with one of the configured plural nouns, when the list has fewer items
    than promised (more is left alone: a lazy continuation line can merge two Markdown
    lists, and "2 types: ..." often goes on with details). Also a heading that counts
    ("## 7 ways to soothe eczema") with no sub-headings and one list of three or more items
    under it, when the list has a different number of items. A title or heading that counts
    its sections is checked by promised-section-count (ST010, category structure), with the
    same `nouns`.
    """
    why = """
    "7 tips" followed by six is an item lost in generation or editing (or a count never
    updated); readers notice, and the missing one may be the important one.
    """
    standard = "Consistency of structure (numbered headings); NHS content guide on lists; CDC Clear Communication Index item 8."
    cite = "NHS content guide: bullet points"
    pack = "missing-list-items.yaml"
    options = {"nouns": []}
    bad = """# Knee pain

These 3 tips can ease knee pain:

- Rest your knee.
- Apply ice for 15 minutes.
"""
    good = """# Knee pain

These 2 tips can ease knee pain:

- Rest your knee.
- Apply ice for 15 minutes.
"""

    def check(self, doc, ctx):
        key = ("LI004", id(ctx.options))
        if key not in ctx.shared:  # the pattern is built once per run, not once per document
            nouns = tuple(ctx.options.get("nouns") or ()) + tuple(ctx.options.get("extra_nouns")
                                                                  or ())
            ctx.shared[key] = count_pattern(nouns) if nouns else None
        rx = ctx.shared[key]
        if rx is None:
            return
        # lead-ins followed directly by a list
        blocks = doc.blocks
        for i, b in enumerate(blocks[:-1]):
            # a lead-in ends with ':'; a short title line ("8 home remedies", a heading that
            # plain text or a lost '##' left as a paragraph) leads its list as well
            if b.kind != "paragraph" or not (b.text.rstrip().endswith(":") or _title_line(b.text)):
                continue
            start, sent = last_sentence(b.text.rstrip())
            m = rx.search(sent)
            nxt = blocks[i + 1]
            if not m or nxt.kind != "list":
                continue
            want = _n(m.group(1))
            got = len([c for c in nxt.children if c.kind == "item"])
            # more items than promised is left alone: a lazy continuation line can merge two
            # Markdown lists into one, and "2 types: ..., ..." often goes on with details
            if got < want:
                self._report(ctx, b, m, want, got, "list items", offset=start)
        # a heading that counts ("## 7 ways to soothe your baby's eczema") with no
        # sub-headings and one list under it: the list holds what it counts
        heads = doc.headings
        if not heads or not rx.search("\n".join([h.text for h in heads])):
            return
        for i, h in enumerate(heads):
            m = rx.search(h.text) if h.level > 1 else None
            if not m or _children(heads, i):
                continue
            items = only_list(doc.section_of(h))
            want = _n(m.group(1))
            if items is not None and items != want:
                ctx.report(h.line, h.col, f"\"{m.group(0)}\" promises {want} but the list "
                           f"under it has {items} items", end_col=h.col + len(m.group(0)))

    def _report(self, ctx, b, m, want, got, what, offset=0):
        p = b.pos_of(offset + m.start())
        ctx.report(p.line, p.col, f"\"{m.group(0)}\" promises {want} but {got} {what} follow",
                   end_col=p.col + len(m.group(0)))


def only_list(section) -> int | None:
    """The number of items of the one list of a heading's section (the heading has no
    sub-headings), when it holds exactly one top-level list, of at least three items; else
    None."""
    lists = [b for b in section.blocks if b.kind == "list" and b.parent is None] \
        if section is not None else []
    if len(lists) != 1:
        return None
    n = sum(1 for c in lists[0].children if c.kind == "item")
    return n if n >= 3 else None


def _title_line(text: str) -> bool:
    """A short one-line paragraph with no closing punctuation: a heading written as text."""
    t = text.strip()
    return bool(t) and "\n" not in t and len(t.split()) <= 8 and t[-1] not in ".!?,;)\"'”"
