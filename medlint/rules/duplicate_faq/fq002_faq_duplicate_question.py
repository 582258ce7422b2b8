import re

from ...model import Severity
from ..base import Rule
from ._similar import stem, tokens

# words that do not change what is asked; question words, modals and verbs are kept
_FILLER = frozenset("a an the of my your our their his her i you we they it its is are was were "
                    "be been am s".split())


# a question about how two things differ, in any wording
_DIFFER = re.compile(r"\b(?:differ\w*|difference\w*|distinguish\w*|sets?\s+(?:\S+\s+){0,5}?apart|"
                     r"tell\s+(?:\S+\s+){0,5}?apart|compar\w+|versus|vs)\b", re.I)
# the words of such a question that are not the things compared
_DIFFER_WORDS = frozenset("""what which how why is are does do can main key real major big
    biggest exactly really actually differ differs different difference differences between
    distinguish distinguishes set sets apart tell from and or other others vs versus compare
    compared comparing comparison with to there any""".split())


def _compared(question: str) -> frozenset:
    """The things a "how do they differ" question compares (stemmed content words), or
    nothing for another question."""
    if not _DIFFER.search(question):
        return frozenset()
    return frozenset(stem(w) for w in tokens(question)
                     if w not in _FILLER and w not in _DIFFER_WORDS and len(w) > 1)


def _span(doc, e) -> dict:
    """The entry asked again: its question and, when it has one, its answer."""
    if e.has_answer and e.answer_end_line > e.line:
        return {"end_line": e.answer_end_line}
    return {"end_col": e.col + len(doc.line_text(e.line).strip())}


class FaqDuplicateQuestion(Rule):
    code = "FQ002"
    name = "faq-duplicate-question"
    category = "duplicate-faq"
    severity = Severity.WARNING
    summary = "The same FAQ question is asked twice."
    what = """
    Two questions of the article's FAQ that ask the same thing: the same words once case,
    punctuation, numbering, articles and possessives are set aside (unigram Jaccard at least
    `question_similarity`, 0.9 by default; question words such as *why* and *what should I
    do* are kept, so "Why is my ratio high?" and "What should I do if my ratio is high?" are
    different questions). Two questions that ask how the same things differ, in other words
    ("What are the main differences between a bladder infection and a UTI?" / "What exactly
    sets a bladder infection apart from other UTIs?"), ask the same thing too. Reported at
    the later question (spanning its answer), naming the earlier one.
    """
    why = """
    A question asked twice is a sign of a generated or badly merged FAQ; readers see the same
    question answered twice (often differently), and FAQPage structured data with duplicate
    questions is not eligible for rich results.
    """
    standard = "Google FAQPage structured-data guidelines; PEMAT item 2 (no distracting content)."
    cite = "Google FAQPage guidelines"
    pack = "duplicate-faq.yaml"
    options = {"question_similarity": 0.9}
    bad = """# Gout

## FAQ

### What causes gout?

Too much uric acid in the blood, which forms crystals in a joint.

### What causes gout?

Diet, alcohol and some medicines raise uric acid levels.
"""
    good = """# Gout

## FAQ

### What causes gout?

Too much uric acid in the blood, which forms crystals in a joint.

### What raises uric acid levels?

Diet, alcohol and some medicines raise uric acid levels.
"""

    def check(self, doc, ctx):
        if not doc.faq:
            return
        t = float(ctx.options.get("question_similarity", 0.8))
        seen: list[tuple[set, frozenset, object]] = []
        for e in doc.faq:
            words = {stem(w) for w in tokens(e.question) if w not in _FILLER}
            if not words:
                continue
            things = _compared(e.question)
            for other_words, other_things, other in seen:
                j = len(words & other_words) / len(words | other_words)
                differ = len(things) >= 2 and things == other_things
                if j >= t or differ:
                    same = "the same question" if j >= 0.999 else (
                        "nearly the same question" if j >= t else
                        "the same question in other words (how the same things differ)")
                    ctx.report(e.line, e.col, f"FAQ question \"{e.question}\" is {same} as line "
                               f"{other.line}; keep one and merge the answers",
                               **_span(doc, e))
                    break
            else:
                seen.append((words, things, e))
