"""Shared machinery of the contradictory-advice rules: advice frames, conditions, pairs.

Every detector returns ``Pair``s (earlier sentence, later sentence, what conflicts); the
rules CA001-CA004 report the pairs whose later statement is in the body (or both in the
FAQ), CA005 the pairs where an FAQ answer contradicts the body. Pairs are cached on the
document's language Analysis so CA005 does not recompute them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...rxguard import compile_all
from .._language import analyse_with, phrase_index, prefilter
from ._answers import fact_statements
from ._frames import DAILY, LEAD, QUANTITY, _stem, frame_statements, same_action
from ._pretest import any_of, clause_start, in_a_row, lowered, phrase, word_form

CITE = "DISCERN 6; HONcode 5"
GENERIC = {"experience", "experiencing", "have", "having", "get", "getting", "notice",
           "noticing", "feel", "feeling", "suffer", "suffering", "occur", "occurs", "happen",
           "happens", "start", "starts", "begin", "begins", "appear", "appears", "you",
           "your", "it", "this", "that", "a", "an", "the", "in", "of", "with", "when", "if", "whenever", "is", "are", "be", "do", "does", "my", "any", "some",
           "there", "they", "them", "their", "to", "on", "at", "for", "and", "or", "s", "'s",
           "as", "after", "before", "while", "during", "until", "once", "then", "first",
           "later", "from", "by", "case", "people", "who", "those", "anyone", "such",
           "especially", "also", "just", "can", "may", "will", "should", "would", "could",
           "constantly", "frequently", "often", "always", "regularly", "sometimes", "like",
           "muscle", "muscles", "had", "has", "ever", "already", "been"}
_COND_HEADING = re.compile(
    r"\b(?:if|when|whenever|unless|pregnan\w*|breastfeed\w*|child\w*|bab(?:y|ies)|infants?|"
    r"toddlers?|adults?|teens?|older|elderly|first|after|before|during|day|days|week|weeks|"
    r"hours?|stage|phase|severe|mild|moderate|acute|chronic|emergency|urgent|non-urgent|"
    r"afterwards|later|recovery)\b", re.I)


_NOT_DIRECT = {"to", "of", "for", "with", "without", "from", "in", "into", "on", "about",
               "than", "like", "such", "as", "including", "contain", "contains", "containing",
               "versions", "version", "brands", "types", "forms", "amount", "amounts", "dose",
               "doses", "that", "which", "who", "measure", "instead"}
_QUALIFIERS = {"directly", "straight", "near", "under", "over", "too", "more", "less", "than", "at",
               "while", "during", "before", "after", "until", "if", "when", "unless", "that",
               "which", "who", "containing", "to", "for", "without", "only", "within", "first",
               "later", "then", "every", "per", "longer", "instead", "except",
               "babies", "children", "child", "infants", "adults", "pregnant", "late", "close",
               "together", "same", "alone", "on"}
_QUALIFIERS_POS = {"first", "later", "then", "until", "after", "before", "during", "while", "if",
                   "when", "unless", "babies", "baby", "children", "child", "infants", "adults",
                   "pregnant", "only", "instead", "except", "once"}
_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "-", "—", "(", "but", "or"})
# conditions of taste, not of case: "offer tea or coffee too if they enjoy it"
_PREFERENCE = re.compile(r"(?:if|when|whenever)\s+(?:you|they|he|she|your \w+)\s+(?:\w+\s+)?"
                         r"(?:like|likes|enjoy|enjoys|want|wants|prefer|prefers|wish|wishes|"
                         r"fancy|fancies)\b(?:\s+(?:it|them|to|one|some))?\W*$|if (?:desired|"
                         r"preferred|you like)\W*$|(?:as|so) long as (?:you )?(?:need|like|want|"
                         r"wish)\b|after (?:that|this|which)\b|during the (?:day|daytime|night|evening|"
                         r"morning|afternoon)\W*$")
_LABELS = frozenset({"note", "tip", "important", "warning", "caution", "remember", "exception",
                     "nb", "but"})
_QUESTION_HEADING = re.compile(
    r"^\W*(?:\d+\.?\s*)?(?:when|what|how|why|should|can|is|are|do|does|will|who|where)\b.*\?\s*$",
    re.I)


@dataclass
class Statement:
    index: int  # sentence index in the Analysis
    kind: str  # "+"/"-" (advice), "urgent"/"calm", "alarm"/"reassure", or "qty"
    key: str  # what it is about (synonym group, "urgency", "seriousness", group+unit)
    text: str  # the words that carry it
    cond: frozenset  # distinguishing condition words (empty: unconditional)
    start: int = 0
    end: int = 0
    value: tuple = ()  # quantities: (low, high, is_max, period)
    # a negative narrowed by a qualifier ("do not put ice directly on the skin"): the
    # qualifier's content words; it contradicts only positives that say them too
    narrow: frozenset = frozenset()
    absolute: bool = False  # a negative that admits no case: "never", or an FAQ's flat "No"
    # the case a negative stresses ("avoid caffeine, especially in the evening"): it covers
    # a positive for that case ("coffee after dinner helps")
    stress: frozenset = frozenset()
    # a negative that asks for less, not none ("cut down on caffeine"): it contradicts only
    # a positive for the case it stresses
    soft: bool = False
    persist: bool = False  # "keep doing it": contradicts any "stop doing it ..."
    # "there is no need to limit salt": leave to taste what a negative asks to limit; it
    # contradicts "cut down on salt" too, in any case the permission names
    unlimited: bool = False
    minimum: bool = False  # a quantity given as a floor: "at least 5 litres"


@dataclass
class Pair:
    earlier: Statement
    later: Statement
    what: str


def language(doc, options):
    return analyse_with(doc, options)


def lst(options, key) -> tuple:
    return tuple(str(x) for x in (options.get(key) or ()))


def condition_words(an, i: int, inherit: bool = True,
                    clause: tuple[int, int] | None = None) -> frozenset:
    """Content words of the sentence's conditions and its section heading's, minus the
    article's topic words: empty when nothing distinguishes the case. A condition that
    continues in a list ("call 999 if you:") counts as distinguishing; a sentence that starts
    with "This"/"It" inherits the conditions of the sentence before it in the paragraph.
    With ``clause`` (token start, end of the statement's clause), only the conditions in
    that clause or opening the sentence count: "If you are pregnant, avoid ..." is
    conditional, "A cup after a meal helps digestion, so drink coffee" and "Do not wake
    them; if they are resting, let them sleep" are not."""
    inf = an.info(i)
    words = set()
    # a label before the sentence ("Note: if you are pregnant, ...") does not stop a
    # condition from opening it
    opening = 2 if inf.tokens[1:2] == [":"] and inf.tokens[0] in _LABELS else 0
    for c in inf.conditions():
        if clause is not None and not (clause[0] <= c.start < clause[1]) and not (
                c.start < clause[0] and all(t in LEAD for t in inf.tokens[opening:c.start])):
            continue
        end = next((k for k in range(c.end, c.scope_end) if inf.tokens[k] == ","), c.scope_end)
        text = inf.span_text(c.start, end).lower()
        if _PREFERENCE.match(text):
            continue  # "if they enjoy it", "if you like": a taste, not a case
        if text.startswith("until ") and _WHILE_ILL.match(text[6:]):
            continue  # "until you feel better": while ill, the article's own case
        words |= set(re.findall(r"[a-z][a-z'-]+", text))
        if inf.sentence.text.rstrip().endswith(":") and end >= len(inf.tokens) - 2:
            words.add("§list")
    if inherit and i > 0 and inf.tokens and inf.tokens[0] in (
            "this", "it", "that", "these", "they", "such", "then") and (
            an.sentences[i - 1].block is inf.sentence.block):
        words |= condition_words(an, i - 1, inherit=False)
    h = an.section_of(i)
    if h is not None and _COND_HEADING.search(h.text) and not _QUESTION_HEADING.match(h.text):
        words |= {"§" + h.text.lower().strip()}
    topic = an.topic_words | an.title_words
    out = set()
    for w in words:
        if w in GENERIC or w in topic or (w.endswith("s") and w[:-1] in topic) or (
                w + "s" in topic):
            continue
        if w.endswith("ing") and (w[:-3] in topic or w[:-3] + "e" in topic):
            continue
        out.add(w)
    return frozenset(out)


def compatible(a: Statement, b: Statement, *, one_sided: bool = False) -> bool:
    """Conditions that do not tell the two cases apart: both unconditional or the same.

    With ``one_sided`` an unconditional ``a`` covers any condition of ``b`` ("always see a
    doctor" contradicts "if it keeps happening, just watch it").
    """
    if not a.cond and not b.cond:
        return True
    if one_sided and not a.cond:
        return True
    return a.cond == b.cond


def pairs_cache(an) -> dict:
    return an.__dict__.setdefault("_medlint_advice_pairs", {})


def _by_identity(memo: dict, obj, build):
    """``build(obj)``, memoised by the object's identity: a rule's options (and its groups
    option) are one dict for a whole run. The object is kept with its value, so its id cannot
    be reused while cached."""
    got = memo.get(id(obj))
    if got is None:
        if len(memo) > 256:
            memo.clear()
        got = memo[id(obj)] = (obj, build(obj))
    return got[1]


_OPTION_KEYS: dict[int, tuple] = {}


def _options_key(options: dict) -> str:
    """The options' contents as a cache key, so rules with equal options (CA005 and the rule
    it repeats) share pairs."""
    return _by_identity(_OPTION_KEYS, options,
                        lambda o: repr(sorted(o.items(), key=lambda kv: kv[0])))


def cached_pairs(an, name: str, options: dict, build, groups: dict | None = None):
    key = (name, _options_key(options), None if groups is None else _options_key(groups))
    cache = pairs_cache(an)
    if key not in cache:
        cache[key] = build()
    return cache[key]


def report_pairs(ctx, an, pairs, faq: bool, describe):
    """Report each pair at the later statement; ``faq`` selects FAQ-versus-body pairs."""
    seen = set()
    for p in pairs:
        later_faq = an.in_faq(p.later.index)
        earlier_faq = an.in_faq(p.earlier.index)
        is_faq_pair = later_faq and not earlier_faq
        s = an.sentences[p.later.index]
        if is_faq_pair != faq or p.later.index in seen or (s.line, faq) in seen:
            continue  # one finding per statement, and per line ("No. Never put ice on it.")
        seen.update((p.later.index, (s.line, faq)))
        e = an.sentences[p.earlier.index]
        ctx.report(s.line, s.col, describe(p, e.line), end_line=s.end_line, end_col=s.end_col)


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- detectors


_NEG_WORDS = frozenset({"avoid", "avoiding", "stop", "stopping", "quit", "skip", "never", "not",
                        "n't", "no", "don't", "dont", "refrain", "eliminate", "cut", "give",
                        "stay", "steer", "harmful", "dangerous", "unsafe", "worse", "worsens",
                        "bad", "shouldn't", "mustn't", "can't", "cannot", "nothing", "without",
                        "slows", "delays", "harm", "ban", "limit", "limiting", "reduce", "reducing"})


class _Groups:
    """A synonym-groups option compiled once: prefilters for any group and for each group,
    a phrase index over every entry and the group of each entry (by its words)."""

    def __init__(self, groups: dict):
        from ...nlp import phrase_tuple

        terms = [str(w) for words in groups.values() for w in words or ()]
        self.any = prefilter(tuple(terms))
        self.each = [prefilter(tuple(str(w) for w in words or ())) for words in groups.values()]
        self.names = [str(g) for g in groups]
        self.index = phrase_index(tuple(terms))
        self.owner = {phrase_tuple(str(w)): str(g) for g, words in groups.items()
                      for w in words or ()}


_GROUPS: dict[int, tuple] = {}


def compiled_groups(groups: dict) -> _Groups:
    return _by_identity(_GROUPS, groups, _Groups)


def _candidates(an, groups: _Groups, need_negative: bool = False,
                need_digit: bool = False, answered: frozenset = frozenset()) -> set:
    """Sentences worth tokenising: a group must be named in two sentences, and (for polarity)
    one of them must hold a negative word, (for numbers) both must hold digits. A group that
    an FAQ's yes or no speaks about (``answered``) needs only one sentence."""
    keep: set = set()
    if len(an.matching(groups.any)) < (1 if answered else 2):
        return keep
    for name, pre in zip(groups.names, groups.each, strict=True):
        # a sentence that passes a group's prefilter passes ``groups.any`` too (same phrases)
        hits = an.matching(pre)
        if need_digit:
            hits = [i for i in hits if any(map(str.isdigit, an.sentences[i].text))
                    or _UNBOUNDED.search(an.sentences[i].text)]
        if name in answered:
            keep.update(hits)
            continue
        if len(hits) < 2:
            continue
        if need_negative and not any(_NEG_WORDS & an.words(i) for i in hits):
            continue
        keep.update(hits)
    return keep


# the first word of a negative lead ("do not", "you should never", "avoid") and the words that
# negate it; the leads of a positive one ("you should apply", "try to drink")
_NEG_LEADS = ("do", "don't", "never", "avoid", "stop", "no", "you", "try")
_NEG_MARKS = ("not", "n't", "never", "no")
_ADVICE_LEADS = (("you", "should"), ("try", "to"))


class _Polarity:
    """The polarity words of an opposite-advice options dict, compiled once, with text tests
    (see _pretest) for the sentences that may hold a negative or a positive statement: each
    spells every way the detector below finds one."""

    def __init__(self, options: dict):
        from ...nlp import phrase_tuple

        self.pos_v = frozenset(x.lower() for x in lst(options, "positive_verbs"))
        self.neg_v = phrase_index(lst(options, "negative_verbs"))
        self.pos_after = phrase_index(lst(options, "positive_after"))
        self.neg_after = phrase_index(lst(options, "negative_after"))
        start = clause_start(_CLAUSE_MARKS, LEAD)
        neg_v = [word_form(t[0]) for t in map(phrase_tuple, lst(options, "negative_verbs")) if t]
        pos_after, neg_after = ([phrase(t) for t in map(phrase_tuple, lst(options, key)) if t]
                                for key in ("positive_after", "negative_after"))
        self.may_negate = re.compile(any_of([
            # a negative lead, negated from its first word on
            start + "(?=" + any_of(map(re.escape, _NEG_LEADS)) + r")[\s\S]*?"
            + any_of([*map(re.escape, _NEG_MARKS), *neg_v]),
            start + any_of(neg_v),  # "steer clear of caffeine"
            r"\band " + any_of(neg_v),  # "drink water and cut down on alcohol"
            *neg_after, *pos_after]))  # "caffeine is harmful", "caffeine does not help"
        self.may_advise = re.compile(any_of([
            start + "(?:" + any_of(map(in_a_row, _ADVICE_LEADS)) + " ?)?"
            + any_of(map(re.escape, sorted(self.pos_v))),  # "apply heat", "try to drink"
            # "wash your tablet down with a cup of tea" (see _with_lead)
            r"\b(?:take|wash|swallow|clean|wipe|remove|rinse|dab|scrape|poke|dig|scratch)\b"
            r"[^.;]{0,50}\bwith\b",
            # "there is no need to limit salt" (see _PERMIT)
            r"\b(?:need|have) to (?:limit|restrict|reduce|cut|watch|count|avoid|give up|stop|"
            r"eliminate)\b",
            *pos_after]))  # "coffee helps"


_POLARITY: dict[int, tuple] = {}


def advice_statements(an, options: dict) -> list[Statement]:
    """The statements about the synonym groups that can make a pair, in order: only a group
    both advised and advised against in the article has any. The sentences that may hold a
    negative statement are read first; those that may hold a positive one only when some
    group is advised against."""
    from ._answers import group_answer_statements

    groups = compiled_groups(options.get("groups") or {})
    polarity = _by_identity(_POLARITY, options, _Polarity)
    # the FAQ's "Should I ...?" answered yes or no (no FAQ: nothing to read)
    answered = group_answer_statements(an, groups, polarity.pos_v)
    keep = _candidates(an, groups, need_negative=not answered,  # each names a group
                       answered=frozenset(st.key for st in answered))
    if not keep and not answered:
        return []  # most articles: skip building the lists below
    found = {i: _group_statements(an, i, groups, polarity) for i in sorted(keep)
             if polarity.may_negate.search(lowered(an, i))}
    if not answered and not any(st.kind == "-" for got in found.values() for st in got):
        return []
    for i in sorted(keep):
        if i not in found and polarity.may_advise.search(lowered(an, i)):
            found[i] = _group_statements(an, i, groups, polarity)
    out = sorted([st for i in sorted(found) for st in found[i]] + answered,
                 key=lambda st: st.index)
    both = {st.key for st in out if st.kind == "-"} & {st.key for st in out if st.kind == "+"}
    return [st for st in out if st.key in both]


def _group_statements(an, i: int, groups: _Groups, polarity: _Polarity) -> list[Statement]:
    """The statements of sentence i about the synonym groups."""
    from ...nlp import phrase_tuple

    s = an.sentences[i]
    if s.text.rstrip().endswith("?"):
        return []
    out = []
    inf = an.info(i)
    toks = inf.tokens
    negs = inf.find(polarity.neg_v)
    pos_v = polarity.pos_v
    for a, b, term in inf.find(groups.index):
        g = groups.owner.get(phrase_tuple(term))
        if g is None:
            continue
        pol = None
        # clause start: the sentence start or a comma/semicolon/colon/"and" before
        clause = 0
        for j in range(a - 1, -1, -1):
            if toks[j] in _CLAUSE_MARKS and (toks[j] != "-" or _spaced(inf, j)):
                clause = j + 1  # not the hyphen of "non-drowsy"
                break
        while clause < a and toks[clause] in LEAD:
            clause += 1  # "so drink coffee as usual": the advice starts after "so"
        neg_here = [n for n in negs if clause <= n[0] < a]
        # "cut down on caffeine": the negative verb ends in a preposition (and, after "and",
        # starts the advice: "Drink plenty of water and cut down on alcohol"); "a cup of
        # coffee ... helps": the thing is the subject
        whole = bool(neg_here) and neg_here[-1][1] == a and (
            neg_here[-1][0] == clause or toks[neg_here[-1][0] - 1] == "and")
        if whole:
            clause, neg_here = neg_here[-1][0], neg_here[-1:]
        lead = toks[clause:a]
        permit = (_PERMIT.get(tuple(lead[-3:])) or _PERMIT.get(tuple(lead[-2:]))
                  or _PERMIT.get(tuple(lead[-1:]))) if len(lead) >= 4 and ("need" in lead or "have" in lead) \
            else None
        if permit is not None and _NO_NEED.match(" ".join(lead)):
            # "there is no need to limit salt", "you don't need to avoid dairy": permission
            # to go on with the thing, against advice to limit or avoid it
            out.append(Statement(i, "+", g, inf.span_text(clause, min(len(toks), b + 3)),
                                 condition_words(an, i, clause=(clause, len(toks))), a, b,
                                 unlimited=permit == "soft"))
            continue
        if not neg_here and _with_lead(lead):
            # "Wash your iron tablet down with a cup of tea": having the thing with it
            end = next((k for k in range(b, len(toks)) if toks[k] in _CLAUSE_MARKS), len(toks))
            out.append(Statement(i, "+", g, inf.span_text(clause, min(len(toks), b + 3)),
                                 condition_words(an, i, clause=(clause, end)), a, b))
            continue
        lead = _without_measure(lead)  # "drink 2 large glasses of cranberry juice"
        span_from = clause
        subject = bool(lead) and not neg_here and _subject_lead(lead, pos_v)
        if not (whole or subject) and (len(lead) > 5 or any(t in _NOT_DIRECT for t in lead)):
            continue  # the object is not what the verb acts on ("teaspoons to measure X")
        if lead and lead[-1] in QUANTITY:
            continue  # "do not serve too much milk", "don't drink enough water": how much
        end = next((k for k in range(b, len(toks)) if toks[k] in _CLAUSE_MARKS), len(toks))
        q = next((k for k in range(b, min(len(toks), b + 5)) if toks[k] in _QUALIFIERS), None)
        narrow = _qualifier_words(an, toks, q, end) if q is not None else frozenset()
        qualified_neg = q is not None and bool(narrow)
        # what narrows a positive ("for the first 48 hours", "during pollen season")
        p = next((k for k in range(b, min(len(toks), b + 8)) if toks[k] in _QUALIFIERS_POS),
                 None) if qualified_positive(toks, b) else None
        narrow_pos = _qualifier_words(an, toks, p, end) if p is not None else frozenset()
        if neg_here or any(t in _NEG_MARKS for t in lead):
            if lead and (lead[0] in _NEG_LEADS or neg_here and neg_here[0][0] == clause):
                pol = "-"
        elif lead and lead[0] in pos_v:
            pol = "+"  # an imperative: "apply heat", "drink coffee"
        elif tuple(lead[:2]) in _ADVICE_LEADS and len(lead) > 2 and lead[2] in pos_v:
            pol = "+"
        if pol is None and a == clause:
            after = toks[b:b + 5]
            for x, _y, _p in polarity.pos_after.find(after):
                if x == 0:
                    pol = "+"
            for x, _y, _p in polarity.neg_after.find(after):
                if x == 0:
                    pol = "-"
            if pol == "+" and inf.negated(b):
                pol = "-"
        if pol is None and not neg_here and clause > 0 and toks[clause - 1] == ",":
            # a later item of a list the verb governs ("Avoid sugary drinks, fizzy drinks
            # and fruit juices"): the polarity of the verb before the list's first item
            pol, head = _list_head_polarity(toks, clause, lead, negs, pos_v)
            if pol is not None:
                span_from = head  # quoted from the verb: "Avoid sugary drinks, ..."
        praise_at = None
        if pol is None and subject:
            # the thing as the subject of an evaluation a few words on: "A strong cup of
            # coffee after dinner is a great way to ...", "Holding ice cubes against the
            # skin is the quickest way to ..."
            stop = next((k for k in range(b, min(len(toks), b + 8))
                         if toks[k] in _CLAUSE_MARKS or toks[k] in _SUBJECT_END),
                        min(len(toks), b + 8))
            # "Drinking a cup of coffee when the twitch starts can help": a short "when"
            # clause before the praise (its words are the statement's condition)
            reach = stop + 6 if toks[stop:stop + 1] == ["when"] else stop
            for x, _y, _p in polarity.pos_after.find(toks[b:reach + 4]):
                if b + x <= reach and not inf.negated(b + x):
                    pol, praise_at = "+", b + x
                break
        if pol is None or an.in_references(i):
            continue
        # a narrowed statement keeps its qualifier's words: a narrowed negative contradicts
        # only advice that says them too, a narrowed positive ("ice it for the first 48
        # hours") only a negative that says them too or admits no case ("never use ice")
        cond = condition_words(an, i, clause=(clause, end))
        if praise_at is not None:  # the condition ends where the praise starts
            cond -= set(toks[praise_at:])
            narrow_pos -= set(toks[praise_at:])
        out.append(Statement(i, pol, g, inf.span_text(span_from, min(len(toks), b + 3)),
                             cond, a, b,
                             narrow=(narrow if pol == "-" and qualified_neg else
                                     narrow_pos if pol == "+" else frozenset()),
                             absolute=pol == "-" and "never" in toks[clause:a],
                             stress=_stressed(toks, b) if pol == "-" else frozenset(),
                             soft=pol == "-" and bool(neg_here) and tuple(
                                 toks[neg_here[0][0]:neg_here[0][1]]) in _SOFT
                             and "worse" not in toks[b:]))
    return out


_MEASURES = frozenset("""glass glasses cup cups mug mugs bottle bottles serving servings portion
    portions spoonful spoonfuls teaspoon teaspoons tablespoon tablespoons pint pints litre litres
    liter liters shot shots bowl bowls handful handfuls piece pieces slice slices""".split())
_MEASURE_LEAD = frozenset("""a an one two three four five six seven eight nine ten few couple
    large small big full extra at least up to more another""".split())


def _without_measure(lead: list[str]) -> list[str]:
    """``lead`` without a measure at its end ("drink at least 2 large glasses of" -> "drink"):
    the verb acts on the thing measured."""
    if len(lead) < 2 or lead[-1] != "of" or lead[-2] not in _MEASURES:
        return lead
    k = len(lead) - 2
    while k > 0 and (lead[k - 1] in _MEASURE_LEAD or lead[k - 1].isdigit()):
        k -= 1
    # nothing before the measure: the measured thing is the subject ("A spoonful of sugar
    # at bedtime helps"), which the praise reading needs whole
    return lead[:k] if k else lead


def _list_head_polarity(toks: list[str], clause: int, lead: list[str], negs,
                        pos_v: frozenset) -> tuple[str | None, int]:
    """("-" or "+", the verb's token) when the clause before ``clause`` starts a list the
    current item belongs to, with a negative or positive advice verb before its first item;
    else (None, 0). The items (and ``lead``, this item's words before the thing) are short
    and hold no verb."""
    if len(lead) > 4 or any(t in pos_v or not t.isalpha() for t in lead):
        return None, 0
    end = clause - 1  # the comma
    for _ in range(4):  # at most four items back
        start = end
        while start > 0 and toks[start - 1] not in _CLAUSE_MARKS:
            start -= 1
        k = start
        while k < end and toks[k] in LEAD:
            k += 1
        neg = next((n for n in negs if n[0] == k), None)
        verb_end = neg[1] if neg is not None else k + 1
        item = toks[verb_end:end]
        # the first item right after the verb, short and not a complement ("Cut down on
        # foods high in fat, sugar and salt": sugar and salt are what the foods are high in)
        if k < end and (neg is not None or toks[k] in pos_v):
            if len(item) > 3 or any(t in _NOT_DIRECT for t in item):
                return None, 0
            return ("-" if neg is not None else "+"), k
        if end - start > 4 or start == 0 or toks[start - 1] != ",":
            return None, 0
        end = start - 1
    return None, 0


# "no need to" + a verb that limits (soft: it also meets "cut down on") or forbids
_PERMIT = {**{tuple(v.split()): "soft" for v in ("limit", "restrict", "reduce", "cut down on",
                                                  "cut back on", "watch", "count")},
           **{tuple(v.split()): "firm" for v in ("avoid", "cut out", "give up", "stop",
                                                  "eliminate")}}
_NO_NEED = re.compile(r"^(?:(?:so|and|but|also) )?(?:there (?:is|'s) |you )?(?:really )?"
                      r"(?:no need to|(?:do n't|do not|does n't|does not|not|never) need to|"
                      r"(?:do n't|do not) have to) (?:[a-z]+ ){0,2}[a-z]+$")

_STRESS = frozenset({"especially", "particularly"})
# asking for less, not none: soft, unless the sentence says the thing makes matters worse
# ("cut down on alcohol, which can make vertigo worse")
_SOFT = {("cut", "down", "on"), ("cut", "back", "on"), ("limit",), ("reduce",)}


def _stressed(toks: list[str], start: int) -> frozenset:
    """The content words after "especially" / "particularly" in the rest of the sentence
    from ``start``: the case a negative stresses ("cut down on caffeine, especially in the
    evening"), which it covers above all."""
    for k in range(start, min(len(toks), start + 12)):
        if toks[k] in (";", ".", "but"):
            break
        if toks[k] in _STRESS:
            return frozenset(t for t in toks[k + 1:k + 5] if t.isalpha() and t not in GENERIC
                             and t not in _QUAL_FUNCTION)
    return frozenset()


# words before a thing that keep it the subject of the clause: determiners, sizes and
# measures ("a strong cup of coffee", "a glass of wine", "warm milk")
_SUBJECT_WORDS = frozenset("""a an the some one two small large little strong weak warm hot
    cold cool iced fresh plain regular daily cup cups glass glasses mug mugs bowl bowls
    spoonful teaspoon teaspoons tablespoon piece pieces bit of extra or red white black
    green dark""".split())
# words that end the subject: a condition or a new clause ("coffee if you ...")
_SUBJECT_END = frozenset({"if", "when", "unless", "because", "but", "though", "although",
                          "not", "no", "never", "n't", "avoid", "stop"})


def _subject_lead(lead: list[str], pos_v: frozenset) -> bool:
    """Whether the words before a thing make it (or the act of using it) a clause's subject:
    measures and determiners ("a strong cup of"), or a gerund of an advice verb and such
    words ("holding", "applying a"). "Holding ice cubes directly against the skin is the
    quickest way" is advice to hold ice on the skin."""
    k = 0
    if lead[0].endswith("ing") and _stem(lead[0]) in pos_v:
        k = 1
    return len(lead) - k <= 6 and all(t in _SUBJECT_WORDS for t in lead[k:]) and (
        k == 1 or lead[0] in _SUBJECT_WORDS)


# verbs that use a thing they are done "with": "take your tablets with", "clean inside the
# ear canal with a cotton bud"
_WITH_VERBS = frozenset({"take", "wash", "swallow", "clean", "wipe", "remove", "rinse", "dab",
                         "scrape", "poke", "dig", "scratch"})


def _with_lead(lead: list[str]) -> bool:
    """Whether the words before a thing take something with it: "take your tablets with",
    "wash your iron tablet down with a cup of" (an imperative, at most 12 words, nothing but
    measures and determiners after "with")."""
    while lead and lead[0].endswith("ly") and len(lead[0]) > 4:
        lead = lead[1:]  # "gently clean ... with"
    if not lead or lead[0] not in _WITH_VERBS or len(lead) > 12 or "with" not in lead[1:]:
        return False
    k = len(lead) - 1 - lead[::-1].index("with")
    return all(t in _SUBJECT_WORDS for t in lead[k + 1:])


def _spaced(inf, j: int) -> bool:
    """Whether token j (a dash) stands between spaces: a clause mark, not a hyphen."""
    at = inf.offsets[j]
    return at > 0 and inf.sentence.text[at - 1].isspace()


def _qualifier_words(an, toks: list[str], q: int, end: int) -> frozenset:
    """The content words of a qualifier after an advised thing, from the qualifier word at
    token ``q`` to the clause end (at most 6 tokens): "directly on the skin" -> {directly,
    skin}. Words of the article's topic and generic words do not narrow anything ("never use
    heat on plantar fasciitis" in an article about plantar fasciitis), so they are left out;
    an empty set means the advice is not narrowed."""
    topic = an.topic_words | an.title_words
    out = set()
    if toks[q:q + 3] == ["for", "at", "least"]:
        return frozenset()  # "avoid coffee for at least two weeks": longer, not narrower
    span = toks[q:min(end, q + 6)]
    for k, t in enumerate(span):
        if t.isdigit():
            if k + 1 < len(span) and span[k + 1].rstrip("s") in _TIME_UNITS:
                out.add(t)  # "for 7 days": the number narrows as much as the unit
            continue
        if not t.isalpha() or t in GENERIC or t in _QUAL_FUNCTION:
            continue
        if t in topic or t.rstrip("s") in topic:
            continue
        out.add(t)
    return frozenset(out)


_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "night"})
# function words of qualifiers: what narrows is the content ("directly", "skin", "bedtime")
_QUAL_FUNCTION = frozenset({"to", "for", "at", "on", "in", "into", "onto", "over", "under",
                            "near", "than", "that", "which", "who", "while", "with", "without",
                            "within", "per", "same", "only", "a", "an", "the", "your",
                            "their"})


def _absolute(st: Statement) -> bool:
    """A negative that admits no case: "Never use heat on it", an FAQ's flat "No"."""
    return st.absolute or "never" in st.text.lower().split()


def _fits(neg: Statement, pos: Statement, an, same: dict | None = None) -> bool:
    """Narrowed statements contradict only statements that say the same narrowing words:
    "never put ice on a joint" / "hold the ice pack on the painful joint", but not "do not put
    ice directly on the skin" / "wrap an ice pack in a towel"; "apply ice for the first 48
    hours" / "never use ice" (no case admitted), but not "do not use ice after 48 hours"."""
    if neg.narrow and not pos.persist and not _says(an, pos.index, neg.narrow, same):
        return False
    if neg.narrow & {"longer", "more"} and _LIMIT.search(an.sentences[pos.index].text):
        return False  # "use it for no longer than 7 days" says the negative's limit too
    return not pos.narrow or _absolute(neg) or _says(an, neg.index, pos.narrow, same)


def _stresses(neg: Statement, pos: Statement, same: dict | None, an=None) -> bool:
    """Whether an unconditional negative stresses the very case a positive is for: "Cut down
    on caffeine, especially in the evening" / "A cup of coffee after dinner helps", "Cut back
    on sugar, especially before bed" / "A spoonful of sugar at bedtime helps you sleep" (the
    positive's sentence names the case)."""
    if not neg.stress or neg.cond:
        return False
    same = same or {}
    mine = {same.get(w.rstrip("s"), w.rstrip("s")) for w in neg.stress}
    said = pos.cond | pos.narrow | (an.words(pos.index) if an is not None else frozenset())
    theirs = {same.get(w.rstrip("s"), w.rstrip("s")) for w in said}
    return bool(mine & theirs)


def _says(an, i: int, words: frozenset, same: dict | None = None) -> bool:
    """Whether sentence i says all ``words`` (plural or not), each or a word ``same`` maps
    to the same meaning ("straight" onto the skin is "directly" on it; "after dinner" is "in
    the evening")."""
    same = same or {}
    have = {w.rstrip("s") for w in an.words(i)}
    have |= {same[w] for w in have if w in same}
    return all(w.rstrip("s") in have or same.get(w.rstrip("s")) in have for w in words)


_PLACE = r"(?:school|nursery|childminders?|childcare|day\s?care|college|work|other\s+children)"
_WHO = (r"(?:your\s+(?:child|children|baby|toddler|kids?)|the\s+child|them|him|her|children|"
        r"kids)")
# keeping a child off school or nursery ("Keep your child at home until ...", "stay off
# school"); and saying there is no need to ("do not need to be kept off school")
_KEEP_OFF = re.compile(
    rf"\bkeep(?:ing)?\s+{_WHO}\s+(?:at\s+home|home|off|away\s+from\s+(?:the\s+)?{_PLACE})\b|"
    rf"\bstay(?:s|ing)?\s+(?:off|(?:at\s+)?home\s+from|away\s+from)\s+{_PLACE}\b", re.I)
_NO_KEEP_OFF = re.compile(
    r"\b(?:no\s+need\s+to|(?:do|does)\s+not\s+need\s+to|(?:do|does)n[’']t\s+need\s+to|"
    r"(?:do|does)\s+not\s+have\s+to|(?:do|does)n[’']t\s+have\s+to)\s+(?:be\s+)?"
    r"(?:keep|kept|stay)\s+(?:[a-z]+\s+){0,4}?(?:off|away\s+from|at\s+home|home)\b", re.I)
_KEEP_PRE = prefilter(("keep", "kept", "stay"))
_KEEP_CASE = re.compile(r"\b(?:if|when|whenever|while)\b", re.I)


def exclusion_statements(an) -> list[Statement]:
    """Keeping a child off school or nursery ("+": "Keep your child at home until every nit
    has been combed out") and saying there is no need to ("-": "Children with head lice do
    not need to be kept off school"). Keeping them off in a case ("if they have a fever") is
    left out: it does not meet a general "no need"."""
    out = []
    for i in an.matching(_KEEP_PRE):
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i):
            continue
        m = _NO_KEEP_OFF.search(text)
        if m is not None:
            out.append(Statement(i, "-", "school", m.group(0), frozenset()))
            continue
        m = _KEEP_OFF.search(text)
        if m is not None and not _KEEP_CASE.search(text) and not re.search(
                r"\b(?:not|never|n[’']t|no)\s+(?:\w+\s+){0,2}$", text[:m.start()], re.I):
            out.append(Statement(i, "+", "school", m.group(0), frozenset()))
    return out


_UNTIL = re.compile(r"\buntil\s+(?P<c>[^.;]+)", re.I)
_EVEN_IF = re.compile(r"\beven\s+(?:if|though|when|before)\s+(?P<c>[^.;]+)", re.I)
_NOT_YET = re.compile(r"\b(?:not|n[’']t|yet|still|before)\b", re.I)
_UNTIL_STOP = frozenset("""all the some any have has had been is are be their your his her its
    them they he she it all every each no not yet still over up usually about after first
    then days day weeks week which was were completely fully""".split())


def _until_words(an, i: int) -> frozenset:
    """Content words of what keeping off waits for: "until all the spots have crusted over";
    "until then" takes the "until ..." of the sentence before it in the paragraph."""
    text = an.sentences[i].text
    m = _UNTIL.search(text)
    if m is None:
        return frozenset()
    c = m.group("c")
    if re.match(r"then\b", c, re.I) and i > 0 and (
            an.sentences[i - 1].block is an.sentences[i].block):
        prev = _UNTIL.search(an.sentences[i - 1].text)
        c = prev.group("c") if prev else ""
    return frozenset(w for w in re.findall(r"[a-z]+", c.lower())
                     if w not in _UNTIL_STOP and len(w) > 2)


def early_return_pairs(an, keep_off: list[Statement]) -> list[Pair]:
    """Back to school "even if some spots have not scabbed over yet" against keeping the
    child off "until all the spots have crusted over": a return allowed before what the
    keeping off waits for (a word of it, such as "spots", said not to have happened yet)."""
    waits = [(st, _until_words(an, st.index)) for st in keep_off if st.kind == "+"]
    waits = [(st, w) for st, w in waits if w]
    if not waits:
        return []
    out = []
    for i in an.matching(_RETURN_PRE):
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i) or not _RETURN.search(text):
            continue
        m = _EVEN_IF.search(text)
        if m is None or not _NOT_YET.search(m.group("c")):
            continue
        said = set(re.findall(r"[a-z]+", m.group("c").lower()))
        hit = next((st for st, w in waits if st.index != i and w & said), None)
        if hit is not None:
            ret = Statement(i, "-", "school", m.group(0), frozenset())
            earlier, later = (hit, ret) if hit.index < i else (ret, hit)
            out.append(Pair(earlier, later, "going back to school or nursery"))
    return out


# "Never stop or change the dose of a blood thinner without talking to the doctor who
# prescribed it"
_KEEP_WITH_DOCTOR = re.compile(
    r"\b(?:never|do not|don't|should not|shouldn't|must not|mustn't)\s+stop\b[^.;]{0,80}?"
    r"\bwithout\s+(?:first\s+)?(?:talking|speaking|checking|asking|consulting)\b[^.;]{0,30}?"
    r"\b(?:doctor|gp|prescriber|pharmacist|specialist|nurse)\b"
    # "Do not stop a laxative suddenly": the dose is to be brought down, not dropped
    r"|\b(?:never|do not|don't|should not|shouldn't|must not|mustn't)\s+stop\s+"
    r"(?:taking\s+|giving\s+|using\s+)?(?:\w+\s+){0,3}?(?:suddenly|abruptly|all at once|"
    r"straight away|on your own)\b", re.I)
_SF003: list = []


def _discontinue_patterns() -> tuple:
    """discontinue-treatment's stop and safe patterns (its defaults), compiled once."""
    if not _SF003:
        from ...rxguard import compile_all
        from ..registry import shared_option
        from ..safety.sf003_discontinue_treatment import stop_matchers

        _SF003.append((stop_matchers(list(shared_option("SF003", "stop_patterns"))),
                       compile_all(list(shared_option("SF003", "safe_patterns")))))
    return _SF003[0]


def supervised_stop_pairs(an) -> list[Pair]:
    """Advice to stop a medicine on one's own (discontinue-treatment's patterns, with no
    doctor in or around its sentence: "If you take a blood thinner ... and keep getting
    nosebleeds, stop taking it for a few days") against "Never stop ... a blood thinner
    without talking to the doctor who prescribed it" in the same article."""
    from ..safety.sf003_discontinue_treatment import find_stop

    cands = an.matching(_STOP_PRE)
    keep = [i for i in cands if _KEEP_WITH_DOCTOR.search(an.sentences[i].text)
            and not an.sentences[i].text.rstrip().endswith("?")]
    if not keep:
        return []
    stops, safe = _discontinue_patterns()
    out = []
    sents = an.sentences
    for i in cands:
        text = sents[i].text
        if i in keep or text.rstrip().endswith("?") or an.in_references(i):
            continue
        m = find_stop(text, stops)
        if m is None:
            continue
        window = [text] + [sents[k].text for k in (i - 1, i + 1) if 0 <= k < len(sents)
                           and (k > i or sents[k].block is sents[i].block) and k not in keep]
        if any(rx.search(t) for rx in safe for t in window):
            continue  # stopped with the prescriber, or warned against
        k = min(keep, key=lambda x: abs(x - i))
        stop = Statement(i, "-", "stop", m.group(0), frozenset())
        never = Statement(k, "+", "stop", _KEEP_WITH_DOCTOR.search(sents[k].text).group(0),
                          frozenset())
        earlier, later = (stop, never) if i < k else (never, stop)
        out.append(Pair(earlier, later, "stopping a prescribed medicine"))
    return out


_OPPOSITE_PHRASES: dict[int, tuple] = {}
_OPENING_CASE = re.compile(r"^\W*(?:if|when|whenever|unless|during|after|before|once|until|"
                           r"for\s+the\s+first|on\s+days|in\s+(?:cold|hot|warm|wet|windy)\s+"
                           r"weather)\b", re.I)
# words before a phrase that negate or reject it ("do not tip your head back", "instead of
# tilting it back")
_REJECTED = re.compile(r"\b(?:not|never|n[’']t|avoid|avoiding|instead\s+of|rather\s+than|"
                       r"myth|used\s+to|old\s+advice|wrong|mistake)\b[^.;]{0,40}$", re.I)


def _opening_case(an, text: str) -> frozenset:
    """The content words of a case that opens the sentence, up to its first comma ("If you
    know thunderstorms affect you, ...", "After treatment, ..."), without the article's
    topic; empty when no case opens it."""
    m = _OPENING_CASE.match(text)
    if not m:
        return frozenset()
    topic = an.topic_words | an.title_words
    words = re.findall(r"[a-z][a-z'-]+", text.split(",", 1)[0].lower())
    out = {w for w in words if w not in GENERIC and w not in topic and w not in _STAGE_WORDS}
    # a stage ("After treatment, ...", "For the first 3 days") is a case of its own, whatever
    # the other statement says
    if m.group(0).strip(" \t\n\"'(*").split()[0].lower() in _STAGE_WORDS:
        out.add("§stage")
    return frozenset(out)


_ALWAYS_NEVER = re.compile(r"\W*(?:never|always)\b", re.I)
_STAGE_WORDS = frozenset({"after", "before", "once", "until", "during", "for", "first"})


def _case_forms(text: str) -> set[str]:
    """The words of a text in one base form each (``_stem``: "wearing" -> "wear")."""
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower())}


def opposite_phrase_pairs(an, options: dict) -> list[Pair]:
    """Advice in two ways that exclude each other (``opposite_phrases``: "Tip your head back"
    / "Sit down and lean forward"), each said without a negation before it in its sentence;
    questions, myth sections and references are left out."""
    entries = _by_identity(_OPPOSITE_PHRASES, options, lambda o: tuple(
        (str(what), re.compile(str(e["a"]), re.I), re.compile(str(e["b"]), re.I),
         prefilter(tuple(str(w) for w in e["words"])))
        for what, e in (o.get("opposite_phrases") or {}).items()
        if isinstance(e, dict) and e.get("a") and e.get("b") and e.get("words")))
    out = []
    for what, a_rx, b_rx, pre in entries:
        said: dict[str, list[Statement]] = {"a": [], "b": []}
        for i in an.matching(pre):
            text = an.sentences[i].text
            if text.rstrip().endswith("?") or an.in_references(i) or an.in_myth_section(i):
                continue
            # a case opening the sentence ("If you know thunderstorms affect you, ... keep
            # the windows closed") tells it apart from advice for every day
            case = _opening_case(an, text)
            for side, rx in (("a", a_rx), ("b", b_rx)):
                m = rx.search(text)
                if m is not None and not _REJECTED.search(text[:m.start()]):
                    said[side].append(Statement(i, "+" if side == "a" else "-", what,
                                                m.group(0), case))
        if said["a"] and said["b"]:
            # a case that the other side's sentences name too ("If you wear contact lenses,
            # take them out" / "You can keep wearing soft contact lenses") is the same case
            for side, other in (("a", "b"), ("b", "a")):
                named = set().union(*(_case_forms(an.sentences[x.index].text)
                                      for x in said[other]))
                for x in said[side]:
                    x.cond = frozenset(w for w in x.cond if _stem(w) not in named)
            # "Never pick at the scales" holds in every case: a case on the other side
            # ("After a warm shower, lift off the flakes") does not tell them apart
            for side, other in (("a", "b"), ("b", "a")):
                if any(not x.cond and _ALWAYS_NEVER.match(x.text) for x in said[other]):
                    for x in said[side]:
                        x.cond = frozenset()
            st = sorted(said["a"] + said["b"], key=lambda x: x.index)
            # the article's first word on it stands: only the statements against it are
            # reported, not a later one that agrees with it again
            out += [p for p in _opposites(st, lambda x, y: x == y, lambda key: key)
                    if p.later.kind != st[0].kind]
    return out


def opposite_pairs(an, options: dict) -> list[Pair]:
    def build():
        words = qualifier_synonyms(options)
        out = _opposites(advice_statements(an, options), lambda a, b: a == b, an=an,
                         words=words)
        have = {p.later.index for p in out}
        out += [p for p in _opposites(fact_statements(an, _properties(options)),
                                      lambda a, b: a == b, _fact_what)
                if p.later.index not in have]
        have = {p.later.index for p in out}
        out += [p for p in _opposites(course_statements(an, options), lambda a, b: a == b,
                                      lambda key: "how long to keep using a treatment")
                if p.later.index not in have]
        have = {p.later.index for p in out}
        keep_off = exclusion_statements(an)
        out += [p for p in _opposites(keep_off, lambda a, b: a == b,
                                      lambda key: "keeping a child off school or nursery")
                if p.later.index not in have]
        have = {p.later.index for p in out}
        out += [p for p in early_return_pairs(an, keep_off) if p.later.index not in have]
        have = {p.later.index for p in out}
        out += [p for p in opposite_phrase_pairs(an, options) if p.later.index not in have]
        have = {p.later.index for p in out}
        out += [p for p in supervised_stop_pairs(an) if p.later.index not in have]
        frames = frame_statements(an, options, phrase_index(lst(options, "positive_after")))
        have = {p.later.index for p in out}
        out += [p for p in _opposites(
            frames, same_action, _frame_what, an=an, words=words)
                if p.later.index not in have]
        out.sort(key=lambda p: p.later.index)
        return out

    return cached_pairs(an, "opposite", options, build)


def qualified_positive(toks: list[str], start: int) -> bool:
    """Whether advice is narrowed by a word within 8 tokens of ``start`` ("ice it for the
    first 48 hours", "take it if you are pregnant"), a condition of taste aside ("offer tea
    too if they enjoy it")."""
    for k in range(start, min(len(toks), start + 8)):
        if toks[k] in _QUALIFIERS_POS and not (toks[k] in ("before", "after") and
                                               toks[k + 1:k + 2] and toks[k + 1] in DAILY):
            if toks[k] in ("if", "when") and _PREFERENCE.match(" ".join(toks[k:k + 6]).rstrip(
                    " .,;!")):
                continue
            if toks[k] == "until" and _WHILE_ILL.match(" ".join(toks[k + 1:k + 5])):
                continue  # "until you feel better": while ill, the article's own case
            return True
    return False


_WHILE_ILL = re.compile(r"(?:you|they|he|she|your \w+)\s+(?:feel|feels|are|is|get|gets)\s+"
                        r"better\b|(?:it|they|symptoms|the \w+)\s+(?:clears?|clear up|goes away|"
                        r"go away|improves?|settles?|has gone|have gone)\b")


def course_statements(an, options: dict) -> list[Statement]:
    """A treatment stopped as soon as the symptoms go ("Once the itching stops, you can stop
    putting the cream on") and kept up after they have gone ("Keep using the treatment for
    1 to 2 weeks after the rash has cleared", "finish the course"): the patterns of
    ``stop_when_better`` and ``keep_after_better``, searched only in the sentences that
    say "stop" or one of the words every "keep" pattern holds."""
    stop_rx, keep_rx = _by_identity(_COURSE, options, lambda o: tuple(
        compile_all(lst(o, key)) for key in ("stop_when_better", "keep_after_better")))
    if not stop_rx or not keep_rx:
        return []
    stops = an.matching(_STOP_PRE)
    if not stops:
        return []  # every "stop when better" says "stop"
    out = []
    for i in sorted(set(stops).union(an.matching(_KEEP_PRE))):
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i):
            continue
        for kind, rxs in (("-", stop_rx), ("+", keep_rx)):
            m = next((m for rx in rxs if (m := rx.search(text))), None)
            if m is not None:
                out.append(Statement(i, kind, "course", m.group(0), frozenset()))
                break
    if not {st.kind for st in out} >= {"-", "+"}:
        return []
    return out


_COURSE: dict[int, tuple] = {}
# the words every pattern of the default lists holds: "stop", and for keeping on, "keep",
# "continue", "carry", "finish", "complete" (a user's own patterns should say one of them too)
_STOP_PRE = prefilter(("stop",))
_KEEP_PRE = prefilter(("keep", "continue", "carry", "finish", "complete", "even"))


def qualifier_synonyms(options: dict) -> dict:
    """{word: its group's first word} of the ``qualifier_synonyms`` option: words that
    narrow advice in the same way ("straight onto" / "directly against")."""
    def build(o):
        out = {}
        for head, words in (o.get("qualifier_synonyms") or {}).items():
            for w in [head, *(words or ())]:
                out.setdefault(str(w).lower().rstrip("s"), str(head).lower().rstrip("s"))
        return out

    return _by_identity(_SYNONYMS, options, build)


_SYNONYMS: dict[int, tuple] = {}


def _properties(options: dict) -> frozenset:
    return _by_identity(_PROPS, options, lambda o: frozenset(
        str(x).lower() for x in o.get("properties") or ()))


_PROPS: dict[int, tuple] = {}


def _fact_what(key: str) -> str:
    return f"whether it is {key.split('|', 1)[1]}"


def _frame_what(key: str) -> str:
    """What two frames with this key are about, for the message."""
    verb, _, objs = key.partition("|")
    things = ' '.join(sorted(filter(None, objs.split('|'))))
    if verb == "§consume":
        return f"having the same thing ('{things}')"
    if verb == "§apply":
        return f"putting the same thing on the body ('{things}')"
    if verb == "§bear-weight":
        return f"putting weight on the {things}" if things else "putting weight on it"
    return f"the same action ('{verb}')"


def _opposites(st: list[Statement], same, what=lambda key: key, an=None,
               words: dict | None = None) -> list[Pair]:
    """Each later statement paired with the first earlier one of opposite polarity about the
    same thing under compatible conditions."""
    out = []
    for j, later in enumerate(st):
        for earlier in st[:j]:
            if earlier.kind == later.kind or not same(earlier.key, later.key):
                continue
            neg, pos = (earlier, later) if earlier.kind == "-" else (later, earlier)
            stressed = an is not None and _stresses(neg, pos, words, an)
            if neg.soft and not stressed and not pos.unlimited:
                continue  # "cut down on caffeine" / "a cup of coffee in the morning helps"
            if earlier.index == later.index or not (
                    compatible(earlier, later) or _absolute(neg) and not neg.cond
                    or stressed or pos.unlimited and not neg.cond):
                continue  # an unconditional "never" covers every case of the positive
            if an is not None and not stressed and not pos.unlimited \
                    and not _fits(neg, pos, an, words):
                continue
            out.append(Pair(earlier, later, what(later.key)))
            break
    return out


def _phrase_statements(an, options, yes_key, no_key, yes_kind, no_kind, key,
                       near: int | None = None, also: tuple = ()):
    """The statements of the sentences that name a phrase of either list, in order. With
    ``near``, only of the sentences within ``near`` sentences of another such sentence: the
    caller pairs no statements farther apart, so the others need not be tokenised. ``also``:
    more (option key, kind) lists of the ``no`` side, read after both lists (a sentence that
    names one of them and nothing else gets that kind)."""
    yes = lst(options, yes_key)
    no = lst(options, no_key)
    more = [(lst(options, k), kind) for k, kind in also]
    yi, ni = phrase_index(yes), phrase_index(no)
    # a pair needs both kinds in the article (or a negated one): decide before tokenising
    cand_y = an.matching(prefilter(yes))
    cand_n = sorted(set(an.matching(prefilter(no))).union(
        *(an.matching(prefilter(m)) for m, _k in more if m)))
    if not cand_y or not (cand_n or any(_NEG_WORDS & an.words(i) for i in cand_y)):
        return []
    cands = sorted(set(cand_y).union(cand_n))  # a prefilter hits where one of its phrases does
    if near is not None:
        cands = [i for k, i in enumerate(cands)
                 if (k > 0 and i - cands[k - 1] <= near)
                 or (k + 1 < len(cands) and cands[k + 1] - i <= near)]
    out = []
    for i in cands:
        s = an.sentences[i]
        if s.text.rstrip().endswith("?"):
            continue
        inf = an.info(i)
        found = None
        for idx, kind in ((ni, no_kind), (yi, yes_kind),
                          *((phrase_index(m), k) for m, k in more if m)):
            for a, b, _p in inf.find(idx):
                neg = inf.negated(a, b)
                k = kind
                if neg and kind == yes_kind:
                    k = no_kind  # "not serious", "no need to ... immediately"
                elif neg:
                    continue
                found = found or Statement(i, k, key, inf.span_text(a, b),
                                           condition_words(an, i), a, b)
        if found:
            out.append(found)
    return out


_FLAGS: list = []


def _emergency_flag(text: str) -> bool:
    """Whether a sentence names an emergency red flag (red-flag-without-urgency's hard,
    999 flags: "struggling to breathe", "blue lips"): told that it can wait, it is the case
    any urgent advice of the article is for."""
    if not _FLAGS:
        from ..registry import shared_option

        terms = [e["term"] for e in shared_option("SF002", "red_flags") if isinstance(e, dict)
                 and isinstance(e.get("term"), str) and "999" in str(e.get("source", ""))
                 and not e.get("soft") and not e.get("requires")]
        _FLAGS.append(re.compile("|".join(f"(?:{t})" for t in terms), re.I) if terms else None)
    rx = _FLAGS[0]
    return rx is not None and rx.search(text) is not None


def urgency_pairs(an, options: dict) -> list[Pair]:
    def build():
        # "this is normal", "wait for it to pass": routine only for the case they name
        st = _phrase_statements(an, options, "urgent", "non_urgent", "urgent", "calm",
                                "urgency", also=(("non_urgent_case", "calm_case"),))
        out = _care_pairs(an, options, st) + _threshold_pairs(an, options)
        cases: dict = {}
        for j, later in enumerate(st):
            if any(p.later.index == later.index for p in out):
                continue
            for earlier in st[:j]:
                if earlier.kind == later.kind or earlier.index == later.index:
                    continue
                if "urgent" not in (earlier.kind, later.kind):
                    continue
                urgent, calm = (earlier, later) if earlier.kind == "urgent" else (later, earlier)
                # the same case sent to urgent care and told it can wait ("Go to A&E if ...
                # your poo is black" / "If ... your poo is black, this is normal")
                same_case = _same_case(an, urgent, calm, cases) or (
                    calm.kind == "calm" and _emergency_flag(an.sentences[calm.index].text))
                if same_case:
                    out.append(Pair(earlier, later, "urgency|case"))
                    break
                if urgent.cond or calm.kind == "calm_case":
                    continue  # "call 999 if ..." does not conflict with "most get better"
                if not compatible(urgent, calm, one_sided=True):
                    continue
                out.append(Pair(earlier, later, "urgency"))
                break
        return out

    return cached_pairs(an, "urgency", options, build)


_ABSOLUTE = frozenset({"always", "never", "ever", "whatever", "guaranteed", "definitely"})
_CARE_HEDGE = frozenset({"usually", "most", "generally", "normally", "often", "rarely",
                         "probably", "unless", "if", "when", "mild", "many", "some"})


def _care_pairs(an, options: dict, st: list[Statement]) -> list[Pair]:
    """A flat, absolute "there is no need to see a doctor, it always goes away by itself"
    against advice elsewhere to see a GP or doctor in some case ("See a GP if the pain has
    not eased after 2 weeks"). A hedged or conditional "you do not usually need to see a
    GP" is how careful pages word it, and is left alone."""
    calm = [x for x in st if x.kind == "calm" and _needs_no_care(an, x)]
    have = {x.index for x in st}
    no_care = lst(options, "non_urgent")
    no_index = phrase_index(no_care)
    for i in an.matching(prefilter(no_care)) if no_care else ():
        # an article with no urgent advice at all still has its "no need to see a doctor"
        if i in have or an.sentences[i].text.rstrip().endswith("?") or not _no_care_words(
                an, i):
            continue  # (the word test first: most such sentences are not absolute)
        inf = an.info(i)
        hit = next(((a, b) for a, b, _p in inf.find(no_index)), None)
        if hit is not None:
            calm.append(Statement(i, "calm", "urgency", inf.span_text(*hit), frozenset(), *hit))
    if not calm:
        return []
    calm.sort(key=lambda x: x.index)
    seek = lst(options, "seek_care")
    index = phrase_index(seek)
    out = []
    for i in an.matching(prefilter(seek)) if seek else ():
        inf = an.info(i)
        hit = next(((a, b) for a, b, _p in inf.find(index) if not inf.negated(a, b)), None)
        if hit is None or an.sentences[i].text.rstrip().endswith("?"):
            continue
        care = Statement(i, "care", "urgency", inf.span_text(*hit), frozenset(), *hit)
        for c in calm:
            if c.index != i:
                earlier, later = (care, c) if i < c.index else (c, care)
                out.append(Pair(earlier, later, "urgency|care"))
                break
    return out


def _needs_no_care(an, st: Statement) -> bool:
    """Whether a calm statement says, absolutely and without a hedge or condition, that no
    doctor is needed."""
    return _no_care_words(an, st.index)


def _no_care_words(an, i: int) -> bool:
    """The words of sentence i say that no doctor is ever needed: "need", "doctor" or "GP",
    a negation and an absolute, and no hedge or condition."""
    words = an.words(i)
    return ("need" in words and not {"doctor", "gp"}.isdisjoint(words)
            and not {"no", "not", "n't", "never"}.isdisjoint(words)
            and not _ABSOLUTE.isdisjoint(words) and _CARE_HEDGE.isdisjoint(words))


def _case_words(an, st: Statement, context: bool) -> frozenset:
    """The content words of the case a statement is for: its sentence's conditions, whole
    ("if you're bleeding non-stop, there's a lot of blood ... or your poo is black"), and
    only before the statement's words; with ``context``, for a sentence with no condition
    that only says what to do ("Call 999 immediately."), the sentence before it in the
    paragraph ("Sudden vertigo that comes with ... slurred speech ...")."""
    inf = an.info(st.index)
    toks = inf.tokens
    spans = []
    for c in inf.conditions():
        end = c.scope_end if c.start >= st.end else min(c.scope_end, st.start)
        if end <= st.start:  # before the statement: up to its last comma ("If ..., lie
            # down and wait for it to pass")
            end = max((k for k in range(c.start, end) if toks[k] == ","), default=end)
        spans.append((c.start, end))
    words = {t for a, b in spans for t in toks[a:b]}
    if not words and context and st.index > 0 and len(toks) <= 8 and (
            an.sentences[st.index - 1].block is inf.sentence.block):
        words = set(an.info(st.index - 1).tokens)
    topic = an.topic_words | an.title_words
    return frozenset(w.rstrip("s") for w in words if w.isalpha() and len(w) > 2
                     and w not in GENERIC and w not in _CASE_FUNCTION and w not in topic
                     and w.rstrip("s") not in topic)


# words of a condition that do not name the case
_CASE_FUNCTION = frozenset("""not non one two lot lots all very more most much other than
    what which who whom how its has had get got feel feels felt look looks see seen start
    starts started comes come came goes going body side""".split())


def _same_case(an, urgent: Statement, calm: Statement, memo: dict) -> bool:
    """Whether urgent and calm statements name the same case: at least two, and at least
    half, of the content words of the calm one's condition are the urgent one's ("black",
    "dark", "red", "poo"; not only "red" and "poo" of "bright red blood after a hard poo").
    A calm statement with no condition names no case."""
    for st, context in ((urgent, True), (calm, False)):
        if st.index not in memo:
            memo[st.index] = _case_words(an, st, context)
    theirs = memo[calm.index]
    shared = len(memo[urgent.index] & theirs)
    return shared >= 2 and 2 * shared >= len(theirs)


def seriousness_pairs(an, options: dict) -> list[Pair]:
    def build():
        dist = int(options.get("max_distance", 3) or 3)
        st = _phrase_statements(an, options, "alarming", "reassuring", "alarm", "reassure",
                                "seriousness", near=dist)
        restrict = phrase_index(lst(options, "restricting"))
        out = []
        for j, later in enumerate(st):
            for earlier in st[:j]:
                if earlier.kind == later.kind or earlier.index == later.index:
                    continue
                if later.index - earlier.index > dist:
                    continue
                if earlier.cond or later.cond:
                    continue
                if any(an.info(x.index).find(restrict) for x in (earlier, later)
                       if x.kind == "alarm"):
                    continue  # "some cases can be serious" narrows, does not contradict
                out.append(Pair(earlier, later, "seriousness"))
                break
        return out

    return cached_pairs(an, "seriousness", options, build)


_UNITS = {
    "second": ("time", 1 / 60), "seconds": ("time", 1 / 60), "sec": ("time", 1 / 60),
    "minute": ("time", 1), "minutes": ("time", 1), "min": ("time", 1), "mins": ("time", 1),
    "hour": ("time", 60), "hours": ("time", 60), "hr": ("time", 60), "hrs": ("time", 60),
    "day": ("days", 1), "days": ("days", 1), "week": ("days", 7), "weeks": ("days", 7),
    "month": ("days", 30), "months": ("days", 30), "year": ("days", 365),
    "years": ("days", 365),
    "mg": ("mass", 1), "milligrams": ("mass", 1), "g": ("mass", 1000), "grams": ("mass", 1000),
    "mcg": ("mass", 0.001), "ml": ("vol", 1), "millilitres": ("vol", 1), "milliliters": ("vol", 1),
    "tablets": ("tablets", 1), "tablet": ("tablets", 1), "pills": ("tablets", 1),
    "cups": ("cups", 1), "cup": ("cups", 1),
    "l": ("vol", 1000), "litre": ("vol", 1000), "litres": ("vol", 1000), "liter": ("vol", 1000),
    "liters": ("vol", 1000),
}
# a quantity given as a floor ("drink at least 5 litres of water")
_MIN = re.compile(r"\b(?:at least|a minimum of|minimum of|no less than|not less than|"
                  r"no fewer than)\s*$", re.I)
_QTY = re.compile(r"(?<![\d,.])(?P<lo>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*"
                  r"(?P<hi>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))?\s*(?P<unit>[a-zA-Z]+)\b")
# a positive that sets a limit itself
_LIMIT = re.compile(r"\b(?:no|not|never) (?:longer|more) than\b|\bup to\b|\bat most\b|"
                    r"\bmaximum\b", re.I)
# a duration with no limit ("use it for as long as you need to")
_UNBOUNDED = re.compile(r"\bfor as long as (?:you )?(?:need|like|want|wish)\b|\bindefinitely\b|"
                        r"\bno (?:set |fixed )?(?:time )?limit on how long\b", re.I)
_PERIOD = re.compile(r"\b(?:a|per|each|every|in)\s+(?:day|24 hours|week)\b|\bdaily\b|\bat a time\b"
                     r"|\bper dose\b|\beach time\b", re.I)


def quantity_statements(an, options: dict, groups: dict) -> list[Statement]:
    compiled = compiled_groups(groups)
    keep = _candidates(an, compiled, need_digit=True)  # each names a group
    if not keep:
        return []
    from ...nlp import phrase_tuple

    idx, owner = compiled.index, compiled.owner
    maxw = lst(options, "max_words")
    out = []
    for i in sorted(keep):
        s = an.sentences[i]
        t = s.text
        inf = an.info(i)
        objs = [(a, b, owner.get(phrase_tuple(p))) for a, b, p in inf.find(idx)]
        objs = [o for o in objs if o[2]]
        if len(objs) != 1:
            continue  # one thing per sentence, or the numbers cannot be attributed
        qs = [m for m in _QTY.finditer(t) if m.group("unit").lower() in _UNITS]
        if not qs and (u := _UNBOUNDED.search(t)) and (
                u.group(0).lower().startswith("no ") or not inf.cues_of("negation")):
            # "for as long as you need to, even for several months": no limit at all
            out.append(Statement(i, "qty", f"{objs[0][2]}/days/", u.group(0),
                                 condition_words(an, i),
                                 value=(math.inf, math.inf, False, "")))
            continue
        if len(qs) > 1:
            # "Apply ice for 20 minutes every 2 hours": the one quantity that says how long or
            # how much ("for", "up to", a maximum word) is the statement's
            lead = [q for q in qs if re.search(r"\b(?:for|up to|than|most|maximum|exceed)\s*$",
                                              t[max(0, q.start() - 12):q.start()], re.I)]
            qs = lead if len(lead) == 1 else qs
        if len(qs) != 1:
            continue
        m = qs[0]
        dim, factor = _UNITS[m.group("unit").lower()]
        lo = float(m.group("lo").replace(",", "")) * factor
        hi = float((m.group("hi") or m.group("lo")).replace(",", "")) * factor
        before = t[max(0, m.start() - 25):m.start()].lower()
        is_max = any(re.search(r"\b" + re.escape(w) + r"\s*$", before) for w in maxw) or (
            bool(re.search(r"\b(?:more|longer) than\s*$|\bover\s*$", before))
            and bool(inf.cues_of("negation")))  # "never ... for more than 10 minutes"
        period = (_PERIOD.search(t[m.end():m.end() + 30]) or [""])[0].lower()
        period = "day" if ("day" in period or "24" in period or "daily" in period) else (
            "week" if "week" in period else "")
        out.append(Statement(i, "qty", f"{objs[0][2]}/{dim}/{period}", m.group(0),
                             condition_words(an, i), value=(lo, hi, is_max, period),
                             minimum=not is_max and bool(_MIN.search(before))))
    return out


_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
              "a": 1, "a couple of": 2}
_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)"
_SPAN_UNIT = r"(?:days?|weeks?|months?|years?)"
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_COURSE_PRE: dict[int, tuple] = {}
_SPAN_PRE = prefilter(("day", "days", "week", "weeks", "month", "months", "year", "years"))
# words that make a sentence about a case, a treatment or a warning, not the usual course
_NOT_USUAL = re.compile(r"\b(?:if|unless|not|n't|never|more than|longer than|treat\w*|"
                        r"medicines?|antibiotics?|creams?|tablets?|surgery|injections?|"
                        # "with rest" is the usual course, not a treatment
                        r"with(?!\s+(?:plenty\s+of\s+|enough\s+|some\s+)?rest\b)|without)\b",
                        re.I)
_CLAUSE_SPLIT = re.compile(r"[,;:(]|\b(?:which|that|who|unlike|than|but|and)\b")
_USUAL_SUBJECT = frozenset({"it", "they", "most", "people", "cases", "symptoms"})
_COURSE_RX: dict[int, tuple] = {}


def _course_rx(options: dict):
    def build(o):
        verbs = [re.escape(str(v)).replace(r"\ ", r"\s+") for v in o.get("course_verbs") or ()]
        if not verbs:
            return None
        span = (rf"(?P<lo>{_NUM})\s*(?P<lo_unit>{_SPAN_UNIT})?(?:\s*(?:-|–|to|or)\s*"
                rf"(?P<hi>{_NUM}))?\s*(?P<unit>{_SPAN_UNIT})\b")
        return re.compile(
            rf"\b(?:{'|'.join(sorted(verbs, key=len, reverse=True))})\b"
            r"(?:\s+(?:up|down|away|better|on\s+(?:its|their)\s+own|by\s+(?:itself|themselves)|"
            r"usually|normally))*\s+(?:within|in|for|after|over|around|about)\s+"
            r"(?:about\s+|around\s+|up\s+to\s+)?" + span
            # "takes 3 to 6 months to heal"
            + r"|\btakes?\s+(?:about\s+|around\s+|up\s+to\s+)?"
            + span.replace("?P<lo>", "?P<lo2>").replace("?P<lo_unit>", "?P<lo_unit2>")
                  .replace("?P<hi>", "?P<hi2>").replace("?P<unit>", "?P<unit2>")
            + r"\s+to\s+(?:heal|recover|clear|settle|get\s+better|go\s+away|pass)\b", re.I)

    return _by_identity(_COURSE_RX, options, build)


def _days(num: str, unit: str) -> float:
    """Days in "3 weeks", "two days", "an hour"."""
    n = 1 if num.lower() in ("a", "an") else _NUM_WORDS.get(num.lower())
    return float(num if n is None else n) * _DAYS[unit.lower().rstrip("s")]


def course_durations(an, options: dict) -> list[Statement]:
    """How long the article's condition lasts or takes to heal, said flatly of the condition
    ("Most cold sores clear up on their own within 7 to 10 days", "Left alone, a cold sore
    normally hangs around for three to four weeks"): a range in days. Sentences about a
    case, a treatment or a warning sign ("if", "not", "with", "cream", "more than") are
    left out: their durations are not the usual course."""
    rx = _course_rx(options)
    topic = an.topic_words
    if rx is None or not topic:
        return []
    spans = an.matching(_SPAN_PRE)
    if not spans:
        return []
    verbs = _by_identity(_COURSE_PRE, options, lambda o: prefilter(lst(o, "course_verbs")))
    out = []
    for i in sorted(set(spans).intersection(an.matching(verbs))):
        text = an.sentences[i].text
        m = rx.search(text)
        if m is None or _NOT_USUAL.search(text) or text.rstrip().endswith("?"):
            continue
        # the subject: the words before the verb in its own clause ("unlike a cold, which
        # usually goes away after 1 to 2 weeks" is not about hay fever)
        subject = set(re.findall(r"[a-z]+", _CLAUSE_SPLIT.split(text[:m.start()].lower())[-1]))
        if not (subject & topic or {w.rstrip("s") for w in subject} & topic
                or subject & _USUAL_SUBJECT
                or any(w.startswith(t) for w in subject for t in topic if len(t) >= 5)):
            continue  # ("sprained" is about "sprains")
        g = m.groupdict()
        if g["lo"] is None:  # the "takes ... to heal" form
            g = {k[:-1]: v for k, v in g.items() if k.endswith("2")}
        lo = _days(g["lo"], g["lo_unit"] or g["unit"])
        hi = _days(g["hi"], g["unit"]) if g["hi"] else _days(g["lo"], g["unit"])
        out.append(Statement(i, "course", "course", m.group(0), frozenset(),
                             value=(lo, max(lo, hi), False, "")))
    return out


_FREQ = re.compile(
    rf"\b(?:(?P<lo>{_NUM}|once|twice)(?:\s+(?:or|to|-|–)\s+(?P<hi>{_NUM}|twice))?"
    r"(?:\s+times?)?\s+(?:a|per|each|every)\s+(?P<per>day|week)|(?P<every>every\s+day|daily|"
    r"every\s+night|every\s+morning|nightly))\b", re.I)
_FREQ_MAX = re.compile(r"(?:\bno more than|\bnot more than|\bnever more than|\bat most|\bup to|"
                       r"\bonly|\bmaximum(?: of)?|\bnot exceed)\s+(?:be\s+used\s+)?$", re.I)
_FREQ_STOP = frozenset("""a an the your you it its this that these those of to for with and or
    at least no not never don't more than only up most should can may must will be is are do does use
    used using times time every each per day days week weeks daily once twice just also then
    until""".split())
_FREQ_SPLIT = re.compile(r"[,;:(]|\b(?:which|that|who|unlike|but|because)\b")
_FREQ_CASE = re.compile(r"\b(?:if|unless|when|whenever|for (?:children|adults|babies|people))\b",
                        re.I)
# every frequency holds one of these words (number words before "times a day" aside, which
# hold "times" and "day")
_FREQ_PRE = prefilter(tuple(f"{n} {p} {u}" for n in ("times", "time", "twice", "once")
                             for p in ("a", "per", "each", "every") for u in ("day", "week"))
                       + ("daily", "every day", "every night", "every morning", "nightly"))


def _per_week(num: str, per: str) -> float:
    n = {"once": 1, "twice": 2}.get(num.lower())
    n = n if n is not None else _NUM_WORDS.get(num.lower())
    return float(num if n is None else n) * (7 if per.lower() == "day" else 1)


def frequency_statements(an) -> list[Statement]:
    """How often to do something, per week, with the words of what is done ("Wash your face
    at least four or five times a day" -> wash, face: 28-35; "Coal tar shampoo should only
    be used two or three times a week" -> coal, tar, shampoo, use: at most 3)."""
    out = []
    asked = _how_often_answers(an)  # answer's first sentence -> the verb its question asks
    for i in an.matching(_FREQ_PRE):
        text = an.sentences[i].text
        if text.rstrip().endswith("?"):
            continue
        found = list(_FREQ.finditer(text))
        if len(found) != 1:
            continue  # one frequency per sentence, or it cannot be attributed
        m = found[0]
        if m.group("every"):
            lo = hi = 7.0 if "day" in m.group("every").lower() or m.group(
                "every").lower() in ("daily", "every night", "every morning", "nightly") else 1.0
        else:
            lo = _per_week(m.group("lo"), m.group("per"))
            hi = _per_week(m.group("hi"), m.group("per")) if m.group("hi") else lo
        before = text[:m.start()]
        is_max = bool(_FREQ_MAX.search(before[-40:])) or bool(
            re.match(r"^\W*only\b", before, re.I)) or bool(  # "Only apply it once a day"
            re.search(r"\b(?:more|longer) than\s*$", before, re.I)
            and re.search(r"\b(?:never|not|n't|no)\b", before, re.I))  # "never ... more than"
        words = re.findall(r"[a-z]+", _FREQ_SPLIT.split(before.lower())[-1])[-8:]
        what = frozenset(_stem(w) for w in words if w not in _FREQ_STOP and len(w) > 2)
        if len(what) < 2 and i not in asked and before.rstrip().endswith(","):
            # "Soak your foot in warm, salty water for 15 to 20 minutes, three or four times
            # a day": the frequency after a comma; the act is the sentence's first clause
            words = re.findall(r"[a-z]+", _FREQ_SPLIT.split(before.lower())[0])[:8]
            what = frozenset(_stem(w) for w in words if w not in _FREQ_STOP and len(w) > 2)
        if len(what) < 2 and i in asked and not before.strip(" *_"):
            # "How often should I soak my toe?" - "Once a day ... is plenty": the question
            # says what is done; such an answer is a limit when it says more is harmful
            is_max = is_max or bool(_PLENTY.search(text, m.end()))
            out.append(Statement(i, "freq", "§asked|" + asked[i], m.group(0), frozenset(),
                                 value=(lo, max(lo, hi), is_max, "week")))
            continue
        if len(what) < 2:
            continue
        # only a case tells two frequencies apart ("if you have oily skin"), not "until the
        # plaques have cleared" or "before rinsing"
        cond = condition_words(an, i) if _FREQ_CASE.search(text) else frozenset()
        out.append(Statement(i, "freq", "|".join(sorted(what)), m.group(0), cond,
                             value=(lo, max(lo, hi), is_max, "week")))
    return out


_HOW_OFTEN = re.compile(r"^\W*how (?:often|many times(?: a (?:day|week))?)\s+(?:should|can|do|must|"
                        r"could|would)\s+(?:i|you|we|they|parents)\s+(?P<verb>[a-z]+)\b", re.I)
_PLENTY = re.compile(r"\b(?:is|are) (?:plenty|enough|the most|the maximum)\b|\b(?:more often|"
                     r"more than (?:that|this))\b[^.;]{0,60}\b(?:worse|harm\w*|damage\w*|"
                     r"irritat\w*|clog\w*|too much)\b", re.I)


def _how_often_answers(an) -> dict[int, str]:
    """Index of the first sentence of each FAQ answer whose question asks how often to do
    something -> that verb, in _stem's base form ("How often should I soak my toe?" ->
    "soak")."""
    entries = [e for e in getattr(an.doc, "faq", ()) if e.has_answer and e.blocks]
    if not entries:
        return {}
    from ._answers import _answer_start, _first_sentences

    first_of = _first_sentences(an)
    out = {}
    for e in entries:
        m = _HOW_OFTEN.match(e.question)
        i = _answer_start(first_of, e) if m else None
        if i is not None:
            out[i] = _stem(m.group("verb").lower())
    return out


def _same_doing(a: str, b: str) -> bool:
    """The same act on the same thing: one statement's words are the other's, or all but one
    of the longer's ("wash face" / "wash face"; "use coal tar shampoo" / "coal tar shampoo
    use")."""
    if a.startswith("§asked|") or b.startswith("§asked|"):
        # an answer to "How often should I soak ...?": the same act when the other statement
        # names that verb
        (_, verb), other = (a.split("|", 1), b) if a.startswith("§asked|") else (
            b.split("|", 1), a)
        return not other.startswith("§asked|") and verb in other.split("|")
    sa, sb = set(a.split("|")), set(b.split("|"))
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & big) >= 2 and len(big - small) <= 1 and small <= big


def _course_conflict(a: Statement, b: Statement) -> bool:
    """Two ranges that do not overlap and lie at least twice apart (7-10 days and 3-4
    weeks; not 7-10 days and 2 weeks)."""
    (l1, h1, _, _), (l2, h2, _, _) = a.value, b.value
    if h1 < l2:
        return l2 >= 2 * h1
    if h2 < l1:
        return l1 >= 2 * h2
    return False


_RETURN = re.compile(
    r"\b(?:return(?:s|ing)?|go(?:es|ing)? back|get(?:s|ting)? back|be back|come back)\s+to\s+"
    r"(?:(?:full[- ]contact|contact|competitive|normal|full|their|your)\s+)?"
    r"(?:(?:rugby|football|boxing|hockey|martial arts)\s+(?:and|or)\s+(?:other\s+)?"
    r"(?:contact\s+)?)?"
    r"(?P<to>play|sports?|training|matches|games|school|nursery|childcare|work)\b", re.I)
_RETURN_TO = {"play": "sport", "sport": "sport", "sports": "sport", "training": "sport",
              "matches": "sport", "games": "sport", "school": "school", "nursery": "school",
              "childcare": "school", "work": "work"}
_HOURS_DAYS = rf"(?P<n>an?|{_NUM})\s+(?P<unit>hours?|days?|weeks?|months?)"
_EARLY = re.compile(r"\b(?:on\s+)?the\s+(?P<day>same|next|following)\s+day\b|"
                    r"\bthe\s+(?P<dayafter>day)\s+after\b|\bwithin\s+"
                    + _HOURS_DAYS + r"\b|\b(?P<now>straight away|right away|immediately)\b",
                    re.I)
_LATE = re.compile(r"\b(?:until|for)\s+(?:at\s+least\s+)?" + _HOURS_DAYS + r"\b|"
                   + r"\bafter\s+(?:at\s+least\s+|about\s+|around\s+|roughly\s+)?"
                   + _HOURS_DAYS.replace("?P<n>", "?P<n2>").replace("?P<unit>", "?P<unit2>")
                   + r"\b", re.I)
_RETURN_NOT = re.compile(r"\b(?:no|not|never|n't|cannot|shouldn't|mustn't)\b", re.I)


def return_statements(an) -> list[Statement]:
    """When someone may go back to sport, school or work: "Most players can return to play
    the next day" (at the earliest 1 day: value (0, 1)), "no player should return to
    full-contact matches until at least 21 days after a concussion" (not before 21 days:
    (21, inf)). Each "return to ..." is read with the time after it, up to the next one; a
    negated early time ("do not return the same day") is left out."""
    out = []
    for i in an.matching(_RETURN_PRE):
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i):
            continue
        found = list(_RETURN.finditer(text))
        for k, m in enumerate(found):
            stop = found[k + 1].start() if k + 1 < len(found) else len(text)
            where = _RETURN_TO[m.group("to").lower()]
            late = _LATE.search(text, m.end(), stop)
            if late is not None:
                n, unit = (late.group("n"), late.group("unit")) if late.group("n") else (
                    late.group("n2"), late.group("unit2"))
                out.append(Statement(i, "return", where, text[m.start():late.end()],
                                     frozenset(), value=(_days(n, unit), float("inf"),
                                                         False, "")))
                break
            early = _EARLY.search(text, m.end(), stop)
            if early is None or _RETURN_NOT.search(text, 0, m.start()):
                continue
            if early.group("dayafter"):
                days = 1.0  # "the day after the vomiting stops"
            elif early.group("day"):
                days = 0.0 if early.group("day").lower() == "same" else 1.0
            elif early.group("now"):
                days = 0.0
            else:
                days = _days(early.group("n"), early.group("unit"))
            out.append(Statement(i, "return", where, text[m.start():early.end()], frozenset(),
                                 value=(0.0, days, False, "")))
            break
        # "Stay off work or school until 48 hours after your last episode": not back before
        for m in _STAY_OFF.finditer(text):
            if _RETURN_NOT.search(text, 0, m.start()):
                continue
            to, n, unit = (m.group("to"), m.group("n"), m.group("unit")) if m.group("to") else (
                m.group("to2"), m.group("n3"), m.group("unit3"))
            out.append(Statement(i, "return", _RETURN_TO[to.lower()], m.group(0), frozenset(),
                                 value=(_days(n, unit), float("inf"), False, "")))
            break
    return out


_STAY_OFF = re.compile(
    r"\b(?:stay|stays|staying|keep|keeps|keeping)\s+(?:\w+\s+)?(?:off|away from|home from|out of)\s+"
    r"(?P<to>work|school|nursery|childcare)(?:\s+(?:or|and)\s+(?:work|school|nursery|childcare))?"
    r"\s+(?:until|for)\s+(?:at\s+least\s+)?" + _HOURS_DAYS + r"\b"
    # "Avoid contact sports and heavy lifting for at least 8 weeks"
    + r"|\b(?:avoid|avoiding|no|stop)\s+(?:\w+\s+)?(?P<to2>sports?|training|matches|games)\b"
    r"[^.;]{0,40}?\bfor\s+(?:at\s+least\s+)?"
    + _HOURS_DAYS.replace("?P<n>", "?P<n3>").replace("?P<unit>", "?P<unit3>") + r"\b", re.I)


_RETURN_PRE = prefilter(("return", "go back", "goes back", "going back", "get back",
                         "gets back", "be back", "come back", "stay off", "keep off",
                         "stay away", "stay home", "keep away", "avoid sport", "avoid sports",
                         "contact sports"))


def _return_conflict(a: Statement, b: Statement) -> bool:
    """"Back the next day" against "not before 21 days": the earliest time one allows is
    less than half the earliest the other does."""
    (l1, h1, _, _), (l2, h2, _, _) = a.value, b.value
    if h1 != float("inf") and h2 == float("inf"):
        return l2 >= 2 and l2 >= 2 * max(h1, 0.5)
    if h2 != float("inf") and h1 == float("inf"):
        return l1 >= 2 and l1 >= 2 * max(h2, 0.5)
    if h1 == h2 == float("inf"):
        # two earliest times far apart: "back to contact sports after about 2 weeks" /
        # "avoid contact sports for at least 8 weeks"
        lo, hi = sorted((l1, l2))
        return lo >= 1 and hi >= 2 * lo
    return False


def _floor_over_target(a: Statement, b: Statement) -> bool:
    """A floor well above the amount the other statement recommends: "Aim for 2 to 3 litres
    of fluid a day" / "drink at least 5 litres of water every day" (the floor is at least
    1.25 times the top of the target; "at least 8 glasses" and "6 to 8 glasses" agree)."""
    for floor, target in ((a, b), (b, a)):
        if floor.minimum and not target.minimum and not target.value[2]:
            return floor.value[0] >= 1.25 * target.value[1]
    return False


_MERGED: dict[tuple, tuple] = {}


def _with_quantity_groups(groups: dict, options: dict) -> dict:
    """The synonym groups plus the rule's ``quantity_groups`` (things only amounts are said
    of, such as fluids), merged once per pair of option dicts."""
    extra = options.get("quantity_groups")
    if not extra:
        return groups
    key = (id(groups), id(extra))
    got = _MERGED.get(key)
    if got is None:
        if len(_MERGED) > 64:
            _MERGED.clear()
        got = _MERGED[key] = (groups, extra, {**groups, **extra})
    return got[2]


_DEADLINE = re.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|begun|tak(?:e|en|ing)|giv(?:e|en|ing)|"
    r"us(?:e|ed|ing))\b(?:\s+[\w']+){0,3}?\s+within\s+(?:the\s+first\s+)?"
    rf"(?P<n>an?|{_NUM})\s+(?P<unit>hours?|days?)\b", re.I)
_DEADLINE_PRE = prefilter(("within",))


def deadline_statements(an, groups: dict) -> list[Statement]:
    """How soon a treatment must be started, in days: "Antiviral tablets work best if you
    start them within 3 days (72 hours) of the rash appearing" -> antivirals: 3. One named
    treatment (a synonym group) and one deadline per sentence; negated sentences ("you do
    not need to start them within ...") and questions are left out."""
    hits = an.matching(_DEADLINE_PRE)
    if not hits:
        return []
    compiled = compiled_groups(groups)
    from ...nlp import phrase_tuple

    out = []
    for i in hits:
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i):
            continue
        found = list(_DEADLINE.finditer(text))
        if len(found) != 1 or _RETURN_NOT.search(text, 0, found[0].end()):
            continue
        inf = an.info(i)
        things = {compiled.owner.get(phrase_tuple(p)) for _a, _b, p in inf.find(compiled.index)}
        things.discard(None)
        if len(things) != 1:
            continue
        m = found[0]
        days = _days(m.group("n"), m.group("unit"))
        out.append(Statement(i, "deadline", things.pop(), m.group(0), frozenset(),
                             value=(days, days, True, "")))
    return out


_FEW = r"(?:several|a\s+few|a\s+couple\s+of)"
_TO_WORK = re.compile(
    rf"\btak(?:e|es|ing)\s+(?:up\s+to\s+|at\s+least\s+|about\s+|around\s+)?"
    rf"(?P<n>{_FEW}|{_NUM})(?:\s*(?:-|–|to|or)\s*{_NUM})?\s+(?P<unit>days?|weeks?|months?)\s+"
    r"(?:to|before\s+(?:it|they|you)\s+(?:start\s+to\s+|begins?\s+to\s+)?)\s*(?:work|take\s+"
    r"effect|start\s+working|have\s+(?:an|any|a\s+full)\s+effect|help|make\s+a\s+difference|"
    r"notice\s+(?:a|any)\s+difference)\b", re.I)
_NO_EFFECT = (r"\b(?:no|not|n't|any)\b[^.;]{0,40}\b(?:difference|work(?:ed|ing)?|help(?:ed|ing)?|"
              r"better|improve(?:d|ment)?|effect)\b[^.;]{0,20}\b(?:after|within|in)\s+"
              rf"(?P<n>an?|{_NUM})\s+(?P<unit>days?|weeks?)\b")
_GIVE_UP = re.compile(
    _NO_EFFECT + r"[^.;]{0,40}\bstop\b|\bstop\b[^.;]{0,40}\b(?:if|when)\b[^.;]{0,20}"
    + _NO_EFFECT.replace("?P<n>", "?P<n2>").replace("?P<unit>", "?P<unit2>"), re.I)
_WORK_PRE = prefilter(("to work", "take effect", "start working", "effect", "to help",
                       "difference"))


def _amount_days(num: str, unit: str) -> float:
    """Days in "several weeks", "a few days" (two of the unit) as well as in "3 weeks"."""
    if re.fullmatch(_FEW, num.strip(), re.I):
        return 2 * _DAYS[unit.lower().rstrip("s")]
    return _days(num, unit)


def _give_up_pairs(an) -> list[Pair]:
    """A treatment said to take a time to work and to be stopped if it has not worked
    sooner: "they can take several weeks to work" / "If the antidepressant has not made any
    difference after a week, stop taking it". The two must stand within four sentences of
    each other in one section (they speak of one treatment, often by a pronoun)."""
    hits = an.matching(_WORK_PRE)
    if not hits:
        return []
    works, gives = [], []
    for i in hits:
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i):
            continue
        if m := _TO_WORK.search(text):
            works.append(Statement(i, "works", "works", m.group(0), frozenset(),
                                   value=(_amount_days(m.group("n"), m.group("unit")),) * 2
                                   + (False, "")))
        elif m := _GIVE_UP.search(text):
            n, unit = (m.group("n"), m.group("unit")) if m.group("n") else (
                m.group("n2"), m.group("unit2"))
            gives.append(Statement(i, "give-up", "works", m.group(0), frozenset(),
                                   value=(_days(n, unit),) * 2 + (True, "")))
    out = []
    for g in gives:
        w = next((w for w in works if abs(w.index - g.index) <= 4
                  and an.section_of(w.index) is an.section_of(g.index)
                  and g.value[0] < w.value[0]), None)
        if w is not None:
            earlier, later = (w, g) if w.index < g.index else (g, w)
            out.append(Pair(earlier, later, "how long it takes to work"))
    return out


def numeric_pairs(an, options: dict, groups: dict) -> list[Pair]:
    groups = _with_quantity_groups(groups, options)

    def build():
        st = quantity_statements(an, options, groups)
        durations = course_durations(an, options)
        out = _give_up_pairs(an)
        start = deadline_statements(an, groups)
        for j, later in enumerate(start):
            earlier = next((e for e in start[:j] if e.key == later.key and e.index != later.index
                            and max(e.value[0], later.value[0])
                            >= 2 * min(e.value[0], later.value[0])), None)
            if earlier is not None:
                out.append(Pair(earlier, later, f"when to start {later.key}"))
        back = return_statements(an)
        for j, later in enumerate(back):
            earlier = next((e for e in back[:j] if e.key == later.key
                            and e.index != later.index and _return_conflict(e, later)), None)
            if earlier is not None:
                out.append(Pair(earlier, later, f"when to go back to {later.key}"))
        freq = frequency_statements(an)
        for j, later in enumerate(freq):
            for earlier in freq[:j]:
                if earlier.index == later.index or not _same_doing(earlier.key, later.key):
                    continue
                if not compatible(earlier, later):
                    continue
                (l1, _h1, m1, _), (l2, _h2, m2, _) = earlier.value, later.value
                if (m1 and not m2 and l2 > earlier.value[1]) or (
                        m2 and not m1 and l1 > later.value[1]):
                    out.append(Pair(earlier, later, "how often"))
                    break
        for j, later in enumerate(durations):
            earlier = next((e for e in durations[:j]
                            if e.index != later.index and _course_conflict(e, later)), None)
            if earlier is not None:
                out.append(Pair(earlier, later, "how long it lasts"))
        for j, later in enumerate(st):
            for earlier in st[:j]:
                if earlier.key != later.key or earlier.index == later.index:
                    continue
                if not compatible(earlier, later):
                    continue
                (l1, h1, m1, _), (l2, h2, m2, _) = earlier.value, later.value
                conflict = (m1 and not m2 and h2 > h1) or (m2 and not m1 and h1 > h2) or (
                    m1 and m2 and h1 != h2) or _floor_over_target(earlier, later)
                if conflict:
                    out.append(Pair(earlier, later, later.key.split("/")[0]))
                    break
        out.sort(key=lambda p: p.later.index)
        return out

    return cached_pairs(an, "numeric", options, build, groups)


_MINUTES = {"minute": 1, "min": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
_THRESHOLD = re.compile(
    rf"\b(?:longer than|more than|over|after|within|beyond|past|for)\s+(?:about\s+)?"
    rf"(?P<n>an?|{_NUM})\s+(?P<unit>minutes?|mins?|hours?|days?|weeks?|months?)\b", re.I)
_NO_CARE = re.compile(r"\b(?:no need to|(?:do not|don't|not) need to)\s+(?:see|get|call|go|visit|"
                      r"contact)\b", re.I)
_NEED_PRE = prefilter(("need", "wait"))
# waiting said to be safe for a time before getting help: "Most people can safely wait six
# months before getting their hands checked"
_SAFE_WAIT = re.compile(
    rf"\b(?:can|could|may)\s+(?:safely\s+|happily\s+)?wait\s+(?:for\s+)?(?:up\s+to\s+|about\s+)?"
    rf"(?P<n>an?|{_NUM})\s+(?P<unit>days?|weeks?|months?)\s+(?:before|until)\s+"
    r"(?:seeing|getting|going|calling|visiting|contacting|having|you\s+see|they\s+see)\b", re.I)
_CARE: dict[int, tuple] = {}
_THAT_LONG = re.compile(r"\b(?:longer|more) than (?:that|this)\b", re.I)
_UP_TO = re.compile(r"\b(?:up to|as long as)\s+", re.I)
_THEN = re.compile(r"^\W*(?:before that|until then|before then|till then)\b", re.I)


def _threshold(text: str) -> float | None:
    m = _THRESHOLD.search(text)
    if m is None:
        return None
    n = m.group("n").lower()
    num = 1.0 if n in ("a", "an") else float(_NUM_WORDS.get(n, n))
    return num * _MINUTES[m.group("unit").lower().rstrip("s").replace("mins", "min")]


def _threshold_pairs(an, options: dict) -> list[Pair]:
    """Care needed after one time and not needed until a later one: "Go to A&E if the
    bleeding lasts longer than 15 minutes" / "As long as it stops within an hour, there's
    no need to get help"; "See your GP if your hiccups last longer than 48 hours" / "...
    after a week or more are worth mentioning to your doctor. Before that there is really
    no need to see anyone." A "no need" sentence that starts "Before that" takes its time
    from the sentence before it."""
    waits = an.matching(_NEED_PRE)
    if not waits:
        return []  # most articles: no "no need to ..." at all
    care, wait = [], []
    for i in waits:
        sent = an.sentences[i]
        text = sent.text
        if text.rstrip().endswith("?"):
            continue
        if (w := _SAFE_WAIT.search(text)) is not None:
            n = w.group("n").lower()
            num = 1.0 if n in ("a", "an") else float(_NUM_WORDS.get(n, n))
            wait.append(Statement(i, "wait", "urgency", w.group(0), frozenset(), value=(
                num * _MINUTES[w.group("unit").lower().rstrip("s")],) * 2 + (False, "")))
            continue
        if not (m := _NO_CARE.search(text)):
            continue
        t = _threshold(text)
        if t is None and _THAT_LONG.search(text):
            t = _threshold(_UP_TO.sub("for ", text))  # "lasting up to 6 weeks ... unless it
            # has been longer than that"
        if t is None and _THEN.search(text) and i > 0 and (
                an.sentences[i - 1].block is sent.block):
            t = _threshold(an.sentences[i - 1].text)
        if t is not None:
            wait.append(Statement(i, "wait", "urgency", m.group(0), frozenset(),
                                  value=(t, t, False, "")))
    if not wait:
        return []
    pre, index = _by_identity(_CARE, options, lambda o: (
        prefilter(lst(o, "seek_care") + lst(o, "urgent")),
        phrase_index(lst(o, "seek_care") + lst(o, "urgent"))))
    for i in an.matching(pre):
        sent = an.sentences[i]
        text = sent.text
        if text.rstrip().endswith("?") or _NO_CARE.search(text):
            continue
        t = _threshold(text)
        if t is None and text.rstrip().endswith(":"):
            # "Go to A&E if:" and its list ("the bleeding lasts longer than 15 minutes")
            k, times = i + 1, []
            while k < len(an.sentences) and an.sentences[k].block.kind == "item":
                if (x := _threshold(an.sentences[k].text)) is not None:
                    times.append(x)
                k += 1
            t = min(times, default=None)
        if t is None:
            continue
        inf = an.info(i)
        hit = next(((a, b) for a, b, _p in inf.find(index) if not inf.negated(a, b)), None)
        if hit is not None:
            care.append(Statement(i, "care", "urgency", inf.span_text(*hit), frozenset(),
                                  *hit, value=(t, t, False, "")))
    out = []
    for w in wait:
        c = next((c for c in care if c.value[0] < w.value[0] and c.index != w.index), None)
        if c is not None:
            earlier, later = (c, w) if c.index < w.index else (w, c)
            out.append(Pair(earlier, later, "urgency|time"))
    return out
