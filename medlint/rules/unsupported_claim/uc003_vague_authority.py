from ...model import Severity
from ..base import Rule
from ._claims import (
    CITE,
    SCOPE_WORDS,
    index_of,
    language,
    opt_list,
    prefilter,
    quote,
    report_sentence,
    scope_of,
)

# "the study found", "this research shows": a study named in an earlier sentence
_ANAPHORA = {"the", "this", "that", "these", "those", "our", "their", "its", "his", "her",
             "same", "above", "previous"}


class VagueAuthority(Rule):
    code = "UC003"
    name = "vague-authority"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "'Studies show', 'experts say', 'most doctors recommend' with no source named."
    what = """
    An appeal to unnamed authority: "studies show", "research has proven", "experts say",
    "doctors recommend", "most doctors will recommend", "clinically proven", "science says",
    with no source in the sentence or its paragraph (a link, a citation, a footnote, or a
    named organisation or journal such as "according to the CDC" or "a 2019 study in JAMA").
    Negated appeals ("no studies have shown ...") are statements of uncertainty and are not
    reported.
    """
    why = """
    Vague attribution borrows the authority of science without letting the reader check it.
    Which studies, of whom, how large? "Studies show" is the most common way unsupported
    health claims are dressed up as evidence.
    """
    standard = ("Wikipedia MOS:Words to watch (unsupported attribution, 'research has shown'), "
                "HONcode principle 5, JAMA attribution benchmark, DISCERN item 4 (are the "
                "sources of evidence clear?).")
    cite = CITE
    pack = "claims.yaml"
    options = {"scope": "paragraph", "phrases": [], "cues": {}}
    bad = """# Knee twitching

Most doctors will recommend lifestyle changes. Studies show that magnesium stops twitching.
"""
    good = """# Knee twitching

The NHS advises lifestyle changes first: cut down on caffeine and alcohol and get enough
sleep ([NHS: muscle twitches](https://www.nhs.uk/conditions/muscle-twitches/)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        phrases = opt_list(ctx, "phrases")
        idx, pre = index_of(phrases), prefilter(phrases)
        scope = scope_of(ctx)
        for i in an.matching(pre):
            if an.supported(i, scope):
                continue  # checked first: cheaper than tokenising the sentence
            inf = an.info(i)
            hits = [(a, b, p) for a, b, p in idx.find(inf.tokens) if not inf.negated(a, b)
                    and not (a > 0 and inf.tokens[a - 1] in _ANAPHORA)]
            if not hits:
                continue
            a, b, _p = hits[0]
            report_sentence(ctx, an, i,
                            f"vague authority '{quote(inf.span_text(a, b))}' with no source "
                            f"{SCOPE_WORDS[scope]}: name the study, guideline or organisation "
                            "and link to it", a, b)
