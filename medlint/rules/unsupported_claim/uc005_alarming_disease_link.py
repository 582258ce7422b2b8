import re

from ...model import Severity
from ..base import Rule
from ._claims import (
    CITE,
    SCOPE_WORDS,
    all_supported,
    index_of,
    is_question,
    language,
    opt_list,
    prefilter,
    quote,
    report_sentence,
    scope_of,
)

_DISEASE_WORDS = {"disease", "diseases", "infection", "infections", "condition", "conditions",
                  "syndrome", "disorder", "virus", "viruses", "bacteria", "cancer", "tumour",
                  "tumor", "plague", "fever", "sepsis", "diabetes", "insomnia", "failure",
                  "poisoning", "overdose", "it", "this", "they", "these"}
# "the hidden cause of", "often causes": a claim about what a disease leads to, not its
# mechanism ("sepsis leads to organ failure")
_HIDDEN = re.compile(r"\b(?:hidden|real|root|true|secret)\s+cause\b|^(?:often|commonly|usually)\s")
_UNTREATED = {"untreated", "unmanaged", "uncontrolled", "ignored", "neglected"}


def find_links(an, i: int, lists):
    """(link start, disease end, kind) alarming links of sentence ``i`` stated as fact."""
    serious, sign, cause, weak_hedges = lists
    inf = an.info(i)
    toks = inf.tokens
    dis = inf.find(serious)
    if not dis:
        return []
    out = []
    for idx, kind in ((sign, "sign"), (cause, "cause")):
        for a, b, _p in inf.find(idx):
            d = next(((da, db) for da, db, _ in dis if b <= da <= b + 8), None)
            if d is None and kind == "cause" and _p.startswith(("is deadly", "are deadly")):
                d = (a, b)
            if d is None:
                continue
            if inf.negated(a, b) or inf.negated(d[0], d[1]):
                continue
            if inf.hedged(a, ignore=weak_hedges) or inf.hedged(d[0], ignore=weak_hedges):
                continue
            certain = a > 0 and toks[a - 1] in ("will", "'ll") or _p.startswith("will ")
            if any(c.start < a for c in inf.conditions()) or (_UNTREATED & set(toks)
                                                              and not certain):
                continue  # "if left untreated, it can lead to ...": a proper warning (but
                # "left untreated will lead to ... deadly blood clots" is stated as certain)
            if a > 0 and toks[a - 1] in ("to", "that", "which", "what", "who"):
                continue  # "conditions that cause stroke" names a cause; not a link claim
            if kind == "cause":
                # only "X can/will lead to death"-style warnings about an everyday thing;
                # disease mechanisms ("sepsis leads to organ failure"), epidemiology
                # ("causes 1.8 million deaths") and lists of causes are not alarming links
                modal = toks[a - 1] if a > 0 else ""
                if modal not in ("can", "will", "'ll") and not (
                        modal == "be" and {"can", "will"} & set(toks[max(0, a - 4):a])) \
                        and not _p.startswith(("is a", "are a", "is the", "will ", "often ",
                                               "commonly ", "usually ")):
                    continue  # ("is a leading cause of", "will lead to": said as fact)
                subject = toks[:a]
                # (a disease said to be "the hidden cause" of others is a claim, not the
                # mechanism of a disease: "sepsis leads to organ failure")
                if not _HIDDEN.search(_p) and (
                        any(t in _DISEASE_WORDS for t in subject) or serious.find(subject)):
                    continue
                if any(t[:1].isdigit() for t in toks[b:d[0] + 1]) or (
                        d[0] > 0 and toks[d[0] - 1] in ("cell", "tissue", "black")):
                    continue
            elif a > 0 and toks[a - 1] in ("common", "main", "other", "leading", "the"):
                continue
            out.append((a, d[1], kind))
    return out


def compiled(ctx):
    serious = opt_list(ctx, "serious")
    gaps = opt_list(ctx, "phrase_gaps")
    return ((index_of(serious), index_of(opt_list(ctx, "sign_links"), gaps),
             index_of(opt_list(ctx, "cause_links"), gaps), opt_list(ctx, "weak_hedges")),
            prefilter(serious), prefilter(opt_list(ctx, "sign_links") + opt_list(ctx, "cause_links")))


class AlarmingDiseaseLink(Rule):
    code = "UC005"
    name = "alarming-disease-link"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "A symptom or habit stated as a sign or cause of a serious disease, with no source."
    what = """
    A sentence that links something to a serious disease or death as a fact: "muscle
    twitching is an early sign of ALS", "a headache behind the eyes means you have a brain
    tumour", "dehydration can lead to death", with no source in the sentence, its paragraph
    or a references section. Hedged links ("may be a sign of", "in rare cases"), negated ones
    ("is not a sign of cancer"), conditional warnings ("if left untreated, sepsis can lead to
    organ failure") and questions are not reported. "can" alone does not hedge: "can lead to
    death" is stated as fact.
    """
    why = """
    Alarming links frighten readers into panic or, worse, into self-diagnosis; stated as fact
    and without a source they also overstate how often the serious cause is the real one
    (most twitching is benign, ALS is rare).
    """
    standard = ("HONcode principle 5 (justifiability), JAMA attribution benchmark, DISCERN "
                "items 4 and 8 (sources; areas of uncertainty); Sumner et al. 2014 (causal "
                "claims from correlational data).")
    cite = CITE
    pack = "claims.yaml"
    options = {"scope": "article", "serious": [], "sign_links": [], "cause_links": [],
               "phrase_gaps": [],
               "weak_hedges": [], "cues": {}}
    bad = """# Knee twitching

Muscle cramps and muscle twitching are early signs of amyotrophic lateral sclerosis.
"""
    good = """# Knee twitching

Muscle twitching is very rarely a sign of amyotrophic lateral sclerosis (ALS); in ALS it
comes with muscle weakness ([NHS: motor neurone disease](https://www.nhs.uk/conditions/motor-neurone-disease/)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        lists, pre, pre_link = compiled(ctx)
        scope = scope_of(ctx)
        if all_supported(an, scope):
            return
        for i in an.matching(pre):
            s = an.sentences[i]
            if not pre_link.hit(an.words(i)) or is_question(s.text) or an.in_myth_section(i):
                continue
            if an.supported(i, scope):
                continue  # checked first: cheaper than tokenising the sentence
            links = find_links(an, i, lists)
            if not links:
                continue
            a, b, kind = links[0]
            inf = an.info(i)
            what = "sign of a serious disease" if kind == "sign" else "cause of serious harm"
            report_sentence(ctx, an, i,
                            f"alarming link stated as fact ({what}: "
                            f"'{quote(inf.span_text(a, b))}') with no source {SCOPE_WORDS[scope]}: "
                            "cite the evidence and say how likely it is, or hedge it", a, b)
