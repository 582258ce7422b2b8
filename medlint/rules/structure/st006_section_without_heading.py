import re

from ...faq import is_question
from ...model import Severity
from ..base import Rule
from ..missing_list_items._leadin import classify
from ..missing_list_items.li001_lead_in_without_list import LeadInWithoutList
from ..registry import default_options


class SectionWithoutHeading(Rule):
    code = "ST006"
    name = "section-without-heading"
    category = "structure"
    severity = Severity.INFO
    summary = "In scraped text, a section starts without the heading its sibling sections have."
    what = """
    Plain text only. A lead-in that promises a list ("the following factors contribute:") is
    followed not by its list but by one to four paragraphs and then by a run of at least two
    short headings, each followed by text: the list was turned into sections by the page, and
    the first section lost its heading when the page was scraped. Only in the introduction
    (no section heading before the lead-in, apart from the title repeated): further down, a
    paragraph after a lost list usually continues its own section. Reported at the first
    paragraph of the section without a heading.

    Also, anywhere in the text: a lead-in whose list is lost ("Symptoms of athlete's foot
    include:" and then prose), followed within two paragraphs by a paragraph that opens
    another topic the way a section does: the condition's causes ("Athlete's foot is caused
    by a fungus...", when the lead-in was not about causes) or a definition of a term the
    article has not named before ("CBT-I is a structured program that..."). The list and
    the next section's heading were lost together.
    """
    why = """
    The reader cannot tell where the first item starts or what it is about; in the source page
    it had a heading like its siblings ("Dehydration", "Vitamin deficiency", ...).
    """
    standard = "CDC Clear Communication Index item 9; PEMAT items 8-9 (informative section headers)."
    cite = "CDC CCI 9"
    bad = """What causes knee twitching

The following factors contribute to knee twitching:

Dehydration is a common problem. Drink enough water every day.

Vitamin deficiency

Low calcium or magnesium can cause twitching.

Stimulant overdose

Too much caffeine can cause twitching.
"""
    good = """What causes knee twitching

The following factors contribute to knee twitching:

Dehydration

Dehydration is a common problem. Drink enough water every day.

Vitamin deficiency

Low calcium or magnesium can cause twitching.

Stimulant overdose

Too much caffeine can cause twitching.
"""
    example_format = "text"

    def check(self, doc, ctx):
        if doc.format != "text":
            return
        opts = default_options(LeadInWithoutList)
        blocks = doc.blocks
        n = len(blocks)
        for i, b in enumerate(blocks):
            if b.kind != "paragraph" or not b.text.rstrip().endswith(":"):
                continue
            kind, _ = classify(b.text, opts)
            if kind not in ("dangling", "strong"):
                continue
            opened = _new_topic(blocks, i, doc)
            if opened is not None:
                p, what = opened
                ctx.report(p.line, p.col, f"this paragraph starts {what} without a heading, "
                           f"after a lead-in whose list is missing (line {b.line}): the list "
                           "and the section's heading were probably lost together; add them",
                           end_col=p.col + len(p.text.split("\n")[0]))
                continue
            j = i + 1
            while j < n and blocks[j].kind == "paragraph" and j - i <= 4:
                j += 1
            if j == i + 1 or j >= n or blocks[j].kind != "heading":
                continue
            # the sibling sections: short, non-question headings each followed by text
            sibs = 0
            k = j
            while k + 1 < n and blocks[k].kind == "heading" and not is_question(blocks[k].text) \
                    and len(blocks[k].text.split()) <= 6 and blocks[k + 1].kind != "heading":
                sibs += 1
                k += 1
                while k < n and blocks[k].kind != "heading":
                    k += 1
            if sibs < 2:
                continue
            # only in the introduction: after a section heading (other than the title
            # repeated), a paragraph that follows a lost list usually continues that section
            top = " ".join(blocks[0].text.split()).lower() if blocks else ""
            if any(blocks[x].kind == "heading" and " ".join(blocks[x].text.split()).lower() != top
                   for x in range(i)):
                continue
            first = blocks[i + 1]
            ctx.report(first.line, first.col, "this section has no heading, unlike the "
                       f"{sibs} sections after it (\"{blocks[j].text}\", ...): the heading was "
                       "probably lost; add it",
                       end_col=first.col + len(first.text.split("\n")[0]))


# a paragraph that opens a section on the condition's causes ("Piles are caused by ...");
# not a pronoun or demonstrative subject ("These symptoms are caused by ..." goes on)
_CAUSES = re.compile(r"^(?!(?:this|these|that|those|it|they|such|some|most|many|all|both|each|"
                     r"which|the symptoms?)\b)[A-Z][\w'’-]*(?:[ -][\w'’()-]+){0,5} (?:is|are) "
                     r"(?:(?:usually|mostly|mainly|often|commonly|generally|most often) )?"
                     r"(?:caused|triggered) by\b", re.I)
# a paragraph that defines a term ("CBT-I is a structured program that ..."), the way a
# section under the term's heading starts
_DEFINES = re.compile(r"^([A-Z][\w'’-]*(?:[ -][\w'’-]+){0,3}) (?:is|are) (?:an?|the) "
                      r"(?:[\w-]+ ){0,3}(?:program|programme|therapy|treatment|technique|"
                      r"procedure|type of|form of|kind of|medicine|condition)s?\b")
_ABOUT_CAUSES = re.compile(r"\b(?:caus|trigger|risk|reason)", re.I)


def _new_topic(blocks, i, doc):
    """(paragraph, what it starts) for the first of the two paragraphs after the lead-in at
    ``blocks[i]`` that opens another topic, when the lead-in's list is lost (prose follows
    it); else None."""
    n = len(blocks)
    if i + 1 >= n or blocks[i + 1].kind != "paragraph" or blocks[i + 1].text.rstrip() \
            .endswith(":"):
        return None
    lead = blocks[i].text
    for k in range(i + 1, min(i + 3, n)):
        p = blocks[k]
        if p.kind != "paragraph":
            return None
        first = p.text.lstrip()
        if _CAUSES.match(first) and not _ABOUT_CAUSES.search(lead):
            return p, "a section on the causes"
        m = _DEFINES.match(first)
        if m and k > i + 1:
            term = m.group(1).lower()
            before = " ".join(x.text for x in blocks[:k]).lower()
            if term not in before:
                return p, f"a section on {m.group(1)}"
    return None
