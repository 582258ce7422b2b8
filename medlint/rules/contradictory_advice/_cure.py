"""'There is no cure for hay fever' against 'local honey ... curing hay fever for good'.

Statements that a condition has no cure ("there is no cure for ...", "cannot be cured") and
claims that something cures it: "cures"/"curing" stated flatly, or a removal verb ("wipes
out", "gets rid of", "clears") with a word of permanence ("for good", "permanently", "never
come back"). The two are about the same thing when the claim names a content word of what
the "no cure" sentence names ("the herpes simplex virus" / "wipes out the virus for good"),
or of the article's topic when it names nothing ("There is no cure."). Hedged, negated,
reported or conditional claims ("may cure", "does not cure", "some people claim", "if
caught early") and questions, myth sections and references are left out.
"""

from __future__ import annotations

import re

from .._language import prefilter
from ._advice import Pair, Statement, _by_identity, cached_pairs, lst

_STOP = frozenset("""a an the your this that these those it its of for to and or in on with
    any all some most people person symptom symptoms condition disease illness""".split())
# words before a claim's verb that hedge, negate, report or restrict it
_NOT_A_CLAIM = re.compile(
    r"\b(?:not|no|never|n't|cannot|can|may|might|could|would|help|helps|claim\w*|myth\w*|"
    r"believe\w*|say|says|said|suggest\w*|supposed|promise\w*|if|unless|when|early|some|"
    r"rarely|sometimes|often|occasionally|usually|surgery|transplant\w*)\b", re.I)
_PATTERNS: dict[int, tuple] = {}
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|this)\s+$", re.I)


def _compiled(options: dict) -> tuple:
    def build(o):
        def rx(key):
            alts = lst(o, key)
            return re.compile("|".join(f"(?:{a})" for a in alts), re.I) if alts else None

        words = lst(o, "no_cure_words") + lst(o, "claim_words")
        return rx("no_cure"), rx("cure_verbs"), rx("removal_verbs"), rx("permanence"), \
            prefilter(words) if words else None

    return _by_identity(_PATTERNS, options, build)


def _content(text: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", text.lower())) - _STOP
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}


def cure_statements(an, options: dict) -> tuple[list[Statement], list[Statement]]:
    """(the "no cure" statements, the cure claims), each with the content words of what it is
    about in ``cond`` (a "no cure" statement that names nothing: the topic's words)."""
    no_cure, cure, removal, permanence, pre = _compiled(options)
    if no_cure is None or pre is None:
        return [], []
    nos, claims = [], []
    for i in an.matching(pre):
        text = an.sentences[i].text
        if text.rstrip().endswith("?") or an.in_references(i) or an.in_myth_section(i):
            continue
        m = no_cure.search(text)
        if m is not None:
            what = m.groupdict().get("what") or ""
            about = _content(what) or set(an.topic_words)
            if about:
                nos.append(Statement(i, "no-cure", "cure", m.group(0), frozenset(about)))
            continue
        m = (cure.search(text) if cure is not None else None)
        if m is None and removal is not None and permanence is not None and (
                permanence.search(text)):
            m = removal.search(text)
        if m is None or _NOT_A_CLAIM.search(text, 0, m.start()):
            continue
        claimed = _content(text[m.start():])  # what the claim is about
        if _PRONOUN_BEFORE.search(text, 0, m.start()):
            # "Rosacea is caused by mites, and it can be cured completely": "it" is the
            # condition named before it
            claimed |= _content(text[:m.start()])
        claims.append(Statement(i, "cure", "cure", text[m.start():m.start() + 60].rstrip(),
                                frozenset(claimed)))
    return nos, claims


def cure_pairs(an, options: dict) -> list[Pair]:
    def build():
        nos, claims = cure_statements(an, options)
        out = []
        if not nos or not claims:
            return out
        for c in claims:
            n = next((n for n in nos if n.cond & c.cond and n.index != c.index), None)
            if n is not None:
                earlier, later = (n, c) if n.index < c.index else (c, n)
                out.append(Pair(earlier, later, "cure"))
        out.sort(key=lambda p: p.later.index)
        return out

    return cached_pairs(an, "cure", options, build)
