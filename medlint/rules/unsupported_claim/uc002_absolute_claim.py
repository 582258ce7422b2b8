import re

from ...model import Severity
from ...rxguard import compile_all
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


_DENIED = re.compile(r"\b(?:not|no|never|n't|cannot|impossible|unlikely|myth|claim\w*|"
                     r"promis\w*)\b", re.I)
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
    a "Myths" heading, or sentences that cite their source. Outcomes that need a number are
    regular expressions (`patterns`, read in sentences holding one of `pattern_words`):
    relief promised within minutes ("Achieving sciatica relief in 8 minutes is possible",
    a title "Sciatica Relief in 8 Minutes").
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
    options = {"scope": "sentence", "phrases": [], "patterns": [], "pattern_words": [],
               "cues": {}}
    bad = """# Colloidal silver

Colloidal silver is 100% safe, has no side effects and works for everyone.
"""
    good = """# Colloidal silver

Colloidal silver is not safe to take by mouth: it can turn the skin permanently blue-grey
([NCCIH](https://www.nccih.nih.gov/health/colloidal-silver)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        reported: set[int] = set()
        self._phrases(an, ctx, reported)
        self._patterns(an, ctx, reported)

    @staticmethod
    def _patterns(an, ctx, reported: set) -> None:
        words = opt_list(ctx, "pattern_words")
        pats = compile_all(opt_list(ctx, "patterns"))
        if not words or not pats:
            return
        scope = scope_of(ctx)
        # the title promises it too ("Sciatica Relief in 8 Minutes: Effective Techniques")
        doc = an.doc
        fm = doc.front_matter.top("title") if doc.front_matter is not None and (
            not doc.front_matter.unreadable) else None
        h1 = next((h for h in doc.headings if h.level == 1), None)
        for text, where in ([(str(fm.value), fm)] if fm else []) + (
                [(h1.text, h1)] if h1 is not None else []):
            m = next((m for rx in pats if (m := rx.search(text))), None)
            if m is not None and not _DENIED.search(text, 0, m.start()):
                if where is h1:
                    a, e = h1.pos_of(m.start()), h1.pos_of(m.end())
                    line, col, end = a.line, a.col, e.col
                else:
                    quoted = doc.line_text(fm.value_line)[fm.value_col - 1:fm.value_col]
                    at = fm.value_col + (1 if quoted in ("'", '"') else 0)
                    line, col, end = fm.value_line, at + m.start(), at + m.end()
                ctx.report(line, col, f"absolute claim '{m.group(0)}' in the title "
                           f"'{quote(text, 60)}': a result promised within minutes is not what "
                           "treatment can guarantee; promise what the article shows",
                           end_col=end)
                break
        for i in an.matching(prefilter(words)):
            s = an.sentences[i]
            if i in reported or an.in_myth_section(i) or is_question(s.text):
                continue
            m = next((m for rx in pats if (m := rx.search(s.text))), None)
            if m is None or _DENIED.search(s.text, 0, m.start()) or an.supported(i, scope):
                continue
            inf = an.info(i)
            a = next((k for k, off in enumerate(inf.offsets) if off >= m.start()), None)
            b = next((k for k, off in enumerate(inf.offsets) if off >= m.end()), None)
            report_sentence(ctx, an, i,
                            f"absolute claim '{m.group(0)}' in '{quote(s.text, 60)}': a result "
                            "promised within minutes is not what treatment can guarantee; state "
                            "the evidence and how long relief usually takes, with a source", a, b)

    @staticmethod
    def _phrases(an, ctx, reported: set) -> None:
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
            reported.add(i)
            words = ", ".join(f"'{inf.span_text(x, y)}'" for x, y, _ in hits[:3])
            report_sentence(ctx, an, i,
                            f"absolute claim {words} in '{quote(s.text, 60)}': no treatment is "
                            "guaranteed or risk-free; state the evidence and its limits (how many "
                            "people it helped, known side effects) with a source", a, b)
