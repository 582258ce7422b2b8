from ...model import Severity
from ..base import Rule
from ._similar import passage

_BARE = {"yes", "no", "maybe", "it depends", "sometimes", "yes it is", "no it is not",
         "yes they can", "no they cannot", "yes it can", "no it cannot"}


class FaqEmptyAnswer(Rule):
    code = "FQ003"
    name = "faq-empty-answer"
    category = "duplicate-faq"
    severity = Severity.WARNING
    summary = "An FAQ question has no answer, or only a bare \"Yes.\" or \"No.\"."
    what = """
    A question of the article's FAQ (a question heading, bold or `Q:` question, `<summary>`,
    a front-matter FAQ entry or a `Question` of FAQPage JSON-LD) followed directly by the
    next question or the end of the FAQ (in JSON-LD: no `acceptedAnswer` text), or answered
    only with "Yes.", "No." or "It depends.". Lists of questions that link to other pages
    (no question of the FAQ has an answer) are not reported; FAQPage markup is never such a
    list.
    """
    why = """
    An unanswered question is usually an answer lost when the page was generated, converted or
    scraped; a bare yes or no gives readers nothing to act on and FAQPage markup requires an
    answer for every question.
    """
    standard = "Google FAQPage structured-data guidelines (every Question needs an acceptedAnswer); PEMAT item 2."
    cite = "Google FAQPage guidelines"
    bad = """# Gout

## FAQ

### What causes gout?

### Can diet help?

Yes. Cutting down on alcohol and sugary drinks lowers uric acid.
"""
    good = """# Gout

## FAQ

### What causes gout?

Too much uric acid in the blood, which forms crystals in a joint.

### Can diet help?

Yes. Cutting down on alcohol and sugary drinks lowers uric acid.
"""

    def check(self, doc, ctx):
        entries = doc.faq
        answered_sections = {e.section_line for e in entries if e.has_answer}
        for e in entries:
            if e.section_line not in answered_sections and e.source != "json-ld":
                continue  # a list of questions (links, a table of contents), not an FAQ
            words = " ".join(passage(e.answer).tokens)
            if not words:
                if e.source == "item":
                    continue
                ctx.report(e.line, e.col, f"FAQ question \"{e.question}\" has no answer",
                           end_col=e.col + len(doc.line_text(e.line).strip()))
            elif words in _BARE:
                ctx.report(e.answer_line, e.answer_col,
                           f"FAQ question \"{e.question}\" is answered only with "
                           f"\"{e.answer.strip()}\"; say why and what to do")
