from ...model import Severity
from ..base import Rule
from ._advice import CITE, language, opposite_pairs, quote, report_pairs


def describe(p, earlier_line):
    return (f"'{quote(p.later.text)}' contradicts line {earlier_line} "
            f"('{quote(p.earlier.text)}') about {p.what}: say when each applies "
            "(which condition, which stage) or remove one")


class OppositeAdvice(Rule):
    code = "CA001"
    name = "opposite-advice"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "Advice to do something and advice not to do it, under the same conditions."
    what = """
    Two pieces of advice about the same thing (a synonym group: heat = heating pad, warm
    compress, hot water bottle...; caffeine = coffee, energy drinks...) with opposite polarity
    ("apply heat" / "never use heat"; "avoid caffeine" / "a cup of coffee helps") whose
    conditions do not tell them apart. Sequenced or conditional advice is not a contradiction:
    "ice for the first 48 hours, then heat", "if you are pregnant, avoid ...", or advice under
    headings for different cases ("If you are breastfeeding") are compared by their conditions
    first. Beyond the groups, plain actions are compared too (`action_verbs`): "Do not stay
    in bed" after "Staying in bed is the best way to heal", "wake your toddler every 4
    hours" after "Do not wake a sleeping child" — the same verb on the same thing, one
    negated ("do not", "never", "avoid ...-ing", "there is no need to"), with no qualifier
    that narrows it ("too soon", "for 7 days", "if you have asthma") and no sequence word in
    its clause; "avoid X" or "do not eat/drink X" against "eat", "drink", "offer", "have"
    or "add" the same X ("Avoid tea and coffee" / "Offer tea or coffee"; not "don't eat
    enough iron"); a treatment stopped as soon as the symptoms go against one kept up
    after they have gone ("Once the itching stops, stop putting the cream on" / "Keep using
    the treatment for 1 to 2 weeks after the rash has cleared", "finish the course"; "back
    to normal in 2 to 4 weeks, after which you can stop the tablets" / "keep taking them for
    3 months after your blood count is back to normal":
    `stop_when_better`, `keep_after_better`); "put", "apply", "dab", "rub" or "smear" a
    thing on the body as one action, with the article's topic no part of the thing ("Dab
    toothpaste on the blister" / "Should I put toothpaste on a cold sore?" — "No."; "before
    bed" and "after meals" are times of day, not steps); putting weight on a body part and
    walking or standing on it as one act ("Do not put any weight on the injured ankle" /
    "Walk on the ankle as soon as possible"; "injured", "sore" or "affected" name no other
    part); keeping a child off school or nursery against "no need to" ("Keep your child at
    home until every nit has been combed out" / "Children with head lice do not need to be
    kept off school"; keeping them off only in a case, "if they have a fever", is left out),
    or against going back before what the keeping off waits for ("Keep them off nursery
    until all the spots have crusted over" / "back to school ... even if some spots have not
    scabbed over yet"); advice given in two ways that exclude each other
    (`opposite_phrases`: "Tip your head back" / "Sit down and lean forward"), where only the
    statements against the article's first word on it are reported; advice to stop a
    medicine on one's own (discontinue-treatment's patterns, no doctor around it) against
    "Never stop ... without talking to the doctor who prescribed it";
    taking a tablet with a thing as having the thing ("Wash your iron tablet down
    with a cup of tea" / "Avoid drinking tea ... after taking iron"); a thing praised as a sentence's subject against avoiding it ("Soluble
    fibre, such as oats and linseeds, can help" / "Avoid oats and linseeds"; "A strong cup
    of coffee after dinner is a great way to settle ..." / "Avoid coffee"); a softer
    negative ("cut down on caffeine", "limit", "reduce") only against praise for the case it
    stresses ("especially in the evening" / "after dinner": `qualifier_synonyms` says which
    words narrow alike, such as "straight" and "directly") or against leaving the thing
    unlimited ("Cut down on salt" / "There is no need to limit salt if you exercise"; "no
    need to avoid X" meets only a firm "avoid X"); an FAQ question answered with a flat yes or no ("Should I put ice on a
    gout flare?" — "No."), which says the asked action; and a property of the article's
    topic said and denied flatly (`properties`: "Shingles is not contagious" / "Yes,
    shingles is contagious"). A qualifier narrows a statement only against one that does not
    say its words ("Do not put ice directly on the skin" is not contradicted by "wrap an ice
    pack in a towel"; "Never put ice on a joint" is by "hold the ice pack on the painful
    joint"); the article's topic is no qualifier, a condition of taste ("if they enjoy it")
    no condition, and "never" admits no case. Reported at the later statement, naming the
    line of the earlier one.
    """
    why = """
    A reader who meets both pieces of advice cannot follow either with confidence, and may
    follow the wrong one. Contradictions are also a sign that a page was stitched together
    from different sources without review.
    """
    standard = ("DISCERN item 6 (is it balanced and unbiased?) and HONcode principle 5; "
                "de Marneffe et al. 2008 (contradiction from antonymy and negation), "
                "Rosemblat et al. 2019 (apparent contradictions explained by population or "
                "timing).")
    cite = CITE
    pack = "advice.yaml"
    options = {"groups": {}, "positive_verbs": [], "positive_after": [], "negative_verbs": [],
               "negative_after": [], "action_verbs": [], "qualifier_synonyms": {}, "opposite_phrases": {}, "stop_when_better": [],
               "keep_after_better": [], "cues": {}}
    bad = """# Back pain

Apply a heating pad to the sore area for 20 minutes.

Some people like to lie down. Never use heat.
"""
    good = """# Back pain

Apply an ice pack for the first 48 hours, then use a heating pad.

If the skin is numb or broken, do not use heat.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        report_pairs(ctx, an, opposite_pairs(an, ctx.options), False, describe)
