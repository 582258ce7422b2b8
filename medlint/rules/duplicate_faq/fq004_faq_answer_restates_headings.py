import re

from ...faq import is_faq_heading, is_question
from ...model import Severity
from ..base import Rule
from ._similar import STOP, content_words, passage, stem, tokens

_NUMBER = re.compile(r"^\s*(?:(?:step|tip|no\.?)\s*)?#?\d{1,3}\s*[.):\-–]?\s*", re.I)
_SUBTITLE = re.compile(r"\s*(?::|\s[-–—]\s)\s*")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def _words(text: str) -> set[str]:
    return set(content_words(text))


def _terms(text: str) -> set[str]:
    """Content words that may name something, single letters and numbers included
    ("Vitamin D", "Omega-3")."""
    return {stem(w) for w in tokens(text) if w not in STOP}


def heading_name(text: str) -> str:
    """What a sub-heading names: without its number and subtitle ("2. Rest: the first step"
    names "Rest")."""
    return _SUBTITLE.split(_NUMBER.sub("", text, count=1).strip(), maxsplit=1)[0]


def outlines(doc, min_headings: int):
    """Body sections with at least ``min_headings`` direct sub-headings, as (heading, the
    heading that ends the section or None, sub-headings, the lead-in's text)."""
    heads = doc.headings
    sections = None  # the lead-in is only needed for the few outline sections
    out = []
    for i, h in enumerate(heads):
        if is_faq_heading(h.text):
            continue
        j = i + 1
        while j < len(heads) and heads[j].level > h.level:
            j += 1
        inner = heads[i + 1:j]
        if len(inner) < min_headings:
            continue
        level = min(x.level for x in inner)
        subs = [x for x in inner if x.level == level]
        # question sub-headings are an FAQ or a Q&A article, not an outline to restate
        if len(subs) >= min_headings and not any(is_question(x.text) for x in subs):
            if sections is None:
                sections = {id(s.heading): s for s in doc.sections if s.heading is not None}
            s = sections.get(id(h))
            lead = "\n".join(b.text for b in s.blocks) if s is not None else ""
            out.append((h, heads[j] if j < len(heads) else None, subs, lead))
    return out


class FaqAnswerRestatesHeadings(Rule):
    code = "FQ004"
    name = "faq-answer-restates-headings"
    category = "duplicate-faq"
    severity = Severity.WARNING
    summary = "An FAQ answer only lists the sub-headings of a section above it."
    what = """
    An answer of the article's FAQ (see FQ001 for how the FAQ is found) that names most of
    the sub-headings of one section of the body above the FAQ, at least `min_headings` (3)
    and at least `heading_share` (0.75) of them, and adds almost nothing of its own: at most
    `max_new_words` (1) content words beyond the sub-headings, the question, the section's
    heading and lead-in text, the article's title and the words that frame a list
    (`list_words`: "include", "such as", "in some cases"…). A sub-heading is named when every
    content word of it (without its number, a subtitle after a colon, or words the question
    and section heading already have) stands in one sentence of the answer, in any word
    form. Sub-headings that are questions are not an outline. The message names the section
    and its line.
    """
    why = """
    "Common treatments include rest and ice, medication, physical therapy and surgery" under
    a section whose sub-headings are exactly those four is the section's table of contents,
    not an answer: readers who jump to the FAQ learn nothing they could not see in the
    headings, and the page reads as generated filler. Answer the question (which treatment,
    when) or drop it.
    """
    standard = ("Plain language guidelines (\"Avoid FAQs\"); PEMAT item 2 (no distracting "
                "content); Google helpful-content guidance.")
    cite = "PEMAT 2; plainlanguage.gov"
    pack = "duplicate-faq.yaml"
    options = {"min_headings": 3, "heading_share": 0.75, "max_new_words": 1, "list_words": []}
    bad = """# Knee pain

## How to treat knee pain

The right treatment depends on the cause.

### 1. Rest and ice

Rest the knee and apply an ice pack for 15-20 minutes at a time.

### 2. Medication

Ibuprofen or acetaminophen can reduce pain and swelling.

### 3. Physical therapy

Exercises strengthen the muscles around the knee.

### 4. Surgery

Surgery may be needed when a ligament or the cartilage is badly damaged.

## FAQ

### How can I treat knee pain?

The treatment depends on the cause. Common treatments include rest and ice, medication,
physical therapy and, in some cases, surgery.
"""
    good = """# Knee pain

## How to treat knee pain

The right treatment depends on the cause.

### 1. Rest and ice

Rest the knee and apply an ice pack for 15-20 minutes at a time.

### 2. Medication

Ibuprofen or acetaminophen can reduce pain and swelling.

### 3. Physical therapy

Exercises strengthen the muscles around the knee.

### 4. Surgery

Surgery may be needed when a ligament or the cartilage is badly damaged.

## FAQ

### How can I treat knee pain at home?

Rest and ice help most strains within a week. See a doctor if the knee gives way, locks or
swells quickly after an injury.
"""

    def check(self, doc, ctx):
        entries = [e for e in doc.faq if e.has_answer]
        if not entries:
            return
        opts = ctx.options
        min_headings = max(1, int(opts.get("min_headings", 3)))
        share = float(opts.get("heading_share", 0.75))
        max_new = int(opts.get("max_new_words", 1))
        sections = outlines(doc, min_headings)
        if not sections:
            return
        list_words = _words(" ".join(opts.get("list_words") or ()))
        title = _words(doc.title)
        # what each sub-heading names and the heading's words, once per section rather than
        # once per answer
        sub_terms = [[_terms(heading_name(s.text)) for s in subs] for _, _, subs, _ in sections]
        head_words = [_words(h.text) for h, _, _, _ in sections]
        ends = [end.line if end is not None else 10 ** 9 for _, end, _, _ in sections]
        for e in entries:
            # the sections above the FAQ (not containing it)
            above = [k for k, end in enumerate(ends) if end <= e.body_limit]
            if not above:
                continue
            asked = _words(e.question) | title
            sentences = [_terms(s) for s in _SENTENCE.split(e.answer) if s.strip()]
            answer = set(content_words("", passage(e.answer).tokens))  # FQ001 has tokenised it
            for k in above:
                (h, _, subs, lead), terms = sections[k], sub_terms[k]
                framing = asked | head_words[k]
                names = [n for n in (t - framing for t in terms) if n]
                # the names stand in one sentence, a list; an answer that says something of
                # some of them and something else of others ("serious if X; not if Y or Z")
                # tells the reader more than the headings do
                per_sentence = [sum(1 for n in names if n <= s) for s in sentences]
                named = max(per_sentence)
                if named < min_headings or named < share * len(subs) \
                        or sum(1 for c in per_sentence if c) > 1:
                    continue
                known = framing | _words(lead) | list_words | _words(" ".join(s.text for s in subs))
                if len(answer - known) > max_new:
                    continue
                ctx.report(e.answer_line, e.answer_col,
                           f"this FAQ answer only lists {named} of the {len(subs)} sub-headings of "
                           f"the section \"{h.text}\" (line {h.line}); answer the question or "
                           "drop it", end_line=e.answer_end_line)
                break
