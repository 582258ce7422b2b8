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
