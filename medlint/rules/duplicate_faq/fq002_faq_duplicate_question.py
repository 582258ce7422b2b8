from ...model import Severity
from ..base import Rule
from ._similar import stem, tokens

# words that do not change what is asked; question words, modals and verbs are kept
_FILLER = frozenset("a an the of my your our their his her i you we they it its is are was were "
                    "be been am s".split())


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
    different questions). Reported at the later question, naming
    the earlier one.
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
        seen: list[tuple[set, object]] = []
        for e in doc.faq:
            words = {stem(w) for w in tokens(e.question) if w not in _FILLER}
            if not words:
                continue
            for other_words, other in seen:
                j = len(words & other_words) / len(words | other_words)
                if j >= t:
                    same = "the same question" if j >= 0.999 else "nearly the same question"
                    ctx.report(e.line, e.col, f"FAQ question \"{e.question}\" is {same} as line "
                               f"{other.line}; keep one and merge the answers",
                               end_col=e.col + len(doc.line_text(e.line).strip()))
                    break
            else:
                seen.append((words, e))
