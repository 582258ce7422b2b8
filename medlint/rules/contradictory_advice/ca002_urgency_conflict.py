from ...model import Severity
from ..base import Rule
from ._advice import CITE, language, quote, report_pairs, urgency_pairs


def describe(p, earlier_line):
    if p.what == "urgency|care":
        if p.later.kind == "care":
            return (f"'{quote(p.later.text)}' contradicts line {earlier_line}, which says no "
                    f"doctor is ever needed ('{quote(p.earlier.text)}'): say when to get care")
        return (f"'{quote(p.later.text)}' says no doctor is ever needed, but line "
                f"{earlier_line} says '{quote(p.earlier.text)}': say when to get care")
    if p.what == "urgency|time":
        wait, care = (p.later, p.earlier) if p.later.kind == "wait" else (p.earlier, p.later)
        said = (f"'{quote(wait.text)}' for {_span(wait.value[0])}", f"'{quote(care.text)}' "
                f"after {_span(care.value[0])}")
        here, there = said if p.later is wait else said[::-1]
        return (f"{here} here, but {there} at line {earlier_line}: give one time for getting "
                "care")
    if p.what == "urgency|case":
        return (f"'{quote(p.later.text)}' and line {earlier_line} ('{quote(p.earlier.text)}') "
                "give the same symptoms routine and urgent advice: say which one applies")
    return (f"'{quote(p.later.text)}' conflicts in urgency with line {earlier_line} "
            f"('{quote(p.earlier.text)}'): say which symptoms need urgent care and which can "
            "wait")


def _span(minutes: float) -> str:
    for size, unit in ((10080, "week"), (1440, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size and minutes % size == 0:
            n = int(minutes // size)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{minutes:g} minutes"


class UrgencyConflict(Rule):
    code = "CA002"
    name = "urgency-conflict"
    category = "contradictory-advice"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "'See a doctor immediately' and 'it will go away on its own' for the same case."
    what = """
    An unconditional call for urgent care ("see a doctor immediately", "do not delay",
    "call 999") and, elsewhere in the article, advice that the same thing can wait ("it will
    go away on its own", "watch it and mention it at your next visit"). An urgent statement
    with its own condition ("call 999 if you have chest pain") does not conflict with
    reassurance about the usual case, so only unconditional urgency is compared — unless
    both statements name the same case: two content words of their conditions shared ("Go
    to A&E if ... your poo is black or dark red" / "If the blood is dark red or your poo is
    black ..., this is normal with piles"; a bare "Call 999 immediately." takes its case
    from the sentence before it). Routine advice that only makes sense for a named case
    ("this is normal", "wait for it to pass": `non_urgent_case`) is compared only this way.
    An absolute "there is no need to see a doctor, it always goes away by itself" (no
    hedge such as "usually" or "most", no condition) also conflicts with advice elsewhere
    to see a GP or doctor in some case (`seek_care`: "See a GP if the pain has not eased
    after 2 weeks"). So does a time before which no care is needed that is later than the
    time after which the article sends readers to care ("Go to A&E if the bleeding lasts
    longer than 15 minutes" / "As long as it stops within an hour, there's no need to get
    help"; "See a GP if you have had tingling for more than 2 weeks" / "Most people can
    safely wait six months before getting their hands checked"). A statement that an
    emergency red flag (red-flag-without-urgency's 999 flags, such as "struggling to
    breathe") can wait is the case any urgent advice of the article is for ("Call 999 if ...
    the skin pulling in under their ribs" / "children who are struggling to breathe can
    safely wait to be seen by their GP").
    """
    why = """
    Urgency is the one thing a reader must get right: mixed messages either send everyone to
    the emergency department or, worse, make readers wait with a symptom that needed care.
    """
    standard = ("NHS digital service manual care cards (non-urgent, urgent and emergency "
                "advice, each with the circumstances that call for it); DISCERN item 6; "
                "CDC Clear Communication Index item 14 (when and how to contact a provider).")
    cite = CITE
    pack = "advice.yaml"
    options = {"urgent": [], "non_urgent": [], "non_urgent_case": [], "seek_care": [],
               "cues": {}}
    bad = """# Knee twitching

Do not delay in seeing your doctor.

Muscle twitches are common. Watch it, and mention it at your next visit.
"""
    good = """# Knee twitching

Muscle twitches are common. Watch it, and mention it at your next visit.

See your doctor as soon as possible if the twitching comes with weakness or numbness.
"""

    def check(self, doc, ctx):
        an = language(doc, ctx.options)
        report_pairs(ctx, an, urgency_pairs(an, ctx.options), False, describe)
