from ...model import Severity
from ..base import Rule
from ._advice import CITE, language, quote, report_pairs, seriousness_pairs


def describe(p, earlier_line):
    return (f"'{quote(p.later.text)}' conflicts with line {earlier_line} "
            f"('{quote(p.earlier.text)}'): say in which cases it is serious and in which it "
            "is not")


class SeriousnessConflict(Rule):
    code = "CA003"
    name = "seriousness-conflict"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "'Nothing to worry about' and 'cause for concern' close together, no distinction."
    what = """
    A reassuring statement ("usually nothing to worry about", "not serious", "harmless") and
    an alarming one ("may be cause for concern", "can be serious", "dangerous") within a few
    sentences of each other, with no condition that tells the cases apart. A statement that
    names which cases are serious ("can be serious if it is caused by nerve damage"; "in rare
    cases") narrows the first one and is not reported.
    """
    why = """
    Readers cannot tell whether to worry. Balanced health information says what is usually
    benign and exactly which signs are not.
    """
    standard = ("DISCERN items 6 and 8 (balanced; areas of uncertainty), CDC Clear "
                "Communication Index item 18 (the nature of the risk), HONcode principle 5.")
    cite = CITE
    pack = "advice.yaml"
    options = {"max_distance": 3, "reassuring": [], "alarming": [], "restricting": [],
               "cues": {}}
    bad = """# Eye twitching

An eye twitch is usually nothing to worry about. However, it may be cause for concern.
"""
    good = """# Eye twitching

An eye twitch is usually nothing to worry about. It can be serious if your eyelid droops
or your face feels weak.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        report_pairs(ctx, an, seriousness_pairs(an, ctx.options), False, describe)
