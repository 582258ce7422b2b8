from ...model import Severity
from ..base import Rule
from ._claims import (
    CITE,
    index_of,
    is_question,
    language,
    opt_list,
    prefilter,
    quote,
    report_sentence,
    scope_of,
)

_REPORTED = {"hailed", "touted", "marketed", "called", "dubbed", "billed", "advertised",
             "claimed", "claims", "promise", "promises", "promised", "sold"}
# cue words that do not soften an absolute: "can", "helps"; "the most powerful option";
# "almost everyone", whose "almost" is part of the overclaim
_NOT_HEDGES = ("can", "help", "helps", "most", "almost", "nearly", "virtually")
_SOFTENERS = {"almost", "nearly", "virtually", "practically", "close", "not", "no", "never",
              "rarely", "hardly"}


class AbsoluteClaim(Rule):
    code = "UC002"
    name = "absolute-claim"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "An absolute or guaranteed outcome: '100% effective', 'no side effects', 'miracle'."
    what = """
    A sentence that promises an absolute or guaranteed outcome: "guaranteed", "100%
    effective", "completely safe", "no side effects", "works for everyone", "permanently
    cures", "miracle", "instant relief", "the only cure". Negated phrases are honest
    statements and are not reported ("no contraception is 100% effective", "there is no
    miracle cure", "this is not completely safe"), nor are questions, quotations of myths under
    a "Myths" heading, or sentences that cite their source.
    """
    why = """
    No treatment works for everyone or is free of risk. Absolute promises mislead readers
    into stopping other treatment or ignoring side effects, and they are the wording
    regulators act on first.
    """
    standard = ("HONcode principle 5 (justifiability: balanced evidence, no absolute claims), "
                "DISCERN items 6 and 8 (balanced, unbiased; areas of uncertainty), FTC Health "
                "Products Compliance Guidance (2022); Acrolinx absolute-claim terminology.")
    cite = CITE
    pack = "claims.yaml"
    options = {"scope": "sentence", "phrases": [], "cues": {}}
    bad = """# Colloidal silver

Colloidal silver is 100% safe, has no side effects and works for everyone.
"""
    good = """# Colloidal silver

Colloidal silver is not safe to take by mouth: it can turn the skin permanently blue-grey
([NCCIH](https://www.nccih.nih.gov/health/colloidal-silver)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        phrases = opt_list(ctx, "phrases")
        idx, pre = index_of(phrases), prefilter(phrases)
        scope = scope_of(ctx)
        for i in an.matching(pre):
            s = an.sentences[i]
            if is_question(s.text) or an.in_myth_section(i) or an.supported(i, scope):
                continue  # evidence is checked first: cheaper than tokenising the sentence
            inf = an.info(i)
            hits = []
            for a, b, phrase in inf.find(idx):
                if inf.negated(a, b) or (a > 0 and inf.tokens[a - 1] in _SOFTENERS):
                    continue
                if inf.hedged(a, ignore=_NOT_HEDGES) or any(
                        t in _REPORTED for t in inf.tokens[max(0, a - 4):a]):
                    continue  # "normally completely harmless"; "hailed as a miracle cure"
                hits.append((a, b, phrase))
            if not hits:
                continue
            a, b, _p = hits[0]
            words = ", ".join(f"'{inf.span_text(x, y)}'" for x, y, _ in hits[:3])
            report_sentence(ctx, an, i,
                            f"absolute claim {words} in '{quote(s.text, 60)}': no treatment is "
                            "guaranteed or risk-free; state the evidence and its limits (how many "
                            "people it helped, known side effects) with a source", a, b)
