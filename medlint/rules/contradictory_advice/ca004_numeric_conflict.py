from ...model import Severity
from ..base import Rule
from ..registry import all_rules, default_options
from ._advice import CITE, language, numeric_pairs, quote, report_pairs


def groups_for(ctx) -> dict:
    """The rule's groups, or opposite-advice's default groups (looked up once per run)."""
    groups = ctx.options.get("groups")
    if groups:
        return groups
    if "CA004-default-groups" not in ctx.shared:
        ctx.shared["CA004-default-groups"] = next(
            (dict(default_options(r).get("groups") or {}) for r in all_rules()
             if r.name == "opposite-advice"), {})
    return ctx.shared["CA004-default-groups"]


def describe(p, earlier_line):
    return (f"'{quote(p.later.text)}' for {p.what} conflicts with line {earlier_line} "
            f"('{quote(p.earlier.text)}'): use one number, or say when each applies")


class NumericConflict(Rule):
    code = "CA004"
    name = "numeric-conflict"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "Different numbers for the same thing: 'ice 20 minutes' and 'never more than 10'."
    what = """
    Two statements that give a number for the same thing (one synonym group, one kind of unit:
    minutes, days, mg, ml, tablets, cups; the same period: per dose or per day) that cannot
    both hold: a value above a stated maximum ("apply ice for 20 minutes" / "never more than
    10 minutes"), or two different maximums. Statements with conditions that tell them apart
    (children and adults, first 48 hours) are not compared. A duration with no limit ("for
    as long as you need to", "indefinitely") exceeds any maximum ("use hydrocortisone cream
    for as long as you need" / "use a steroid cream for no longer than 7 days"). The
    condition's usual course said twice with ranges that do not overlap and lie at least
    twice apart ("Most cold sores clear up within 7 to 10 days" / "a cold sore normally
    hangs around for three to four weeks"; `course_verbs`): only flat statements about the
    article's topic count, not a case, a treatment or a warning ("if", "not", "with",
    "cream", "more than"). How often to do the same thing, against a maximum ("Wash your
    face at least four or five times a day" / "no more than twice a day"; "Use a coal tar
    shampoo every day" / "should only be used two or three times a week"), unless a case
    ("if", "for children") tells them apart. When someone may go back to sport, school or
    work, as the earliest day each statement allows, when one is less than half the other
    ("Most players can return to play the next day" / "no player should return to
    full-contact matches until at least 21 days after a concussion"). A floor well above the
    amount recommended (at least 1.25 times the top of it: "Aim for 2 to 3 litres of fluid a
    day" / "drink at least 5 litres of water every day"). Two deadlines for starting the same
    treatment, one at least twice the other ("start antivirals within 3 days" / "antivirals
    only work if you start them within 24 hours"). A treatment stopped if it has not worked
    sooner than it is said to take to work, within four sentences of one section ("they can
    take several weeks to work" / "If the antidepressant has not made any difference after a
    week, stop taking it"). Things only amounts are said of (fluids,
    antivirals) are `quantity_groups`, added to opposite-advice's synonym groups.
    """
    why = """
    Numbers are what readers act on; two numbers for the same thing mean one of them is
    wrong, and a wrong dose or duration can harm.
    """
    standard = ("de Marneffe et al. 2008 (numeric mismatch as a contradiction), DISCERN item 6, "
                "PEMAT item 6 (clear numbers).")
    cite = CITE
    pack = "advice.yaml"
    options = {"max_words": [], "course_verbs": [], "groups": {}, "quantity_groups": {},
               "cues": {}}
    bad = """# Sprained ankle

Apply an ice pack to the ankle for 20 minutes.

Keep the swelling down. Never use an ice pack for more than 10 minutes.
"""
    good = """# Sprained ankle

Apply an ice pack to the ankle for 10 to 20 minutes.

Keep the swelling down, and wrap the ice pack in a towel.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        report_pairs(ctx, an, numeric_pairs(an, ctx.options, groups_for(ctx)), False, describe)
