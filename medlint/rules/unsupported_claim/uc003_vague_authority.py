import re
from functools import lru_cache

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
# "there is little evidence that suggests", "weak evidence suggests": a statement of doubt
_DOUBT = {"little", "limited", "insufficient", "weak", "scant", "conflicting", "mixed",
          "inconclusive", "poor", "less", "low-quality"}
_NOT_A_CROWD = _ANAPHORA | {"your", "my", "local", "no", "few", "two", "three", "both"}


@lru_cache(maxsize=8)
def _study_rx(nouns: tuple, verbs: tuple):
    """An unnamed study and what it found: "a (recent|new|large|small|2019) study ... found"
    in one clause (120 characters at most)."""
    if not nouns or not verbs:
        return None
    alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)).replace(r"\ ", r"\s+")
    vs = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(r"\b(?:a|an|one|another)\s+(?:(?:recent|new|large|small|\d{4})\s+)?"
                      rf"(?P<noun>{alt})\b[^.;:]{{0,120}}?\b(?:{vs})\b", re.I)


def profession_appeals(inf, endings: tuple, verbs) -> list:
    """(start, end) of "<profession>s <verb>" ("many urologists recommend") in a sentence's
    ``SentInfo``: a plural word with a profession ending right before an appeal verb in the
    plural present, not one named before ("these urologists") or the reader's own ("your
    doctors")."""
    toks = inf.tokens
    out = []
    for a, b, _p in inf.find(verbs):
        if a == 0 or toks[a][-1:] == "s" and not toks[a].endswith("ss"):
            continue  # "the urologist recommends": one person, named or not
        w = toks[a - 1]
        if not w.endswith(endings) or (a > 1 and toks[a - 2] in _NOT_A_CROWD):
            continue
        out.append((a - 1, b))
    return out


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
    Evidence with no owner ("there's also evidence that suggests"), results in the passive
    ("has been shown to", "have been found to") and appeals to any profession ("which many
    urologists recommend": a plural profession word before recommend, agree, say, advise
    ...) count too; "the urologist recommends", "these urologists" and "little evidence
    suggests" do not. So does an unnamed study and what it found ("A study funded by ...
    found", "One trial in 21 patients found", "A 2014 systematic review identified":
    `study_nouns`, `finding_verbs`).
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
    options = {"scope": "paragraph", "phrases": [], "profession_endings": [],
               "appeal_verbs": [], "study_nouns": [], "finding_verbs": [], "cues": {}}
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
        endings = opt_list(ctx, "profession_endings")
        verbs = opt_list(ctx, "appeal_verbs")
        v_idx = index_of(verbs)
        named = set(an.matching(pre))
        study = _study_rx(tuple(opt_list(ctx, "study_nouns")), tuple(opt_list(ctx, "finding_verbs")))
        studied = set(an.matching(prefilter(opt_list(ctx, "study_nouns")))) if study else set()
        named |= {i for i in studied if study.search(an.sentences[i].text)}
        scope = scope_of(ctx)
        for i in sorted(named.union(an.matching(prefilter(verbs)))):
            if i not in named and an.words_are_tokens(i) and not any(
                    e in w for w in an.word_lists[i] for e in endings):
                continue  # an appeal verb, but no phrase and no word with a profession ending
            if an.supported(i, scope):
                continue  # checked first: cheaper than tokenising the sentence
            inf = an.info(i)
            hits = [(a, b, p) for a, b, p in inf.find(idx) if not inf.negated(a, b)
                    and not (a > 0 and inf.tokens[a - 1] in _ANAPHORA)
                    and not _DOUBT & set(inf.tokens[max(0, a - 3):a + 1])]
            hits += [(a, b, "") for a, b in profession_appeals(inf, endings, v_idx)
                     if not inf.negated(a, b)]
            if i in studied and (m := study.search(an.sentences[i].text)) is not None:
                # "A study funded by ... found", "One trial in 21 patients found": a study
                # that is never named
                a = next((k for k, o in enumerate(inf.offsets) if o >= m.start()), None)
                b = next((k for k, o in enumerate(inf.offsets) if o >= m.end("noun")), None)
                if a is not None and not inf.negated(a, b or len(inf.tokens)):
                    hits.append((a, b if b is not None else len(inf.tokens), ""))
            hits.sort()
            if not hits:
                continue
            a, b, _p = hits[0]
            report_sentence(ctx, an, i,
                            f"vague authority '{quote(inf.span_text(a, b))}' with no source "
                            f"{SCOPE_WORDS[scope]}: name the study, guideline or organisation "
                            "and link to it", a, b)
