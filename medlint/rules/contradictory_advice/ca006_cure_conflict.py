from ...model import Severity
from ..base import Rule
from ._advice import CITE, language, quote, report_pairs
from ._cure import cure_pairs


def describe(p, earlier_line):
    return (f"'{quote(p.later.text)}' conflicts with line {earlier_line} "
            f"('{quote(p.earlier.text)}'): either there is a cure or there is not; say what "
            "treatment can and cannot do")


class CureConflict(Rule):
    code = "CA006"
    name = "cure-conflict"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "'There is no cure' and a claim that something cures it, in one article."
    what = """
    A statement that the condition has no cure ("There is no cure for hay fever", "cannot be
    cured") and a claim that something cures it: "cures"/"curing" said flatly ("Local honey
    ... curing hay fever for good"), or a removal verb with a word of permanence ("it wipes
    out the virus for good", "gets rid of them permanently", "will never come back"). They
    are about the same thing when the claim names a word of what the "no cure" statement
    names, or of the article's title when it names nothing. Hedged, negated, reported or
    conditional claims ("can cure", "may cure", "does not cure", "some people claim",
    "if caught early") are not claims; questions, myth sections and references are left
    out. The phrases are `no_cure`, `cure_verbs`, `removal_verbs` and `permanence` in
    `rules/advice.yaml`. An FAQ answer against the body is reported by faq-contradicts-body.
    """
    why = """
    Readers cannot tell whether the condition can be cured; the cure claim is usually the
    wrong one, and a reader who believes it may stop treatment that controls the condition.
    """
    standard = ("DISCERN items 6 and 9 (balanced; how the treatment works, what it cannot do), "
                "HONcode principle 5 (claims justified), FTC Health Products Compliance "
                "Guidance (cure claims).")
    cite = CITE
    pack = "advice.yaml"
    options = {"no_cure": [], "no_cure_words": [], "cure_verbs": [], "claim_words": [],
               "removal_verbs": [], "permanence": [], "cues": {}}
    bad = """# Hay fever

Local honey works like a natural vaccine, curing hay fever for good after one season.

There is no cure for hay fever, but antihistamines control the symptoms.
"""
    good = """# Hay fever

There is no cure for hay fever, but antihistamines control the symptoms.

There is no good evidence that local honey helps.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        report_pairs(ctx, an, cure_pairs(an, ctx.options), False, describe)
