from collections import Counter

from ...model import Severity
from ..base import Rule
from ._norm import is_navigation, norm, short


class DuplicateHeading(Rule):
    code = "ST003"
    name = "duplicate-heading"
    category = "structure"
    severity = Severity.WARNING
    summary = "Two sibling headings with the same text."
    what = """
    Headings of the same level under the same parent heading whose text is the same (case,
    punctuation and numbering ignored) and whose sections are copies: one of them is empty,
    or half of the shorter one's word sequences are in the other. Two siblings named as one
    of the standard sections of a health article ("Treatment", "Symptoms", "When to see a
    GP"; `section_names` in `rules/structure.yaml`) are reported whatever their sections
    say: one topic split in two. Sibling cards that share a
    title but say different things (a carousel of "Protein" tips) are left alone, and FAQ
    questions are left to the duplicate-FAQ rules. Headings with the same text in different sections
    ("Symptoms" under two conditions) are fine, and so are headings made of links (a scraped
    menu repeated at the top and bottom of a page). Reported at the second, naming the first.
    """
    why = """
    Two sections with the same heading under one parent are usually a section generated or
    pasted twice, or a heading copied without being edited; links to the section (#anchors)
    and tables of contents break, and readers cannot tell the sections apart.
    """
    standard = "markdownlint MD024 (siblings_only); WCAG 2.2 SC 2.4.6 (headings describe topic or purpose)."
    cite = "markdownlint MD024"
    pack = "structure.yaml"
    options = {"section_names": []}
    bad = """# Knee pain

## Causes

Overuse and injury are the most common causes of knee pain.

## Treatment

Rest and ice.

## Causes

Overuse and injury are the most common causes of knee pain in runners.
"""
    good = """# Knee pain

## Causes

Overuse and injury are the most common causes of knee pain in runners.

## Treatment

Rest and ice.
"""

    def check(self, doc, ctx):
        stack: list = []
        # Two headings with the same words hold as many e, t and a (case aside; no other
        # character lower-cases to them): only siblings that share these counts are
        # normalised and compared, counting being much cheaper than normalising.
        keyed = []
        for h in doc.headings:
            while stack and stack[-1].level >= h.level:
                stack.pop()
            parent = id(stack[-1]) if stack else 0
            stack.append(h)
            x = h.text.lstrip("0123456789.) ")
            keyed.append(((parent, h.level, x.count("e") + x.count("E"), x.count("t") +
                           x.count("T"), x.count("a") + x.count("A")), h, x))
        shared = Counter(k for k, _, _ in keyed)
        siblings: dict = {}  # (parent, level, text) -> headings, in order
        for k, h, x in keyed:
            if shared[k] > 1 and (t := norm(x)):
                siblings.setdefault((k[0], k[1], t), []).append(h)
        repeated = [hs for hs in siblings.values() if len(hs) > 1]
        if not repeated:
            return  # the usual case: the costlier checks below only run on repeated headings
        index = {id(b): i for i, b in enumerate(doc.blocks)}
        questions = {e.line for e in doc.faq}
        names = {norm(str(x)) for x in ctx.options.get("section_names") or ()}
        for hs in repeated:
            hs = [h for h in hs if h.line not in questions and not is_navigation(doc, h)]
            standard = bool(hs) and _standard(norm(hs[0].text.lstrip("0123456789.) ")), names)
            for h in hs[1:]:
                if standard or _copied(doc, index, hs[0], h):
                    ctx.report(h.line, h.col, f"heading \"{short(h.text)}\" repeats the sibling "
                               f"heading at line {hs[0].line}; merge the sections or rename one",
                               end_col=h.col + len(h.text.split("\n")[0]))


def _section_text(doc, index, h) -> str:
    i = index.get(id(h))
    if i is None:
        return "?"  # not a top-level heading: its section is unknown
    parts = []
    for b in doc.blocks[i + 1:]:
        if b.kind == "heading" and b.level <= h.level:
            break
        parts.extend(x.text for x in b.walk() if x.text.strip())
    return " ".join(parts)


def _copied(doc, index, a, b) -> bool:
    """The second section repeats the first: either is empty, or their words overlap."""
    if id(a) not in index or id(b) not in index:
        return False  # inside a table or list: its section is unknown
    ta, tb = norm(_section_text(doc, index, a)), norm(_section_text(doc, index, b))
    if not ta or not tb:
        return True
    sa, sb = _shingles(ta), _shingles(tb)
    if not sa or not sb:
        return ta == tb
    inter = len(sa & sb)
    return inter / min(len(sa), len(sb)) >= 0.5


def _shingles(t: str) -> set:
    w = t.split()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def _standard(text: str, names: set) -> bool:
    """A standard section's name, alone or for the topic ("treatments for rosacea")."""
    return text in names or any(text.startswith(n + w) for n in names for w in (" for ", " of "))
