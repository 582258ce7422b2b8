"""Near-duplicate measures for FAQ answers (no difflib, no scikit-learn).

- answer vs body: word-3-shingle *containment* of the answer in a passage (Broder 1997): an
  answer is short and the body long, so a symmetric score would hide a copied answer;
- answer vs answer: TF-IDF cosine over stop-word-filtered, lightly stemmed words, with the
  document frequencies taken over the answers and the body's paragraphs (words every answer
  shares, such as the topic, weigh little). Pure Python over sparse dicts: FAQs are small.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cached_property, lru_cache
from itertools import chain

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
let me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves may might must yes s t can't don't it's
""".split())


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def shingles(toks: list[str], k: int = 3) -> set[str]:
    """The word k-shingles of ``toks``, each as its words joined by spaces (tokens have no
    spaces): strings are not tracked by the garbage collector, tuples are, and a long article
    has tens of thousands of shingles."""
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return set(map(" ".join, zip(toks, *(toks[i:] for i in range(1, k)), strict=False)))


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s")


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    if not w.endswith(_SUFFIXES):
        return w  # most words: one test instead of one per suffix
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
    return w


def surface_forms(stems) -> set[str]:
    """Every word that ``stem`` could map to one of ``stems`` (and more: check ``stem(w)``)."""
    out = {s + suf for suf in ("", *_SUFFIXES) for s in stems}
    out.update(s[:-1] + suf for s in stems if s.endswith("y") for suf in ("ies", "ied"))
    return out


class Passage:
    """A body passage's (or an FAQ answer's) tokens; its 3-shingles are computed on first use,
    since many passages are never compared (they lie below the FAQ). Callers must not modify
    them."""

    def __init__(self, text: str):
        self.tokens = tokens(text)

    @cached_property
    def shingles(self) -> set[str]:
        return shingles(self.tokens)

    @cached_property
    def content_words(self) -> set[str]:
        """The passage's content words, stemmed (for reworded repeats)."""
        return set(content_words("", self.tokens))


_PASSAGES: dict[str, Passage] = {}


def passage(text: str) -> Passage:
    """The ``Passage`` of a text, memoised by the text: an editor re-lints the same paragraphs
    after every keystroke, and the FAQ rules each read the same answers."""
    hit = _PASSAGES.get(text)
    if hit is None:
        if len(_PASSAGES) > 50_000:
            _PASSAGES.clear()
        hit = _PASSAGES[text] = Passage(text)
    return hit


def is_content(w: str) -> bool:
    return w not in STOP and not w.isdigit() and len(w) > 1


def content_words(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    # is_content written out: this runs for every word of every answer
    return [stem(w) for w in toks if w not in STOP and not w.isdigit() and len(w) > 1]


class TfIdf:
    """TF-IDF vectors of ``docs`` (lists of content words); cosine between two of them."""

    def __init__(self, docs: list[list[str]], others: list[list[str]] = ()):
        """Vectors of ``docs``; IDF from ``docs`` and ``others`` (the body's passages, as lists
        of their tokens). Only the IDF of words in ``docs`` is ever used, so only the tokens of
        ``others`` that stem to such a word count: they are found by generating the few
        surface forms of each of those words, not by stemming the body's whole vocabulary."""
        n = len(docs) + len(others)
        df: Counter = Counter()
        for d in docs:
            df.update(set(d))
        if others:
            forms = surface_forms(df)
            found = [f for f in map(forms.intersection, others) if f]
            known = {w: c for w in set().union(*found) if (c := stem(w)) in df and is_content(w)}
            # each passage counts once per word it holds, whatever forms of it ("pain",
            # "pains"); one update for all of them
            get, forms_known = known.__getitem__, known.keys()
            df.update(chain.from_iterable(set(map(get, forms_known & f)) for f in found))
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vecs = []
        for d in docs:
            tf = Counter(d)
            v = {w: c * self.idf[w] for w, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vecs.append({w: x / norm for w, x in v.items()})

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vecs[i], self.vecs[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    def coverage(self, i: int, j: int) -> float:
        """Share of vector i's weight (squared, so it sums to 1) in words that j also has."""
        b = self.vecs[j]
        return sum(x * x for w, x in self.vecs[i].items() if w in b)
