import re

from ...model import Severity
from ..base import Rule
from ._util import any_match, combined_finder, compile_all, compile_one

_REQUIRES: dict = {}


def stop_matchers(entries) -> list[tuple]:
    """(pattern, what the sentence must also say or None) of each `stop_patterns` entry; an
    entry's `requires` keeps its pattern a cheap search for rare words ("no need for
    antibiotics") and asks for the rest only where that matches ("juice", "remedy")."""
    key = id(entries)
    got = _REQUIRES.get(key)
    if got is None or got[0] is not entries:
        out = []
        for e in entries or []:
            rx = compile_all([e])
            if not rx:
                continue
            out.append((rx[0], compile_one(e.get("requires")) if isinstance(e, dict) else None))
        got = _REQUIRES[key] = (entries, out)
    return got[1]


def find_stop(text: str, matchers) -> re.Match | None:
    """The first stop pattern's match in ``text`` whose `requires` (if any) holds too."""
    for rx, req in matchers:
        m = rx.search(text)
        if m is not None and (req is None or req.search(text)):
            return m
    return None


class DiscontinueTreatment(Rule):
    code = "SF003"
    name = "discontinue-treatment"
    category = "safety"
    severity = Severity.ERROR
    summary = "Advice to stop, skip or replace prescribed treatment without a doctor."
    what = """
    A sentence that tells readers to stop, skip or replace prescribed treatment ("stop
    taking your medication", "instead of antibiotics", "replace your
    inhaler with ...") unless the same, previous or next sentence makes it conditional on a
    clinician ("without talking to your doctor", "unless your GP advises", "your doctor may
    tell you to stop") or it is a warning not to do it ("Do not stop taking ..."). A home
    remedy said to make treatment unnecessary ("Cranberry juice ... without the need for
    antibiotics") is replacing it; "there is no need for antibiotics" alone (the guidance
    for a cold) is not.
    """
    why = """
    Stopping prescribed medicines on the advice of a web page can be dangerous: rebound
    blood pressure, seizures, asthma attacks, resistant infections, diabetic emergencies.
    Health information should support, not replace, the relationship with a clinician.
    """
    standard = ("HONcode principle 2 (complementarity: information supports, not replaces, "
                "the patient-physician relationship); FDA consumer advice on stopping "
                "medicines; DISCERN Q15 (shared decision-making).")
    cite = "HONcode principle 2"
    pack = "safety.yaml"
    options = {"stop_patterns": [], "safe_patterns": [], "unsafe_patterns": []}
    bad = """# Natural help for high blood pressure

Garlic lowers blood pressure. Once you start garlic, stop taking your blood pressure tablets.
"""
    good = """# Natural help for high blood pressure

Garlic may lower blood pressure a little. Do not stop taking your blood pressure tablets
without talking to your doctor.
"""

    def check(self, doc, ctx):
        o = ctx.options
        matchers = stop_matchers(o.get("stop_patterns"))
        safe = compile_all(o.get("safe_patterns"))
        unsafe = compile_all(o.get("unsafe_patterns"))
        sents = doc.sentences
        stops = [rx for rx, _req in matchers]
        any_stop = combined_finder(tuple(stops)) if len(stops) > 1 else None
        for i, s in enumerate(sents):
            if any_stop is not None and not any_stop(s.text):
                continue  # none of the stop patterns occurs in this sentence
            for rx, req in matchers:
                m = rx.search(s.text)
                if not m or (req is not None and not req.search(s.text)):
                    continue
                window = [s.text]
                if i > 0 and sents[i - 1].block is s.block:
                    window.append(sents[i - 1].text)
                if i + 1 < len(sents):
                    window.append(sents[i + 1].text)
                # "... without checking back with your GP": the sentence itself says the
                # clinician is left out, whatever else around it names one
                if not (unsafe and any_match(unsafe, s.text)) and any(
                        any_match(safe, t) for t in window):
                    break
                a = s.block.pos_of(s.start + m.start())
                e = s.block.pos_of(s.start + m.end())
                ctx.report(a.line, a.col, f"'{m.group(0)}': advice to stop or replace "
                           "prescribed treatment; say to do this only with the prescriber "
                           "(e.g. 'Do not stop taking ... without talking to your doctor')",
                           end_line=e.line, end_col=e.col)
                break
