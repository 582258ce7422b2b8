import re

from ...model import Severity
from ..base import Rule
from ._claims import (
    CITE,
    PERSONS,
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

_ADJ_BEFORE = {"a", "an", "the", "with", "of", "and", "or", "cause", "causes", "in", "by",
               "from", "for", "have", "has", "had", "experience"}
_BODY_AFTER = {"back", "abdomen", "abdominal", "belly", "leg", "legs", "limbs", "body", "lip",
               "jaw", "eyelid", "arm", "arms", "part", "stomach", "tummy", "chest", "teeth",
               "urinary", "respiratory", "airway", "airways", "end", "levels", "level", "dose",
               "doses", "amount", "amounts", "number", "than", "income", "cost", "costs"}


_CONDITION_SUFFIXES = ("itis", "osis", "iasis", "aemia", "emia", "algia", "pathy")


def _is_condition(word: str, named: frozenset) -> bool:
    """A condition named by its suffix ("bronchiolitis", "neuropathy"), or the one the
    article's title opens with (``named``, see title_condition)."""
    return len(word) > 6 and word.endswith(_CONDITION_SUFFIXES) or word in named


# the words a title opens with when it does not open with the condition's name
_NOT_A_CONDITION = frozenset("""how what why when where which who can could should is are do
    does the a an your my our top best natural home ways tips guide everything understanding
    living managing dealing coping signs symptoms causes treatment treatments remedies relief
    easy simple quick fast new all about get getting""".split())
_TITLE_BREAK = re.compile(r"\s*(?:[:|–—(?]|\s-\s)|\s+(?:in|and|for|of|with|vs|versus|on|at|to)\s+",
                          re.I)


def title_condition(an) -> frozenset:
    """The head word (five letters or more) of the condition an article's title opens with:
    "Shin splints: causes and treatment" -> {"splints"}, "Bronchiolitis in babies" ->
    {"bronchiolitis"}; empty when the title opens otherwise ("How to ...", "7 tips ...").
    A claim that something cures or treats it has a target, whatever the target list says."""
    got = getattr(an, "_uc001_title_condition", None)
    if got is None:
        head = _TITLE_BREAK.split((an.title_text or "").strip(), 1)[0].lower()
        words = re.findall(r"[a-z][a-z'-]*", head)
        # the head noun, the last word ("tongue thrust" -> "thrust", not the body part)
        got = frozenset() if not words or len(words) > 3 or words[0] in _NOT_A_CONDITION \
            or any(w[:1].isdigit() for w in head.split()) or len(words[-1]) < 5 \
            or words[-1] in _NOT_A_CONDITION else frozenset(words[-1:])
        an._uc001_title_condition = got
    return got


_MODALS = {"to", "can", "could", "may", "might", "should", "would", "must", "shall", "not",
           "n't", "help", "helps", "helped", "and", "or", "nor", "that", "which", "who", ":",
           "-", "–", "—", "(", "also", "please", "you", "we", "they", "i", "let", "does", "do",
           "did"}
_NOUN_BEFORE = {"the", "a", "an", "in", "for", "of", "no", "any", "some", "these", "those",
                "their", "its", "his", "her", "our", "your", "my", "and", "or", "with", "to",
                "that", "which", "who", "new", "natural", "home", "sweet", "healthy", "many",
                "few", "such", "on", "about", "into", "from", "by", "as", "at", "possible"}
_AFTER_NATURAL = ("on its own", "on their own", "by itself", "by themselves", "naturally",
                  "without treatment", "in time", "over time", "spontaneously")
_BE = {"is", "are", "be", "been", "was", "were", "being", "'s"}
_NUMBER_WORDS = ("a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|"
                 "a couple of|\\d+(?:\\.\\d+)?")
# a timeframe or amount of effect after the predicate: "in 24 hours", "within 3 days",
# "by two days", "in just a week"
_TIMEFRAME = re.compile(r"\b(?:in|within|by|after)\s+(?:just\s+|only\s+|about\s+|as little as\s+|"
                        r"less than\s+|under\s+)?(?:" + _NUMBER_WORDS
                        + r")\s+(?:hours?|days?|weeks?|minutes?|nights?)\b"
                        # how much: "lower your systolic blood pressure by around 5 to 8 mmHg";
                        # overnight, or for good: how fast or how lasting
                        r"|\bby\s+(?:around\s+|about\s+|up\s+to\s+|as\s+much\s+as\s+|roughly\s+)?"
                        r"\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?\s*(?:mm\s*hg|points|"
                        r"kg|kilos|pounds|lbs?|mg/dl|mmol/l)\b"
                        r"|\bovernight\b|\bfor good\b(?!\s+(?:health|reason|measure))"
                        r"|\bforever\b|\bfor life\b|\bpermanently\b", re.I)


def _claim_form(toks: list, a: int, b: int, phrase: str, strong: bool) -> bool:
    """Is the predicate at ``a`` used as a claim ("X cures Y", "X reduces Y", "X will ...")?

    Gerunds ("crucial for preventing"), adjectives ("lower risk", "reduced appetite"),
    imperatives and list labels ("Corticosteroids: reduce inflammation"), purpose clauses
    ("to relieve pain"), relative clauses ("medicines that reduce") and infinitives after a
    modal or "help" are not claims of their own (modals are weighed as hedges elsewhere).
    """
    if " " in phrase and phrase.split()[0] in ("is", "are", "has", "have", "works", "work",
                                               "acts", "act"):
        return True
    word = toks[a]
    prev = toks[a - 1] if a > 0 else ""
    prev2 = toks[a - 2] if a > 1 else ""
    if word.endswith("ing"):
        return False
    if a == 0 or prev in (":", "-", "–", "—", "*", "•"):
        return False
    if "how" in toks[max(0, a - 4):a]:
        return False  # "find out how warfarin treats blood clots": what the page covers
    if prev == "to" or prev2 == "to":
        return False
    if prev.endswith("ly") and (a == 1 or prev2 in (":", "-", "*", "•")):
        return False  # "Promptly treat any infection": an instruction
    if word.endswith("ed") and b < len(toks) and toks[b] in ("my", "our") and \
            prev not in _BE and prev2 not in _BE:
        return True  # a testimonial: "keto boosted my fertility", "it cured my eczema"
    if prev in ("that", "which", "and") and not word.endswith("ed") and _attributed(toks, a):
        return True  # "cherries contain anthocyanins that dissolve crystals and cure gout"
    if word.endswith("ed") or word in ("led",):
        # passive "is cured by" / "can be reversed with": a claim for cure-type verbs only
        return strong and (prev in _BE or prev2 in _BE)
    if word.endswith("s") and not word.endswith("ss"):
        if prev == "and" and b < len(toks) and toks[b].isalpha() and toks[b] not in _BE \
                and toks[b] not in _MODALS and "how" not in toks[max(0, a - 12):a]:
            return True  # "strengthens the vessels and prevents nosebleeds": a second verb
        # "in cures for diseases", "eating treats": a noun ("sweets and treats are ...")
        return prev not in _NOUN_BEFORE and not prev.endswith("ing")
    # base form: after a plural subject ("statins reduce"); modals are hedges
    if prev in ("will", "'ll"):
        # "A gallbladder flush will dissolve your stones": said as certain, like the present
        # tense; "These steps will reduce your risk" sums up the advice before it
        return strong or toks[0] not in _BACK_REFERENCE
    if prev in _MODALS or not prev.isalpha():
        return strong and prev in ("can", "will", "could")
    if phrase.split()[0] in ("lower",):
        return False
    return True


_BACK_REFERENCE = frozenset({"this", "these", "that", "those", "it", "they", "doing", "following",
                             "all", "both", "each"})
# what a test is effective for: finding a condition is not treating it ("CT is particularly
# effective for detecting stones")
_FINDING = frozenset({"detecting", "diagnosing", "identifying", "spotting", "finding", "measuring",
                      "screening", "imaging", "showing", "confirming", "ruling", "locating",
                      "assessing", "monitoring", "visualising", "visualizing"})
_CONTAINS = frozenset({"contain", "contains", "containing", "rich", "full", "packed", "loaded",
                       "high", "provides", "provide"})


def _attributed(toks: list, a: int) -> bool:
    """A relative clause that says what a remedy or its contents do ("contain anthocyanins
    that dissolve uric acid crystals (and cure gout flares)", "is a natural antiseptic that
    cures the itch"): a claim about the remedy, unlike one that names a class ("medicines
    that reduce blood pressure")."""
    for k in range(a - 1, max(-1, a - 14), -1):
        if toks[k] in (".", ";", "!", "?"):
            return False
        if toks[k] in ("that", "which"):
            before = toks[max(0, k - 5):k]
            # "contains anthocyanins that ...", "is a natural antiseptic that ..."
            return any(t in _CONTAINS for t in before) or (
                any(t in ("is", "are") for t in before) and any(t in ("a", "an") for t in before))
    return False


def _specific_from(an, i: int, inf, specific) -> int | None:
    """The token where the sentence first says how fast or how much ("within days", "in its
    tracks", "in 24 hours", "by two days"), or None."""
    at = [a for a, _b, _p in inf.find(specific)]
    m = _TIMEFRAME.search(inf.sentence.text)
    if m:
        at.append(next((k for k, off in enumerate(inf.offsets) if off >= m.start()),
                       len(inf.tokens)))
    return min(at) if at else None


def find_claims(an, i: int, opts: dict):
    """(start, end, phrase, strong) efficacy predicates of sentence ``i`` that make a claim.

    ``strong`` is true for cure-type verbs and for specific claims: stated as established
    ("has been shown to dissolve", "are known to shorten") or naming how fast ("clears a
    bladder infection in 24 hours"); those are claims even after "can" and need a source
    in their own sentence or paragraph.
    """
    strong, weak, targets, descriptive, weak_hedges = opts["lists"]
    assertive, specific, only_specific = opts["specific"]
    inf = an.info(i)
    toks = inf.tokens
    tgt_spans = inf.find(targets)
    # a condition named by its suffix ("bronchiolitis", "tendinosis", "neuropathy") is a
    # target too: the list cannot name every condition
    named = title_condition(an)
    tgt_spans += [(k, k + 1, t) for k, t in enumerate(toks) if _is_condition(t, named)]
    spec_at = _specific_from(an, i, inf, specific)
    asserted = {b for _a, b, _p in inf.find(assertive)}
    # "desensitises you to pollen and works as ...": a person right after a predicate is its
    # object, not a doctor or reader who acts
    objects = {b for idx in (strong, weak) for _a, b, _p in inf.find(idx)}
    out = []
    for idx, verb_strong in ((strong, True), (weak, False), (only_specific, False)):
        for a, b, phrase in inf.find(idx):
            if inf.negated(a, b):
                continue
            is_strong = verb_strong
            if a in asserted:
                is_strong = True  # "has been shown to dissolve": the claim is asserted as fact
            elif spec_at is not None and spec_at >= b:
                is_strong = True  # "clears a bladder infection in 24 hours"
            elif idx is only_specific:
                continue
            if a not in asserted and not _claim_form(toks, a, b, phrase, is_strong):
                continue
            if b < len(toks) and toks[b] in _FINDING:
                continue  # a test "effective for detecting stones": finding, not treating
            lo = max(0, a - 5)
            if any(lo + d_b >= a for _d, d_b, _p in descriptive.find(toks[lo:a + 1])):
                continue  # "used to treat", "surgery to treat": what a treatment is for
            before = toks[max(0, a - 8):a]
            if any(t in PERSONS and a - 8 + k not in objects
                   for k, t in enumerate(before, start=8 - len(before))):
                continue  # "your doctor will treat ...": a plan, not a claim about a remedy
            after = " ".join(toks[b:b + 5])
            if any(after.startswith(x) or f" {x}" in after for x in _AFTER_NATURAL) and not any(
                    b <= ta < b + 3 for ta, _tb, _ in tgt_spans):
                continue  # "most cuts heal on their own": no remedy is claimed (but "lemon
                # water dissolves kidney stones naturally" names what it acts on)
            hedge = inf.hedged(a, ignore=weak_hedges if is_strong else ())
            if hedge:
                continue
            if not any(b <= ta <= b + 9 for ta, tb, _ in tgt_spans) and not (
                    is_strong and phrase.startswith(("is ", "are ", "has ", "have "))) and not (
                    verb_strong and toks[b:b + 1] in (["it"], ["them"])
                    and any(tb <= a for _ta, tb, _ in tgt_spans)):
                # (a cure verb whose object is "it" or "them" after a target: "Putting
                # toothpaste on a pimple overnight cures it by the morning")
                continue
            out.append((a, b, phrase, is_strong))
    out.sort()
    return out


def compiled(ctx) -> dict:
    gaps = opt_list(ctx, "phrase_gaps")
    lists = (index_of(opt_list(ctx, "strong_predicates"), gaps),
             index_of(opt_list(ctx, "predicates"), gaps),
             index_of(opt_list(ctx, "targets")), index_of(opt_list(ctx, "descriptive")),
             tuple(opt_list(ctx, "weak_hedges")))
    only_specific = opt_list(ctx, "specific_predicates")
    return {"lists": lists,
            "specific": (index_of(opt_list(ctx, "assertive")), index_of(opt_list(ctx, "specific")),
                         index_of(only_specific)),
            "pre": prefilter(opt_list(ctx, "strong_predicates") + opt_list(ctx, "predicates")
                             + only_specific),
            "pre_t": prefilter(opt_list(ctx, "targets") + ("is proven", "are proven", "guaranteed")),
            # what a cure or specific claim needs besides a timeframe (see find_claims)
            "pre_strong": prefilter(opt_list(ctx, "strong_predicates") + opt_list(ctx, "assertive")
                                    + opt_list(ctx, "specific"))}


class UncitedEfficacyClaim(Rule):
    code = "UC001"
    name = "uncited-efficacy-claim"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "A treatment, food or remedy is said to cure, treat or prevent something, unsourced."
    what = """
    A sentence that says a treatment, food, supplement or remedy cures, heals, reverses,
    treats, prevents, relieves, reduces or boosts a condition, symptom or body function, with
    no source in the sentence, its paragraph or a references section of the article. Negated
    claims ("there is no cure") are not claims. Hedged ones ("ginger may help with nausea",
    "rest can help") are ordinary statements and are left alone, except for cure-type verbs
    (cure, heal, reverse, eliminate, detox), which are claims even after "can". Testimonials
    in the past tense ("keto boosted my fertility", "it solved my digestive issues") are
    claims too. A cure claim needs its source in its own sentence or paragraph
    (`strong_scope`): a reference list at the end of the page does not say which of its
    entries shows a cure. The same holds for specific claims: stated as established fact
    ("has been shown to dissolve uric acid crystals", "are known to shorten ... by two days")
    or saying how fast or how much ("clears a bladder infection in 24 hours", "within days",
    "in its tracks", "lower your blood pressure by around 5 to 8 mmHg"); "can" does not
    soften them, and verbs too common to be claims on their own
    ("stop", "clear") count only in such a sentence. Remedy verbs beyond the stock ones
    (dissolve, shorten, desensitise, soothe) and a remedy said to work "as a natural
    vaccine" are claims too.
    Sentences that only describe what a treatment is for ("antibiotics are used to treat"),
    purpose clauses in advice ("take paracetamol to relieve pain"), questions and plans made by a
    doctor ("your doctor will treat the infection") are not reported.
    """
    why = """
    Efficacy claims are what readers act on: they choose a remedy, skip a treatment or spend
    money because an article said it works. A claim with no source cannot be checked, and an
    unhedged one overstates what is known.
    """
    standard = ("HONcode principle 5 (justifiability: claims about the benefits of a treatment "
                "are supported by appropriate, balanced evidence), the JAMA attribution benchmark, "
                "DISCERN item 4 (are the sources of evidence clear?); FTC Health Products "
                "Compliance Guidance (2022): health claims need competent and reliable "
                "scientific evidence.")
    cite = CITE
    pack = "claims.yaml"
    options = {"scope": "article", "strong_scope": "paragraph", "strong_predicates": [], "predicates": [], "targets": [],
               "descriptive": [], "weak_hedges": [], "assertive": [], "specific": [],
               "specific_predicates": [], "phrase_gaps": [], "cues": {}}
    bad = """# Turmeric for joint pain

Turmeric cures arthritis and reduces inflammation in a few days.
"""
    good = """# Turmeric for joint pain

Turmeric may help with joint pain in some people, but there is no cure for arthritis.

In a 2016 review of 8 small trials, turmeric extract reduced arthritis pain about as much as
ibuprofen ([Daily et al., 2016](https://pubmed.ncbi.nlm.nih.gov/27533649/)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        opts = compiled(ctx)
        scope = scope_of(ctx)
        # a cure claim needs its source next to it: a reference list at the end of the page
        # does not say which of its entries shows that something cures
        strong_scope = str(ctx.options.get("strong_scope") or scope).lower()
        if strong_scope not in SCOPE_WORDS:
            strong_scope = scope
        if all_supported(an, scope) and all_supported(an, strong_scope):
            return
        for i in an.matching(opts["pre"]):
            s = an.sentences[i]
            named = title_condition(an)
            if not (opts["pre_t"].hit(an.words(i))
                    or any(_is_condition(w, named) for w in an.words(i))) or \
                    is_question(s.text):
                continue
            if an.in_myth_section(i):
                continue  # "Myth: cranberry juice cures UTIs" is the claim being debunked
            if an.supported(i, strong_scope):
                continue  # checked first: cheaper than tokenising the sentence
            # only cure and specific claims need the nearer source: a sentence that cannot
            # hold one is not tokenised
            only_strong = strong_scope != scope and an.supported(i, scope)
            if only_strong and an.words_are_tokens(i) and not opts["pre_strong"].hit(
                    an.words(i)) and not _TIMEFRAME.search(s.text):
                continue
            claims = find_claims(an, i, opts)
            if claims and only_strong:
                claims = [c for c in claims if c[3]]
            if not claims:
                continue
            a, b, phrase, strong = claims[0]
            where = SCOPE_WORDS[strong_scope if strong else scope]
            inf = an.info(i)
            if not strong:
                kind = "efficacy claim"
            elif phrase.split()[0] in ("works", "work", "acts", "act"):
                kind = "claim that a remedy replaces a medicine"
            elif phrase.endswith(" effective"):
                kind = "intensified efficacy claim"  # "highly effective in relieving ..."
            elif phrase in opt_list(ctx, "strong_predicates"):
                kind = "cure claim"
            else:
                kind = "specific efficacy claim"
            report_sentence(ctx, an, i,
                            f"{kind} '{quote(inf.span_text(a, min(len(inf.tokens), b + 6)))}' "
                            f"has no source {where}: cite the evidence "
                            "(a guideline, systematic review or trial) or say how certain it is",
                            a, b)
