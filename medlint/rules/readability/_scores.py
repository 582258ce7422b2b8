"""Readability scores (SMOG, Flesch-Kincaid) on prepared prose, deterministic and offline.

textstat 0.7.13 looks up syllables in NLTK's cmudict and, when the corpus is missing, calls
``nltk.download`` on the first syllable count (a network request; offline it raises
LookupError on every call). ``offline_textstat()`` replaces the module global
``get_cmudict`` that textstat's syllable counter uses with a function returning None, so
textstat falls back to its bundled Pyphen dictionary: no download, no dependence on
whatever NLTK data a machine happens to have, the same score everywhere. textstat is pinned
to the exact version in pyproject.toml because this patches private API; a test fails if
the patch point moves. textstat (and nltk, which it imports) is imported here lazily, never
at module level of a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATCHED = False
EXPECTED_TEXTSTAT = "0.7.13"


def _no_cmudict(lang: str):  # noqa: ARG001 - textstat's signature
    return None


_no_cmudict.medlint_offline = True  # type: ignore[attr-defined]


def offline_textstat():
    """textstat with syllables from Pyphen only (never nltk.download). Idempotent."""
    global _PATCHED
    import textstat  # noqa: PLC0415 - lazy on purpose
    from textstat.backend.counts import _count_syllables  # private API, version pinned

    if not _PATCHED or not getattr(_count_syllables.get_cmudict, "medlint_offline", False):
        _count_syllables.get_cmudict = _no_cmudict
        try:  # the re-exported name, in case another module starts using it
            from textstat.backend import utils as _utils

            _utils.get_cmudict = _no_cmudict
        except ImportError:  # pragma: no cover
            pass
        _PATCHED = True
    return textstat


@dataclass
class Scores:
    smog: float
    fkgl: float
    sentences: int
    words: int


_URL = re.compile(r"https?://\S+|www\.\S+")
_INNER_STOP = re.compile(r"(?<=\w)[.!?](?=\w)")  # e.g. 2.5, U.K, e.g.
_ABBR_STOP = re.compile(r"\b(e\.g|i\.e|etc|vs|dr|mr|mrs|ms|approx|st|no)\.", re.I)


_END_STOP = re.compile(r"[.!?…]+(?=\s)")
_LETTER = re.compile(r"[A-Za-z]")
_PREPARED: dict[str, str | None] = {}


def _prepare_one(s: str) -> str | None:
    """One sentence prepared (memoised: the article and its sections share sentences)."""
    hit = _PREPARED.get(s, False)
    if hit is not False:
        return hit
    t = _URL.sub(" ", s) if ("http" in s or "www." in s) else s
    if "." in t:
        t = _ABBR_STOP.sub(r"\1", t)
    t = _INNER_STOP.sub("", t)
    t = _END_STOP.sub(",", t.strip())
    t = " ".join(t.split()).rstrip(" .!?…:;,")
    out = t + "." if _LETTER.search(t) else None
    if len(_PREPARED) > 200_000:
        _PREPARED.clear()
    _PREPARED[s] = out
    return out


def prepare(sentences: list[str]) -> str:
    """One line per sentence, each ending with exactly one full stop (NHS method: headings
    and list items are sentences); URLs and inner full stops removed."""
    out = []
    for s in sentences:
        t = _prepare_one(s)
        if t is not None:
            out.append(t)
    return "\n".join(out)


_COUNTS: dict[str, tuple[int, int, int]] = {}
_SYL: dict[str, int] = {}  # textstat's own cache is small; words repeat across a site


def _counts(sentence: str) -> tuple[int, int, int] | None:
    """(words, syllables, words of 3+ syllables) of one prepared sentence, memoised: the
    article score and its section scores share the work."""
    hit = _COUNTS.get(sentence)
    if hit is not None:
        return hit
    offline_textstat()
    from textstat.backend.counts._count_syllables import count_syllables  # version pinned
    from textstat.backend.selections._list_words import list_words

    words = list_words(sentence)
    if not words:
        return None
    per = []
    for w in words:
        w = w.lower()
        n = _SYL.get(w)
        if n is None:
            n = _SYL[w] = count_syllables(w, "en_US")
        per.append(n)
    out = (len(words), sum(per), sum(1 for n in per if n >= 3))
    if len(_COUNTS) > 100_000:
        _COUNTS.clear()
    if len(_SYL) > 200_000:
        _SYL.clear()
    _COUNTS[sentence] = out
    return out


def score(sentences: list[str]) -> Scores | None:
    """SMOG and Flesch-Kincaid grade over ``sentences`` (NHS method: one sentence each).

    Counts come from textstat's own word list and (Pyphen) syllable counter, summed per
    sentence; the sentence count is ours, so every heading and list item counts as a
    sentence as the NHS method asks (textstat's own counter drops 1-2 word "sentences")."""
    text = prepare(sentences)
    if not text:
        return None
    n_sent = words = syll = poly = 0
    for line in text.split("\n"):
        c = _counts(line)
        if c is None:
            continue
        n_sent += 1
        words += c[0]
        syll += c[1]
        poly += c[2]
    if not words:
        return None
    smog = 1.043 * (30 * poly / n_sent) ** 0.5 + 3.1291
    fkgl = 0.39 * (words / n_sent) + 11.8 * (syll / words) - 15.59
    return Scores(smog=round(smog, 1), fkgl=round(fkgl, 1), sentences=n_sent, words=words)
