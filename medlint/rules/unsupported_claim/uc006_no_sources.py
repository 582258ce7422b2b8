from ...model import Severity
from ..base import Rule
from ..registry import all_rules, default_options
from ._claims import CITE, language


def _claim_indexes() -> tuple:
    from . import uc001_uncited_efficacy_claim as uc1
    from . import uc002_absolute_claim as uc2
    from . import uc003_vague_authority as uc3
    from . import uc004_uncited_statistic as uc4
    from . import uc005_alarming_disease_link as uc5
    from ._claims import index_of, prefilter

    opts = {r.code: default_options(r) for r in all_rules() if r.code in (
        "UC001", "UC002", "UC003", "UC004", "UC005", "UC006")}

    def lst(code, key):
        return tuple(str(x) for x in (opts.get(code, {}).get(key) or ()))

    efficacy = index_of(lst("UC001", "strong_predicates") + lst("UC001", "predicates"),
                        lst("UC001", "phrase_gaps"))
    eff_pre = prefilter(lst("UC001", "strong_predicates") + lst("UC001", "predicates"))
    targets = index_of(lst("UC001", "targets") + lst("UC005", "serious"))
    tgt_pre = prefilter(lst("UC001", "targets") + lst("UC005", "serious"))
    cause = index_of(lst("UC005", "cause_links") + lst("UC005", "sign_links"))
    cause_pre = prefilter(lst("UC005", "cause_links") + lst("UC005", "sign_links"))
    authority = index_of(lst("UC003", "phrases") + lst("UC002", "phrases"))
    auth_pre = prefilter(lst("UC003", "phrases") + lst("UC002", "phrases"))
    outcome = uc4._words_re(lst("UC004", "outcome_words"))
    not_after = uc4._after_re(lst("UC004", "not_after_percent"))
    fraction = uc4.fraction_re(lst("UC004", "population_words"))
    mine = opts.get("UC006", {})
    effects = tuple(str(x) for x in mine.get("effect_verbs") or ())
    bodies = tuple(str(x) for x in mine.get("body_functions") or ())
    remedies = tuple(str(x) for x in mine.get("remedy_nouns") or ())
    effect = index_of(effects)
    eff_pre = prefilter(lst("UC001", "strong_predicates") + lst("UC001", "predicates") + effects)
    targets = index_of(lst("UC001", "targets") + lst("UC005", "serious") + bodies)
    tgt_pre = prefilter(lst("UC001", "targets") + lst("UC005", "serious") + bodies)
    remedy, remedy_pre = index_of(remedies), prefilter(remedies)
    appeals = (tuple(lst("UC003", "profession_endings")), index_of(lst("UC003", "appeal_verbs")),
               prefilter(lst("UC003", "appeal_verbs")))
    del uc1, uc2, uc5
    return (efficacy, eff_pre, targets, tgt_pre, cause, cause_pre, authority, auth_pre,
            outcome, not_after, fraction, effect, remedy, remedy_pre, appeals, uc3)


def _claim_lines(doc, ctx, an) -> list[int]:
    """Lines of sentences that make health claims of any kind, hedged or not."""
    shared = ctx.shared.get("UC006-claim-indexes")
    if shared is None:  # built once per run: the default lists of UC001-UC005
        shared = ctx.shared["UC006-claim-indexes"] = _claim_indexes()
    (efficacy, eff_pre, targets, tgt_pre, cause, cause_pre, authority, auth_pre, outcome,
     not_after, fraction, effect, remedy, remedy_pre, appeals, uc3) = shared
    from . import uc004_uncited_statistic as uc4

    memo = ctx.shared.setdefault("UC006-claim-by-text", {})
    if len(memo) > 200_000:
        memo.clear()
    # the sentences that may hold a claim: a statistic, or the words of some phrase; UC004
    # found the statistics already (with the same default lists, the same ones)
    stats = uc4.statistic_sentences(an, outcome, not_after, fraction)
    maybe = set(stats).union(*(an.matching(p) for p in (
        eff_pre, cause_pre, auth_pre, remedy_pre, appeals[2])))
    phrased = set().union(*(an.matching(p) for p in (tgt_pre, auth_pre, remedy_pre,
                                                      appeals[2])))
    lines = []
    for i in sorted(maybe):
        s = an.sentences[i]
        t = s.text
        known = memo.get(t)
        if known is not None:  # the verdict depends only on the sentence's text
            if known:
                lines.append(s.line)
            continue
        memo[t] = False
        if stats.get(i):
            memo[t] = True
            lines.append(s.line)
            continue
        if i not in phrased:
            continue
        inf = an.info(i)
        tg = inf.find(targets)
        claim = any(not inf.negated(a, b) for a, b, _ in inf.find(remedy)) or any(
            not inf.negated(a, b) for a, b in uc3.profession_appeals(inf, *appeals[:2]))
        for idx in (efficacy, cause, effect):
            for a, b, _p in inf.find(idx):
                if not inf.negated(a, b) and any(b <= ta <= b + 8 for ta, _tb, _ in tg):
                    claim = True
        if not claim and any(not inf.negated(a, b) for a, b, _ in inf.find(authority)):
            claim = True
        if claim:
            memo[t] = True
            lines.append(s.line)
    return lines


def _commercial_link_test(ctx, honour_option: bool = True):
    """A test for links that are no source: the shop and affiliate URL patterns of
    undisclosed-commercial-link (MD008), so an article whose only links go to a shop
    still counts as citing nothing. None when this rule's `shop_links_are_sources` is set
    (``honour_option``: the other claim rules, which have no such option, pass False)."""
    import re

    from ..links._util import host_matches, host_of

    md8 = next((default_options(r) for r in all_rules() if r.code == "MD008"), {})
    pats = []
    for key in ("affiliate_url_patterns", "shop_url_patterns"):
        for p in md8.get(key) or ():
            try:
                pats.append(re.compile(str(p), re.I))
            except re.error:
                continue
    public = md8.get("non_commercial_hosts") or []
    if not (honour_option and ctx.options.get("shop_links_are_sources", False)) and pats:
        def test(href: str) -> bool:
            return (href.startswith(("http://", "https://", "//"))
                    and any(r.search(href) for r in pats)
                    and not host_matches(host_of(href), public))
        return test
    return None


class NoSources(Rule):
    code = "UC006"
    name = "no-sources"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "The article makes health claims but cites no source anywhere."
    what = """
    One finding per article that makes several health claims (what causes, treats, prevents
    or signals a condition; statistics; appeals to studies or experts; at least `min_claims`
    sentences, hedged or not; what a remedy or habit does to the body counts too, also in
    list-item fragments such as "**Red meat**: Can slow digestion" or "**Prunes**: Natural
    laxative") and has no source at all: no link (links into shops and
    affiliate links, as undisclosed-commercial-link finds them, are not sources unless
    `shop_links_are_sources` is set), no footnote or numbered
    reference, no author-year citation, DOI or PubMed ID, no "according to <organisation>",
    no references or sources section. The finding sits on the first claim and lists where the
    others are.
    """
    why = """
    Readers and reviewers cannot check anything in an article without sources; it is the
    first thing health-information quality tools (DISCERN, JAMA, HONcode) look for, and the
    usual sign of auto-generated health content.
    """
    standard = ("DISCERN item 4 (are the sources of evidence clear?), JAMA attribution "
                "benchmark (references and sources for all content), HONcode principles 4 and 5.")
    cite = CITE
    pack = "claims.yaml"
    options = {"min_claims": 3, "shop_links_are_sources": False, "effect_verbs": [],
               "body_functions": [], "remedy_nouns": [], "cues": {}}
    bad = """# Knee twitching

Stress can cause twitching in the knee. Nerve damage can also cause twitching.
Muscle twitching may be an early sign of ALS. Magnesium helps reduce cramps.
"""
    good = """# Knee twitching

Stress can cause twitching in the knee. Nerve damage can also cause twitching.
Muscle twitching may be an early sign of ALS. Magnesium helps reduce cramps.

## Sources

- NHS: [Muscle twitches](https://www.nhs.uk/conditions/muscle-twitches/)
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        if "UC006-link-test" not in ctx.shared:  # the same for every file of a run
            ctx.shared["UC006-link-test"] = _commercial_link_test(ctx)
        if an.evidence_except(ctx.shared["UC006-link-test"]):
            return
        claims = _claim_lines(doc, ctx, an)
        need = int(ctx.options.get("min_claims", 3) or 3)
        if len(claims) < need:
            return
        lines = sorted(set(claims))
        s = next(x for x in an.sentences if x.line == lines[0])
        shown = ", ".join(str(n) for n in lines[1:6]) + (" ..." if len(lines) > 6 else "")
        ctx.report(s.line, s.col,
                   f"the article makes {len(claims)} health claims (this one, then lines {shown}) "
                   "and cites no source anywhere: no links, references, citations or named "
                   "organisations; add a sources section and cite the claims",
                   end_line=s.end_line, end_col=s.end_col)
