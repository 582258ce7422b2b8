"""Statements that are not written out as advice: the yes or no of an FAQ answer, and facts of
the form "X is (not) ADJ".

- "### Should I put ice on a gout flare?" answered "No." says "do not put ice on a gout flare";
  answered "Yes." it advises it. The question's action (a synonym group or an action frame)
  becomes a statement at the answer's first sentence, so the detectors of ``_advice`` and
  ``_frames`` compare it with the body like any other ("No. Antihistamines should only be
  taken on days with symptoms" against "Take an antihistamine every day").
- "Shingles is not contagious" against "Yes, shingles is contagious": a property of the
  article's topic (``properties`` in ``rules/advice.yaml``: contagious, hereditary, curable
  ...) said and denied, flatly: not hedged ("can be", "usually"), not narrowed ("contagious
  until the blisters crust"). The FAQ question "Is shingles contagious?" with its yes or no
  says it too.
"""

from __future__ import annotations

import re

from ._frames import APPLY, CONSUME, _objects, _stem, frame_key

_ASKS = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:should|can|could|may|must|do|does|will)\s+(?:i|you|we|they|he|she|"
    r"people|(?:my|your|a|an|the)\s+[\w-]+)|is\s+it\s+(?:ok|okay|safe|fine|good|a\s+good\s+idea|"
    r"bad|wise|necessary|worth\s+it|alright|all\s+right))\s+(?:to\s+)?(?:still\s+|also\s+|ever\s+)?"
    r"(?:need\s+to\s+|have\s+to\s+)?(?P<rest>[^?]+?)\s*\?\s*$", re.I)
_YES = re.compile(r"^\W*(?:yes|yep|absolutely|definitely|of course)\b", re.I)
_NO = re.compile(r"^\W*(?:no|nope|never)\b(?!\s+(?:need|one|more|longer|matter|doubt)\b)", re.I)
_WORDS = re.compile(r"[a-z0-9%']+|[^\w\s]")
_CONDITION = frozenset({"if", "when", "while", "during", "after", "before", "unless", "with"})


def answer_polarity(text: str) -> str | None:
    """'+' for an answer that opens with yes, '-' with no, else None."""
    if _YES.match(text):
        return "+"
    if _NO.match(text):
        return "-"
    return None


def yes_no_answers(an) -> list[tuple[int, str, str, str]]:
    """(index of the answer's first sentence, '+' or '-', what the question asks to do, the
    question) for every FAQ entry whose question asks whether to do something and whose
    answer opens with yes or no."""
    entries = [e for e in getattr(an.doc, "faq", ()) if e.has_answer and e.blocks]
    if not entries:
        return []
    first_of = _first_sentences(an)
    out = []
    for e in entries:
        m = _ASKS.match(e.question.strip())
        if m is None:
            continue
        i = _answer_start(first_of, e)
        if i is None:
            continue
        pol = answer_polarity(an.sentences[i].text)
        if pol is not None:
            out.append((i, pol, m.group("rest"), e.question.strip()))
    return out


def _first_sentences(an) -> dict[int, int]:
    """id(block) -> index of the block's first sentence in the analysis."""
    first_of: dict[int, int] = {}
    for i, s in enumerate(an.sentences):
        first_of.setdefault(id(s.block), i)
    return first_of


def _answer_start(first_of: dict[int, int], entry) -> int | None:
    """Index of the first sentence of an FAQ entry's answer, or None."""
    return next((first_of[id(b)] for b in entry.blocks if id(b) in first_of), None)


def _said(pol: str, question: str) -> str:
    """How a yes/no answer is quoted in a message: No, to "Should I put ice on it?"."""
    return f"{'Yes' if pol == '+' else 'No'}, to \"{question}\""


def question_tokens(rest: str) -> list[str]:
    return _WORDS.findall(rest.lower().replace("’", "'"))


def split_condition(toks: list[str]) -> tuple[list[str], list[str]]:
    """The asked action and its condition ("drink beer | if i have gout")."""
    k = next((k for k, t in enumerate(toks) if t in _CONDITION and k > 0), len(toks))
    return toks[:k], toks[k:]


def _cond_words(an, toks: list[str]) -> frozenset:
    from ._advice import GENERIC

    topic = an.topic_words | an.title_words
    return frozenset(t for t in toks if t.isalpha() and t not in GENERIC and t not in topic
                     and t.rstrip("s") not in topic and t not in ("i", "me", "my", "if"))


def group_answer_statements(an, groups, positive_verbs) -> list:
    """Group statements ("cold", "alcohol" ...) of the yes/no FAQ answers."""
    from ...nlp import phrase_tuple
    from ._advice import Statement, _qualifier_words

    out = []
    for i, pol, rest, e_question in yes_no_answers(an):
        toks, cond = split_condition(question_tokens(rest))
        if not toks or toks[0] not in positive_verbs and toks[0] != "need":
            continue  # "should I worry ...", "is it ok to ..." without an advice verb
        for a, b, term in groups.index.find(toks):
            g = groups.owner.get(phrase_tuple(term))
            if g is None or a > 4:
                continue
            narrow = frozenset()
            if pol == "-":
                q = next((k for k in range(b, len(toks)) if toks[k] in _QUAL), None)
                narrow = _qualifier_words(an, toks, q, len(toks)) if q is not None \
                    else frozenset()
            out.append(Statement(i, pol, g, _said(pol, e_question),
                                 _cond_words(an, cond), 0, 0, narrow=narrow,
                                 absolute=pol == "-"))
    return out


def frame_answer_statements(an, verbs: frozenset) -> list:
    """Action-frame statements of the yes/no FAQ answers."""
    from ._advice import Statement

    out = []
    for i, pol, rest, e_question in yes_no_answers(an):
        toks, cond = split_condition(question_tokens(rest))
        if not toks or toks[0] not in verbs:
            continue
        verb = _stem(toks[0])
        verb = "§consume" if verb in CONSUME else "§apply" if verb in APPLY else verb
        objs, _e = _objects(toks, 1)
        out.append(Statement(i, pol, frame_key(verb, objs, an.topic_words),
                             _said(pol, e_question),
                             _cond_words(an, cond), 0, 0, absolute=pol == "-"))
    return out


# the qualifier words of a question ("every day", "at night", "on the skin")
_QUAL = frozenset({"every", "at", "on", "in", "for", "near", "over", "under", "directly",
                   "more", "longer", "than", "before", "after", "during"})


# --------------------------------------------------------------------------- facts

_BE = frozenset({"is", "are", "was", "were"})
_NOT = frozenset({"not", "n't", "never"})
# a property narrowed or hedged is not flatly said or denied
_FACT_NARROW = frozenset({"to", "until", "once", "after", "before", "if", "when", "for", "in",
                          "during", "while", "unless", "only", "from", "by", "at", "than"})
_FACT_HEDGE = frozenset({"usually", "often", "sometimes", "rarely", "mostly", "generally",
                         "normally", "very", "highly", "mildly", "slightly", "less", "more",
                         "most", "least", "quite", "also", "still", "always", "especially",
                         "extremely", "not always", "typically", "only"})


def fact_statements(an, properties: frozenset) -> list:
    """Statements "topic is (not) property" of the body's sentences and of the FAQ's yes/no
    answers to "Is <topic> <property>?"."""
    from ._advice import Statement

    if not properties:
        return []
    topic = an.topic_words
    if not topic:
        return []
    out = []
    for i in an.holding(properties):
        s = an.sentences[i]
        if s.text.rstrip().endswith("?"):
            continue
        st = _fact(an, i, topic, properties)
        if st is not None:
            out.append(Statement(i, st[0], st[1], st[2], frozenset(), 0, 0))
    first_of = None
    for e in getattr(an.doc, "faq", ()):
        m = _IS_QUESTION.match(e.question.strip()) if e.has_answer else None
        if m is None or m.group("prop").lower() not in properties:
            continue
        subj = [w for w in question_tokens(m.group("subj")) if w.isalpha()]
        if not subj or not all(w in topic or w.rstrip("s") in topic for w in subj):
            continue
        if first_of is None:
            first_of = _first_sentences(an)
        i = _answer_start(first_of, e)
        pol = answer_polarity(an.sentences[i].text) if i is not None else None
        if pol is not None:
            out.append(Statement(i, pol, f"fact|{m.group('prop').lower()}",
                                 _said(pol, e.question.strip()),
                                 frozenset(), 0, 0))
    out.sort(key=lambda st: st.index)
    return out


_IS_QUESTION = re.compile(r"^\W*(?:is|are)\s+(?P<subj>[\w\s'-]{2,40}?)\s+(?P<prop>[a-z-]+)\s*\?\s*$",
                          re.I)


def _fact(an, i: int, topic: set, properties: frozenset):
    """(polarity, key, text) of a flat "<topic> is (not) <property>" in sentence i."""
    inf = an.info(i)
    toks = inf.tokens
    k0 = 0
    while k0 < len(toks) and (toks[k0] in ("yes", "no", ",", ".") or toks[k0] in _LEADS):
        k0 += 1
    for k in range(k0, len(toks)):
        if toks[k] not in _BE:
            continue
        subj = [t for t in toks[k0:k] if t.isalpha() and t not in ("the", "a", "an")]
        if not subj or len(subj) > 3 or not all(t in topic or t.rstrip("s") in topic
                                                 for t in subj):
            return None
        j = k + 1
        neg = False
        if j < len(toks) and toks[j] in _NOT:
            neg, j = True, j + 1
        if j >= len(toks) or toks[j] not in properties:
            return None
        tail = toks[j + 1:j + 2]
        if tail and tail[0] in _FACT_NARROW or any(t in _FACT_HEDGE for t in toks[k0:j]):
            return None
        if inf.hedged(k) is not None:
            return None
        return ("-" if neg else "+", f"fact|{toks[j]}", inf.span_text(k0, j + 1))
    return None


_LEADS = frozenset({"so", "but", "and", "also", "however", "actually", "in", "fact"})

