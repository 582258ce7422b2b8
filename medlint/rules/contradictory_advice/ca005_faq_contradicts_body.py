from ...model import Severity
from ..base import Rule
from ..registry import all_rules, default_options
from ._advice import (
    CITE,
    language,
    numeric_pairs,
    opposite_pairs,
    quote,
    report_pairs,
    seriousness_pairs,
    urgency_pairs,
)
from ._cure import cure_pairs


def describe(p, earlier_line):
    return (f"FAQ answer '{quote(p.later.text)}' contradicts the article body at line "
            f"{earlier_line} ('{quote(p.earlier.text)}'): make the answer agree with the body "
            "or say when each applies")


class FaqContradictsBody(Rule):
    code = "CA005"
    name = "faq-contradicts-body"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "An FAQ answer says the opposite of the article body."
    what = """
    An answer in the FAQ section (under a heading such as "Frequently asked questions",
    "FAQ", "People also ask") that contradicts a statement in the body of the article: opposite
    advice about the same thing, a conflict in urgency, seriousness, numbers or whether there
    is a cure, found by the same checks as CA001 to CA004 and CA006 (with their default lists) and compared under the same
    conditions. Reported at the FAQ answer, naming the body line.
    """
    why = """
    FAQ sections are often written or generated separately from the body and drift from it;
    they are also what search engines show as a snippet, so the contradicting answer is the
    one many readers see first.
    """
    standard = ("DISCERN item 6, PEMAT item 2 (no distracting or conflicting content), "
                "Federal Plain Language Guidelines ('Avoid FAQs'), HONcode principle 5.")
    cite = CITE
    pack = "advice.yaml"
    options = {"cues": {}}
    bad = """# Back pain

Apply a heating pad to the sore area for 20 minutes.

## Frequently asked questions

### Can I use heat?

Never use heat.
"""
    good = """# Back pain

Apply a heating pad to the sore area for 20 minutes.

## Frequently asked questions

### Can I use heat?

Yes: a heating pad for 20 minutes at a time eases the pain.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        opts = ctx.shared.get("CA005-default-options")
        if opts is None:  # the same for every file of a run: built once
            opts = ctx.shared["CA005-default-options"] = {
                r.name: default_options(r) for r in all_rules()
                if r.category == "contradictory-advice"}
        groups = opts.get("opposite-advice", {}).get("groups") or {}
        pairs = (opposite_pairs(an, opts.get("opposite-advice", {}))
                 + urgency_pairs(an, opts.get("urgency-conflict", {}))
                 + seriousness_pairs(an, opts.get("seriousness-conflict", {}))
                 + numeric_pairs(an, opts.get("numeric-conflict", {}), groups)
                 + cure_pairs(an, opts.get("cure-conflict", {})))
        pairs.sort(key=lambda p: p.later.index)
        report_pairs(ctx, an, pairs, True, describe)
