import re

from ...model import Severity
from ...rxguard import guarded
from ..base import Rule
from ._claims import CITE, SCOPE_WORDS, all_supported, language, opt_list, quote, scope_of

_NUM = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a few)"
# compiled with a first-character guard (same matches): both are searched in every sentence
_STAT_PATTERN = (
    r"(?P<pct>\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b))"
    r"|(?P<ratio>\b" + _NUM + r"\s+(?:in|out of)\s+(?:every\s+)?" + _NUM + r"\b"
    r"(?:\s+(?:hundred|thousand|million))?)"
    r"|(?P<times>\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twice|double|"
    r"triple|half)\s*(?:-?\s*fold|times)?\s+(?:more|less|higher|lower|greater|as)\s+"
    r"(?:likely|common|often|risk|frequently|chance|at risk)\b"
    r"|\b(?:doubles|doubled|doubling|triples|tripled|tripling|halves|halved|halving)\s+"
    r"(?:your|the|their|a person's|one's)\s+(?:\w+\s+)?(?:risk|chance|chances|odds)\b)"
    r"|(?P<count>\b\d[\d,]*(?:\.\d+)?\s*(?:million|thousand|billion)?\s+(?:[a-z]+\s+){0,2}?"
    r"(?:people|deaths|cases|children|adults|women|men|americans|britons|citizens|residents|"
    r"individuals|babies|patients|infants|teens)\s+(?:die|died|are|were|have|had|develop|"
    r"developed|get|suffer|live with|each year|a year|every year|per year|annually|worldwide|in "
    r"the (?:us|uk|united states|world))\b)")
_STAT = guarded(_STAT_PATTERN, re.I)
# for lower-cased ASCII text, where ignoring case is matching its lower-case letters: faster
_STAT_LOWER = guarded(_STAT_PATTERN)
_QUICK = guarded(r"[0-9]|twice|double|triple|half|third|quarter|fifth| (?:in|out of) (?:two|three|"
                 r"four|five|six|seven|eight|nine|ten)\b", re.I)
# _QUICK in parts, for ASCII text (see may_hold_statistic)
_DIGIT = re.compile(r"[0-9]")
_QUICK_WORDS = ("twice", "double", "triple", "half", "third", "quarter", "fifth")
_QUICK_RATIO = re.compile(r" (?:in|out of) (?:two|three|four|five|six|seven|eight|nine|ten)\b")


def may_hold_statistic(text: str) -> bool:
    """Whether ``_QUICK`` matches ``text``, the first test for a statistic. An ASCII text is
    tested in parts, each of which the regex engine or ``in`` finds fast: a digit, a
    fraction or multiple word in the lower-cased text, " in ten". In ASCII text, matching
    without case is matching the lower-cased text; other text (where "ı" and "ſ" match "i"
    and "s" without case) is searched with ``_QUICK`` itself."""
    if not text.isascii():
        return _QUICK.search(text) is not None
    if _DIGIT.search(text):
        return True
    low = text.lower()
    return any(w in low for w in _QUICK_WORDS) or (
        (" in " in low or " out of " in low) and _QUICK_RATIO.search(low) is not None)
# a fraction in words, followed by "of" and (within two words) a population word
_FRACTION = (r"\b(?:half|(?:a|one|two)[ -]thirds?|(?:a|one|three)[ -]quarters?|(?:a|one|two)"
             r"[ -]fifths?|(?:a|one)[ -]tenth)\s+of\s+(?:all\s+|the\s+|these\s+)?"
             # at most one adjective between ("a third of UK adults"), no preposition
             r"(?:(?!(?:for|of|in|with|to|a|an|per|each|every)\b)[\w'-]+\s+)?")
_YEARS = re.compile(r"\b(?:19|20)\d\d\s+(?:in|out of)\s+(?:19|20)\d\d\b")


def _statistics(text: str, outcome: re.Pattern, not_after: re.Pattern,
                fraction: re.Pattern | None = None, topic: re.Pattern | None = None):
    """(start, end, kind) spans of health-outcome statistics in ``text``; a share of the
    article's topic ("fewer than 10% of concussions" in an article on concussion) says whose
    outcome it is, like an outcome word."""
    out = []
    if not outcome.search(text) and not (topic is not None and any(
            not _MAKES_UP.search(text, max(0, m.start() - 40), m.start())
            for m in topic.finditer(text))):
        return out
    if fraction is not None:
        out += [(m.start(), m.end(), "fraction") for m in fraction.finditer(text)]
    for m in _STAT.finditer(text):
        kind = m.lastgroup
        frag = m.group(0)
        if kind == "pct":
            if re.match(r"100\b", frag):
                continue  # "100%": the absolute-claim rule's business
            after = text[m.end():m.end() + 40]
            if not_after.match(after):
                continue  # "1% milk", "60% alcohol", "10% of daily calories": an amount
            before = text[max(0, m.start() - 20):m.start()]
            if re.search(r"(?:spf|save|discount|off)\s*$", before, re.I):
                continue
            if re.search(r"\b[a-z-]+\s*=\s*[\"']?$", before, re.I):
                continue  # width="88%": an attribute of broken markup shown as text
        if kind == "ratio" and (_YEARS.search(frag) or re.search(r"\d+\s+in\s+\d+\s*(?:mg|ml|g)",
                                                                  frag)):
            continue
        out.append((m.start(), m.end(), kind))
    out.sort()
    return out


class UncitedStatistic(Rule):
    code = "UC004"
    name = "uncited-statistic"
    category = "unsupported-claim"
    severity = Severity.WARNING
    needs_nlp = True
    summary = "A health-outcome statistic (%, '1 in N', 'x times more likely') with no source."
    what = """
    A number that counts people or outcomes: a percentage ("affects 30% of adults"), a
    frequency ("1 in 8 women"), a relative risk ("3 times more likely"), or a count of cases
    or deaths ("20,000 people die each year"), or a fraction in words of a population ("half
    of all women", "a third of adults", "two-thirds of people with asthma", "nine out of
    ten"), with no source in the sentence, its paragraph or a references section. Numbers that are doses, amounts, concentrations, dates, prices or
    units ("take 200 mg", "1% milk", "60% alcohol", "10% of daily calories") are not
    statistics; a percentage counts only when the sentence says whose outcome it is (people,
    risk, cases, deaths, survival, ...), or is a share of the article's topic ("fewer than
    10% of concussions" in an article on concussion).
    """
    why = """
    Statistics look precise, so readers trust them; an unsourced number cannot be checked
    for its population, year or study size, and AI-written health pages often invent them.
    """
    standard = ("JAMA attribution benchmark; HONcode principle 5; DISCERN item 4; CDC Clear "
                "Communication Index items 15 to 17 (numbers the audience can use, with their "
                "basis).")
    cite = CITE
    pack = "claims.yaml"
    options = {"scope": "article", "outcome_words": [], "not_after_percent": [],
               "population_words": [], "cues": {}}
    bad = """# Migraine

About 1 in 7 adults has migraine, and women are 3 times more likely to get it than men.
"""
    good = """# Migraine

About 1 in 7 adults has migraine, and women are 3 times more likely to get it than men
([GBD 2016 Headache Collaborators, 2018](https://doi.org/10.1016/S1474-4422(18)30322-3)).
"""

    def check(self, doc, ctx):
        an = language(doc, ctx)
        outcome = _words_re(opt_list(ctx, "outcome_words"))
        not_after = _after_re(opt_list(ctx, "not_after_percent"))
        fraction = fraction_re(opt_list(ctx, "population_words"))
        scope = scope_of(ctx)
        if all_supported(an, scope):
            return
        for i, stats in statistic_sentences(an, outcome, not_after, fraction).items():
            if not stats or an.supported(i, scope):
                continue
            s = an.sentences[i]
            a, b, kind = stats[0]
            p1 = s.block.pos_of(s.start + a)
            p2 = s.block.pos_of(s.start + b)
            label = {"pct": "percentage", "ratio": "frequency", "times": "relative risk",
                     "count": "count", "fraction": "fraction"}[kind]
            ctx.report(p1.line, p1.col,
                       f"statistic ({label} '{quote(s.text[a:b], 40)}') has no source "
                       f"{SCOPE_WORDS[scope]}: say where the number comes from (study, survey "
                       "or official statistics, with its year)",
                       end_line=p2.line, end_col=p2.col)


def _holds_stat(text: str) -> bool:
    """Whether ``_STAT`` matches ``text`` (an ASCII text is searched lower-cased)."""
    if text.isascii():
        return _STAT_LOWER.search(text.lower()) is not None
    return _STAT.search(text) is not None


def statistic_sentences(an, outcome: re.Pattern, not_after: re.Pattern,
                        fraction: re.Pattern) -> dict[int, list]:
    """Sentence index -> the statistics of the sentence (:func:`_statistics`, may be empty),
    in order, for the sentences of the Analysis that look as if they hold one (``_QUICK``,
    then ``_STAT`` or a fraction). Computed once per document and patterns: no-sources
    (UC006) counts the statistics this rule found."""
    memo = an.__dict__.setdefault("_medlint_statistics", {})
    key = (outcome, not_after, fraction)
    got = memo.get(key)
    if got is None:
        got = memo[key] = {}
        topic = None
        for i, s in enumerate(an.sentences):
            t = s.text
            if may_hold_statistic(t) and (_holds_stat(t) or fraction.search(t)):
                if topic is None:
                    topic = _topic_share(an)
                got[i] = _statistics(t, outcome, not_after, fraction, topic or None)
    return got


# what a thing is made of is no outcome ("curcumin, which makes up approximately 3% of
# turmeric")
_MAKES_UP = re.compile(r"\b(?:makes?|making|made)\s+up\b|\b(?:contains?|consists?|comprises?|"
                       r"accounts? for)\b", re.I)


def _topic_share(an):
    """A percentage of the article's topic ("10% of concussions"), or False (no topic)."""
    words = sorted(w for w in an.topic_words if len(w) > 3 and w.isalpha())
    if not words:
        return False
    return re.compile(r"%\s+of\s+(?:all\s+|the\s+|these\s+|those\s+)?(?:"
                      + "|".join(map(re.escape, words)) + r")(?:s|es)?\b", re.I)


_RE_CACHE: dict = {}


def _words_re(words: tuple) -> re.Pattern:
    key = ("w", words)
    if key not in _RE_CACHE:
        alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
        _RE_CACHE[key] = guarded(r"\b(?:" + alt + r")\b", re.I)
    return _RE_CACHE[key]


def fraction_re(words: tuple) -> re.Pattern:
    key = ("f", words)
    if key not in _RE_CACHE:
        alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
        _RE_CACHE[key] = guarded(_FRACTION + r"(?:" + alt + r")\b", re.I)
    return _RE_CACHE[key]


def _after_re(words: tuple) -> re.Pattern:
    key = ("a", words)
    if key not in _RE_CACHE:
        alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
        _RE_CACHE[key] = guarded(r"\s*(?:\w+\s+){0,2}?(?:" + alt + r")\b", re.I)
    return _RE_CACHE[key]
