"""Action frames: opposite advice about the same action, beyond the synonym groups.

The synonym groups of ``advice.yaml`` cover the things advice is most often about (heat,
caffeine, painkillers...). Generated articles also contradict themselves about plain actions:
"Do not stay in bed" after "Staying in bed is the best way to heal", "Do not wake a sleeping
child" before "wake your toddler every 4 hours", "Avoid napping" and "A nap ... helps". A
frame is (polarity, action, object words), read from the start of a clause:

- negative: "do not / don't / never / you should not V ...", "avoid / stop V-ing ...",
  "there is no need to V ...";
- positive: an imperative of one of the ``action_verbs`` ("wake your toddler ..."), "you
  should / try to V ...", or a clause whose subject is the action ("Staying in bed ...", "A
  nap ...") followed by one of the ``positive_after`` phrases ("is the best way", "helps").

Two frames conflict when their actions are the same word (any inflection) and one frame's
object words contain the other's (or neither has any), with opposite polarity and compatible
conditions. To keep precision, a clause that sequences advice ("first", "then", "after",
"until" ...), a negative narrowed by a qualifier ("do not walk on it *too* soon") and a frame
in a question are skipped, as for the synonym groups.
"""

from __future__ import annotations

import re

from .._language import prefilter
from ._pretest import any_of, clause_start, in_a_row, lowered

# determiners, pronouns and fillers that are not what an action is about
_STOP = frozenset("""a an the your their his her its my our any some this that these those it
    them him one ones more less all every each much many few lot lots little bit of in on
    into onto from anything something nothing everything and or too also altogether completely
    entirely totally again well instead""".split())
# words that end the object of an action
_BOUNDARY = frozenset("""to for if when whenever because so as with without during every at
    before after while even than until unless since but , ; : . ! ? ( ) – — - by about like
    just through despite""".split())
# leading words that do not change who acts or what is advised ("so drink coffee as usual");
# not "then" (sequenced advice) and not "no" ("no need to ...", "no coffee")
LEAD = frozenset("""so and but just simply also instead please well now ok okay finally
    otherwise still""".split())
# words that make a clause sequenced advice ("ice it for the first 48 hours", "then use heat"):
# such a clause gives no frame
_SEQUENCE = frozenset("""first then after afterwards before until later once initially stage
    phase""".split())
# words right after a negated action that narrow it ("do not walk on it too soon", "never
# drive while drowsy"): the narrower advice does not contradict the general one
_NARROW = frozenset("""directly too more longer than near over under while during before after for
    until if when unless without only within late close alone straight""".split())
# a word after which the "verb" is a noun: "Use of tampons", "Rest is important"
_IF = frozenset({"if", "when", "unless", "whenever"})
_NOUN_NEXT = frozenset("of is are was were can may might will should could has have".split())
_PEOPLE = {"toddler": "child", "toddlers": "child", "baby": "child", "babies": "child",
           "kid": "child", "kids": "child", "infant": "child", "infants": "child",
           "children": "child", "child": "child", "newborn": "child", "newborns": "child"}
_NEG_PREFIXES = (("do", "not"), ("do", "n't"), ("never",), ("you", "should", "not"),
                 ("you", "should", "n't"), ("you", "must", "not"), ("you", "must", "n't"),
                 ("should", "not"), ("there", "is", "no", "need", "to"), ("no", "need", "to"),
                 ("it", "is", "not", "necessary", "to"), ("you", "do", "not", "need", "to"),
                 ("you", "do", "n't", "need", "to"), ("you", "don't", "need", "to"))
_GERUND_NEG = ("avoid", "stop", "quit")
# "keep typing", "continue taking it": doing on, which any "stop typing ..." contradicts
_GERUND_POS = ("keep", "continue", "carry")
# "avoid X" with no verb: avoiding a thing is not eating, drinking, taking or using it, so it
# is compared with the verbs of consumption below ("Avoid tea and coffee" / "Offer tea")
_AVOID_THING = frozenset({"avoid", "eliminate"})
# verbs of having or consuming a thing: one action, "§consume", for the comparison
CONSUME = frozenset({"eat", "drink", "have", "offer", "include", "try", "sip", "consume",
                     "add", "enjoy"})
# verbs of putting a thing on the body: one action, "§apply" ("Dab toothpaste on the blister"
# / "Should I put toothpaste on a cold sore?" - "No.")
APPLY = frozenset({"put", "apply", "dab", "smear", "spread", "rub", "dot", "place"})
# verbs of standing or walking on a body part, the same act as putting weight on it
_ON_FOOT = frozenset({"walk", "stand", "bear", "hop", "run"})
_WEIGHT = frozenset({"weight", "full", "some", "much"})
# a quantity before the thing: "don't eat enough iron" is about how much, not whether
QUANTITY = frozenset({"enough", "sufficient", "much", "more", "less", "plenty", "extra",
                       "excess", "excessive", "too"})
# object words too general to identify a thing ("foods", "drinks"): two frames must share a
# word beyond these ("Avoid fatty foods" / "Eat foods like oats" are about different things)
_GENERIC_OBJECTS = frozenset({"food", "drink", "thing", "product", "item", "meal", "snack",
                              "something", "stuff", "kind", "type", "amount", "lot", "plenty",
                              "diet", "option"})
_POS_PREFIXES = (("you", "should"), ("try", "to"), ("it", "is", "best", "to"),
                 ("make", "sure", "to"), ("be", "sure", "to"), ("remember", "to"),
                 # permission to go on: "You can keep running through shin splints"
                 ("you", "can", "still"), ("you", "can"))


# verbs whose -ing form drops an "e" (wake/waking): the -ing stem gets it back
_E_VERBS = frozenset("""wake take make use give leave drive bathe breathe squeeze rinse wipe
    place raise move ice shave dance ride smoke scrape soothe rescue continue increase reduce
    exercise practise practice massage type""".split())


def _stem(word: str) -> str:
    """One base form per word, so "staying"/"stay", "napping"/"nap", "waking"/"wake" and
    "toddler"/"child" meet."""
    if word in _PEOPLE:
        return _PEOPLE[word]
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "sl":
            return stem[:-1]  # napping -> nap (but not "dressing")
        return stem + "e" if stem + "e" in _E_VERBS else stem
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]  # plurals and third persons: "naps", "wakes"
    return word


def _objects(toks: list[str], start: int) -> tuple[frozenset, int]:
    words = []
    k = start
    while k < len(toks) and k < start + 6 and toks[k] not in _BOUNDARY and (
            toks[k] not in _NARROW):
        t = toks[k]
        if t in ("and", "or") and k + 1 < len(toks) and toks[k + 1].endswith("ing"):
            break  # "keep typing and working": a second action, not an object
        if t not in _STOP and t.isalpha():
            words.append(_stem(t))
        k += 1
    return frozenset(words), k


_CLAUSE_MARKS = (",", ";", ":", "–", "—", "(", ")")
_CLAUSE_WORDS = ("and", "but", "so")


def _clauses(toks: list[str]):
    """(start, end, after_colon) of each clause. A clause after a colon is often a list of
    things ("Irritants: smoke, dust"), so it gets no imperative reading."""
    start, colon = 0, False
    for k, t in enumerate(toks + [","]):
        if t in _CLAUSE_MARKS or (t in _CLAUSE_WORDS and k > start):
            if k > start:
                yield start, k, colon
            start, colon = k + 1, t == ":"


def frames(an, i: int, verbs: frozenset, pos_after) -> list[tuple]:
    """(polarity, action, objects, token start, token end, clause end) of the clauses of
    sentence i."""
    inf = an.info(i)
    toks = inf.tokens
    out = []
    for a, b, after_colon in _clauses(toks):
        if not _SEQUENCE.isdisjoint(toks[a:b]) and _sequenced(toks, a, b):
            continue  # "ice it for the first 48 hours", "then use heat": sequenced advice
        k = a
        while k < b and toks[k] in LEAD:
            k += 1
        pol = None
        for pre in _NEG_PREFIXES:
            if tuple(toks[k:k + len(pre)]) == pre:
                pol, k = "-", k + len(pre)
                break
        persist = False
        if pol is None and k < b and toks[k] in _GERUND_NEG and k + 1 < b and (
                toks[k + 1].endswith("ing")):
            pol, k = "-", k + 1
        elif pol is None and k + 1 < b and toks[k] in _GERUND_POS and (
                toks[k + 1].endswith("ing") or toks[k + 1] == "on" and k + 2 < b
                and toks[k + 2].endswith("ing")) and not after_colon:
            k += 2 if toks[k + 1] == "on" else 1  # "carry on walking"
            pol, persist = "+", True
        elif pol is None and k + 1 < b and toks[k] in _AVOID_THING and toks[k + 1].isalpha() \
                and toks[k + 1] not in QUANTITY:
            objs, e = _objects(toks, k + 1)  # "avoid calcium-rich foods": a thing, no verb
            if objs:
                out.append(("-", "§consume", objs, a, max(e, k + 1), _clause_end(toks, b, e),
                            False))
            continue
        if pol is None:
            for pre in _POS_PREFIXES:
                if tuple(toks[k:k + len(pre)]) == pre:
                    pol, k = "+", k + len(pre)
                    if k + 1 < b and toks[k] in _GERUND_POS and toks[k + 1].endswith("ing"):
                        k, persist = k + 1, True  # "you can keep running"
                    break
        if pol is None and k + 1 < b and toks[k] in verbs and not after_colon and (
                toks[k + 1] not in _NOUN_NEXT):
            pol = "+"  # an imperative (something follows the verb, and it is not a noun)
        if pol is None and k < b:
            # the action as the clause's subject: "Staying in bed ... is the best way", "A nap
            # ... helps"
            j = k + 1 if toks[k] in ("a", "an", "the") else k
            if j < b and (toks[j].endswith("ing") or _stem(toks[j]) in verbs):
                end = min(len(toks), j + 12)
                for x, _y, _p in pos_after.find(toks[j + 1:end]):
                    if not any(t in (",", ";", "but") for t in
                               toks[j + 1:j + 1 + x]):
                        pol = "+"
                    break
                if pol == "+":
                    objs, _e = _objects(toks, j + 1)
                    out.append(("+", _stem(toks[j]), objs, j, min(len(toks), j + 4), b, False))
                continue
        if pol is None or k >= b or not toks[k].isalpha():
            continue
        verb = _stem(toks[k])
        if verb in CONSUME:
            if toks[k + 1:k + 2] and toks[k + 1] in QUANTITY:
                continue  # "don't eat enough iron", "do not drink too much": how much
            verb = "§consume"  # "do not drink tea", "avoid eating dairy", "offer tea"
        elif verb in APPLY:
            verb = "§apply"
        elif verb in _STOP or verb in ("be", "have", "do", "get", "need", "let", "worry"):
            continue  # "do not be afraid", "do not worry": not an action on something
        objs, e = _objects(toks, k + 1)
        if verb == "§apply" and "weight" in objs or verb in _ON_FOOT and toks[k + 1:k + 2] == ["on"]:
            # "put (any) weight on the ankle", "bear weight on it", "walk on the ankle": one
            # act, bearing weight on a body part
            verb, objs = "§bear-weight", objs - _WEIGHT
        out.append((pol, verb, objs, a, max(e, k + 1), _clause_end(toks, b, e), persist))
    out.extend(_thing_helps(toks, pos_after))
    return out


# a time of day after "before"/"after": a routine, not a step in a sequence ("before bed")
DAILY = frozenset({"bed", "bedtime", "sleep", "sleeping", "meals", "meal", "breakfast",
                    "lunch", "dinner", "supper"})


def _sequenced(toks: list[str], a: int, b: int) -> bool:
    """Whether a sequence word of the clause makes it a step ("then use heat", "for the
    first 48 hours"); "before bed", "after meals" are times of day."""
    return any(t in _SEQUENCE and not (t in ("before", "after") and k + 1 < b
                                       and toks[k + 1] in DAILY)
               for k, t in enumerate(toks[a:b], a))


def _clause_end(toks: list[str], end: int, objects_end: int) -> int:
    """The end of a frame's clause: where ``_clauses`` ended it, or, when its objects run on
    past an "and" ("Avoid oats and linseeds if you have coeliac disease"), the next clause
    mark after them, so a condition after the objects is the frame's."""
    if objects_end <= end:
        return end
    return next((k for k in range(objects_end, len(toks)) if toks[k] in _CLAUSE_MARKS),
                len(toks))


# words that make a sentence's opening more than a thing: a person, a verb, a condition, a
# negation ("If you eat oats, they can help" is not "oats can help")
_NOT_A_THING = frozenset("""you i we they he she it this that which who whom what is are was
    were be been being has have had do does did can could may might will would should must
    if when unless because not no never n't without avoid stop""".split())
_EXAMPLE_MARKS = ("such", "like", "including", "especially")


def _thing_helps(toks: list[str], pos_after) -> list[tuple]:
    """A thing said to help at the start of a sentence: "Oats can help ...", "Soluble
    fibre, such as oats and linseeds, can help ..." — having it, advised ("§consume"), with
    the examples as the thing when there are any (what "Avoid oats and linseeds" names)."""
    k0 = 0
    while k0 < len(toks) and toks[k0] in LEAD:
        k0 += 1
    for x, _y, _p in pos_after.find(toks[k0:k0 + 16]):
        subj = toks[k0:k0 + x]
        if not subj or not _NOT_A_THING.isdisjoint(subj) or subj[0].endswith("ing"):
            return []  # a person's act ("If you eat oats"), or an action ("losing weight")
        ex = next((j for j, t in enumerate(subj) if t in _EXAMPLE_MARKS), None)
        if ex is not None:
            j = ex + (2 if subj[ex] == "such" and subj[ex + 1:ex + 2] == ["as"] else 1)
            part = []
            for t in subj[j:]:
                if t in (",", ")", ";", "–", "—"):
                    break
                part.append(t)
        elif len(subj) <= 4 and all(t.isalpha() for t in subj):
            part = subj
        else:
            return []
        objs = frozenset(_stem(t) for t in part if t.isalpha() and t not in _STOP)
        return [("+", "§consume", objs, k0, k0 + x, len(toks), False)] if objs else []
    return []


# the start of every negative frame, and what may stand before a positive frame's action
# (a clause start, a positive prefix or an article: "Staying in bed", "try to wake", "a nap"),
# spelled on the sentence's text (see _pretest)
_AT_CLAUSE_START = clause_start(_CLAUSE_MARKS + _CLAUSE_WORDS, LEAD)
_NEG_CUE = re.compile(_AT_CLAUSE_START + any_of(
    [in_a_row(p) for p in _NEG_PREFIXES] + [any_of(_GERUND_NEG) + r" ?\S*ing",
                                            any_of(_AVOID_THING) + r" \w"]))
_BEFORE_ACTION = re.compile(
    _AT_CLAUSE_START + "(?:" + any_of([in_a_row(p) for p in _POS_PREFIXES]) + r" ?)?(?:"
    + any_of(["a", "an", "the", any_of(_GERUND_POS) + "(?: on)?"]) + r" ?)?\Z")


def _action_forms(actions) -> set[str]:
    """How a token for one of ``actions`` starts: with the action (its -ing and -s forms too),
    or with the action without its final "e" ("waking"); or it is a word _stem() maps to it
    ("toddler"). "§consume" stands for the verbs of consumption."""
    if "§consume" in actions:
        actions = (set(actions) - {"§consume"}) | CONSUME
    if "§apply" in actions:
        actions = (set(actions) - {"§apply"}) | APPLY
    if "§bear-weight" in actions:
        actions = (set(actions) - {"§bear-weight"}) | APPLY | _ON_FOOT
    return {a[:-1] if a.endswith("e") else a for a in actions} | {
        w for w, a in _PEOPLE.items() if a in actions}


def _may_advise(text: str, forms: set[str]) -> bool:
    """Whether the text could hold a positive frame of an action with these ``forms``: one
    of them stands where a positive frame's action does."""
    for form in forms:
        at = text.find(form)
        while at != -1:
            if _BEFORE_ACTION.search(text, 0, at):  # \Z: ends right before the form
                return True
            at = text.find(form, at + 1)
    return False


def frame_statements(an, options: dict, pos_after) -> list:
    """The group detector's ``Statement``s for action frames, in order.

    Cheap first: the negated actions come from the sentences with a negative advice word, then
    the statements from the sentences that name one of them. Only frames of an action that is
    both negated and advised somewhere can make a pair, so only those become statements, and
    the text tests above keep the sentences that cannot hold one from being tokenised."""
    from ...nlp import inflections
    from ._advice import (  # _advice imports us
        Statement,
        _by_identity,
        _qualifier_words,
        condition_words,
        qualified_positive,
    )
    from ._answers import frame_answer_statements

    verbs = _by_identity(_VERBS, options, lambda o: frozenset(
        str(v).lower() for v in o.get("action_verbs") or ()))
    if not verbs:
        return []
    neg_pre = prefilter(("do not", "don't", "never", "avoid", "no need", "should not",
                         "shouldn't", "stop", "not necessary", "must not"))
    negating = {i: frames(an, i, verbs, pos_after) for i in an.matching(neg_pre)
                if not _skip(an, i) and _NEG_CUE.search(lowered(an, i))}
    # the FAQ's "Should I ...?" answered yes or no: frames with no sentence of their own
    answered = frame_answer_statements(an, verbs)
    wanted = set()
    for verb in [f[1] for got in negating.values() for f in got if f[0] == "-"] + [
            st.key.split("|", 1)[0] for st in answered if st.kind == "-"]:
        for v in (CONSUME if verb == "§consume" else APPLY if verb == "§apply" else
                  APPLY | _ON_FOOT if verb == "§bear-weight" else (verb,)):
            wanted |= inflections(v)
    if not wanted:
        return []
    naming = sorted(set(negating) | {i for i in an.holding(frozenset(wanted))
                                     if not _skip(an, i)})
    # the frames of these sentences: first of those that can negate, then of those that can
    # advise one of the actions they negate
    found = {i: negating[i] if i in negating else frames(an, i, verbs, pos_after)
             for i in naming if _NEG_CUE.search(lowered(an, i))}
    negated = frozenset(f[1] for got in found.values() for f in got if f[0] == "-") | {
        st.key.split("|", 1)[0] for st in answered if st.kind == "-"}
    if not negated:
        return []
    forms = _action_forms(negated)
    for i in naming:
        if i not in found and _may_advise(lowered(an, i), forms):
            found[i] = frames(an, i, verbs, pos_after)
    if "§consume" in negated:  # "Avoid oats": the sentences that name oats and may praise them
        things = {w for got in found.values() for f in got if f[0] == "-" and f[1] == "§consume"
                  for o in f[2] for w in (o, o + "s", o + "es")}
        for i in an.holding(frozenset(things)) if things else ():
            if i not in found and not _skip(an, i) and pos_after.find(an.info(i).tokens[:20]):
                found[i] = frames(an, i, verbs, pos_after)
    both = negated & ({f[1] for got in found.values() for f in got if f[0] == "+"} | {
        st.key.split("|", 1)[0] for st in answered if st.kind == "+"})
    out = [st for st in answered if st.key.split("|", 1)[0] in both]
    seen = set()
    for i in sorted(found):
        inf = an.info(i)
        toks = inf.tokens
        for pol, verb, objs, a, e, clause_end, persist in found[i]:
            tail = toks[e:e + 4]
            q = next((e + k for k, t in enumerate(tail) if t in _NARROW), None)
            # "do not walk on it too soon", "stop typing for at least two weeks": narrower
            # than "walk on it" or "type", so they meet only advice that says the same
            # words, or that says to keep doing it
            narrow = _qualifier_words(an, toks, q, clause_end) if pol == "-" and q is not None \
                else frozenset()
            if pol == "-" and q is not None and not narrow and toks[q] not in _IF and (
                    toks[q:q + 3] != ["for", "at", "least"]):
                # "too", "more": narrow all the same; a condition that is only the topic
                # ("if you have IBS" in an article on IBS) does not narrow anything
                narrow = frozenset({toks[q]})
            if pol == "+" and qualified_positive(toks, e):
                continue
            if (i, a) in seen:
                continue
            seen.add((i, a))
            if verb not in both:
                continue  # nothing it could contradict
            # "Stop running completely", "never ...": no case of the positive is left out
            absolute = pol == "-" and bool(_ALL_CASES.intersection(toks[a:clause_end]))
            out.append(Statement(i, pol, frame_key(verb, objs, an.topic_words),
                                 inf.span_text(a, min(len(toks), e)),
                                 condition_words(an, i, clause=(a, clause_end)), a, e,
                                 narrow=narrow, persist=persist, absolute=absolute))
    out.sort(key=lambda st: st.index)
    return out


_ALL_CASES = frozenset({"never", "completely", "altogether", "entirely"})
_VERBS: dict[int, tuple] = {}  # options -> its action verbs, lower-cased (built once per run)


def frame_key(verb: str, objs: frozenset, topic: set) -> str:
    """A frame's key: its action and object words, without the words of the article's topic,
    which every sentence is about ("put toothpaste on a cold sore" in an article on cold
    sores is "put toothpaste"), unless nothing else is left."""
    objs = objs - _STATE or objs  # "the injured ankle" is the ankle
    kept = {o for o in objs if o not in topic and o + "s" not in topic} or objs
    return f"{verb}|{'|'.join(sorted(kept))}"


# words for the state of the body part advice is about: not another thing ("put weight on
# the injured ankle" / "walk on the ankle")
_STATE = frozenset({"injured", "affected", "sore", "painful", "hurt", "hurting", "swollen",
                    "inflamed", "sprained", "damaged", "bad", "tender"})


def _skip(an, i: int) -> bool:
    s = an.sentences[i]
    return s.text.rstrip().endswith("?") or an.in_references(i)


def same_action(key_a: str, key_b: str) -> bool:
    """Same action on the same thing: one frame's object words contain the other's ("wake
    your toddler" and "wake a sleeping child"), or neither names an object. Overlap alone is
    not enough: "put ice on the skin" is not "put ice on the swelling"."""
    va, _, oa = key_a.partition("|")
    vb, _, ob = key_b.partition("|")
    if va != vb:
        return False
    sa, sb = set(filter(None, oa.split("|"))), set(filter(None, ob.split("|")))
    if not sa or not sb:
        return not sa and not sb and va != "§consume"  # consuming what? a thing is needed
    if va == "§consume":  # having a thing: the same thing ("tea and coffee" / "tea or
        # coffee"), not one that names more ("fluid" / "fluid loss", "eye" / "eye strain")
        sa, sb = sa - _GENERIC_OBJECTS, sb - _GENERIC_OBJECTS
        return bool(sa) and sa == sb
    return (sa <= sb or sb <= sa) and bool((sa & sb) - _GENERIC_OBJECTS)
