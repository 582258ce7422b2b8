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
from functools import lru_cache

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


def shingles(toks: list[str], k: int = 3) -> set[tuple]:
    if len(toks) < k:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + k]) for i in range(len(toks) - k + 1)}


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
    return w


_PASSAGES: dict[str, tuple[list[str], set[tuple], list[str]]] = {}


def passage_views(text: str) -> tuple[list[str], set[tuple], list[str]]:
    """(tokens, 3-shingles, content words) of a passage, memoised by its text: an editor
    re-lints the same paragraphs after every keystroke. Callers must not modify them."""
    hit = _PASSAGES.get(text)
    if hit is None:
        toks = tokens(text)
        hit = (toks, shingles(toks), content_words("", toks))
        if len(_PASSAGES) > 50_000:
            _PASSAGES.clear()
        _PASSAGES[text] = hit
    return hit


def content_words(text: str, toks: list[str] | None = None) -> list[str]:
    toks = tokens(text) if toks is None else toks
    return [stem(w) for w in toks if w not in STOP and not w.isdigit() and len(w) > 1]


class TfIdf:
    """TF-IDF vectors of ``docs`` (lists of content words); cosine between two of them."""

    def __init__(self, docs: list[list[str]], vectors_for: int | None = None):
        """IDF from all ``docs``; vectors only for the first ``vectors_for`` (default all)."""
        n = len(docs)
        df: Counter = Counter()
        for d in docs:
            df.update(set(d))
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vecs = []
        for d in docs[:vectors_for]:
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
