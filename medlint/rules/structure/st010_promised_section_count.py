from ...model import Severity
from ..base import Rule
from ..missing_list_items.li004_promised_count_mismatch import (
    _children,
    _n,
    _ordinal,
    _run_length,
    count_pattern,
    first_run,
)
from ..registry import shared_option
from .st009_section_numbering_gap import text_sections


class PromisedSectionCount(Rule):
    code = "ST010"
    name = "promised-section-count"
    category = "structure"
    severity = Severity.WARNING
    summary = "A title or heading promises a number of sections (\"7 tips\") and a different number follows."
    what = """
    A heading that counts what its sections hold ("5 Causes of Knee Twitching") with one of
    the plural nouns of promised-count-mismatch (LI004, `nouns`), when its direct
    sub-headings number differently (numbered ones if some are numbered; a numbered run 1,
    2, 3... is followed across an inserted heading; Conclusion, FAQ and the like are not
    counted); and a front-matter title that counts ("7 Tips for Better Sleep") when the
    article's top-level numbered headings, numbered 1, 2, 3... without a gap, are a different
    number; and, in plain text, the page's title line ("Plantar Fasciitis: 8 Best
    Treatments") against its numbered section lines ("1. Rest", "2. Stretching", ... each
    followed by its text). A gap in the numbering is reported by section-numbering-gap
    (ST009); a lead-in's or a heading's count against its list of items by
    promised-count-mismatch (LI004, category missing-list-items).
    """
    why = """
    "7 tips" followed by six is a section lost in generation or editing (or a count never
    updated); readers notice, and the missing one may be the important one.
    """
    standard = "Consistency of structure (numbered headings); NHS content guide on lists; CDC Clear Communication Index item 8."
    cite = "NHS content guide: bullet points"
    options = {"nouns": []}
    bad = """# Knee pain

## 3 Ways to Ease Knee Pain

### Rest

Take a break from running.

### Ice

Apply ice for 15 minutes.
"""
    good = """# Knee pain

## 2 Ways to Ease Knee Pain

### Rest

Take a break from running.

### Ice

Apply ice for 15 minutes.
"""

    def check(self, doc, ctx):
        key = ("ST010", id(ctx.options))
        if key not in ctx.shared:  # the pattern is built once per run, not once per document
            nouns = tuple(ctx.options.get("nouns") or ()) or shared_option("LI004", "nouns")
            nouns += tuple(ctx.options.get("extra_nouns") or ())
            ctx.shared[key] = count_pattern(nouns) if nouns else None
        rx = ctx.shared[key]
        if rx is None:
            return
        heads = doc.headings
        # one search of the headings joined by newlines first: a count in a heading is a count
        # there too (the pattern's boundary tests see a newline as they see a text's end), so
        # most articles, which have none, need no search per heading
        counted = heads if rx.search("\n".join([h.text for h in heads])) else ()
        reported = set()  # heading lines reported against their sub-headings
        for i, h in enumerate(counted):
            m = rx.search(h.text)
            if not m:
                continue
            want = _n(m.group(1))
            kids = _children(heads, i)
            got = len(kids)
            if kids and _ordinal(kids[0]) == 1:
                got = max(got, _run_length(heads, i, kids[0].level))
            if got >= 2 and got != want and not (h.level == 1 and got > want):
                ctx.report(h.line, h.col, f"\"{m.group(0)}\" promises {want} but {got} "
                           "sub-headings follow", end_col=h.col + len(m.group(0)))
                reported.add(h.line)
        # the title against its numbered headings
        fm = doc.front_matter
        title = fm.top("title") if fm else None
        if title is not None and isinstance(title.value, str):
            m = rx.search(title.value)
            run = first_run(heads) if m else []
            if len(run) >= 2 and len(run) != _n(m.group(1)):
                want = _n(m.group(1))
                ctx.report(title.value_line, title.value_col,
                           f"the title promises {want} {m.group(2).lower()} but the article "
                           f"has {len(run)} numbered sections")
        elif doc.format == "text" and doc.blocks and doc.blocks[0].kind in ("paragraph",
                                                                           "heading") \
                and doc.blocks[0].line not in reported:
            # a scraped page's first line is its title; its sections are numbered lines
            # ("3. Ice") that the text reader takes for one-item lists
            first = doc.blocks[0]
            line = first.text.split("\n", 1)[0]
            m = rx.search(line) if line.strip() and line.strip() == doc.title else None
            got = _text_sections(doc.blocks) if m else 0
            if got >= 2 and got != _n(m.group(1)):
                ctx.report(first.line, first.col + m.start(), f"the title promises "
                           f"{_n(m.group(1))} {m.group(2).lower()} but the article has {got} "
                           "numbered sections", end_col=first.col + m.end())


def _text_sections(blocks) -> int:
    """How many numbered sections 1, 2, 3... a plain-text page has (see ST009's
    text_sections); 0 when they are not so numbered (a gap is ST009's)."""
    nums = [n for _b, n in text_sections(blocks)]
    return len(nums) if nums == list(range(1, len(nums) + 1)) else 0
