"""Readability scores (SMOG, Flesch-Kincaid) on prepared prose, deterministic and offline.

textstat 0.7.13 looks up syllables in NLTK's cmudict and, when the corpus is missing, calls
``nltk.download`` on the first syllable count (a network request; offline it raises
LookupError on every call). ``offline_textstat()`` replaces the module global
``get_cmudict`` that textstat's syllable counter uses with a function returning None, so
textstat falls back to its bundled Pyphen dictionary: no download, no dependence on
whatever NLTK data a machine happens to have, the same score everywhere. textstat is pinned
to the exact version in pyproject.toml because this patches private API; a test fails if
the patch point moves. textstat is imported here lazily, never at module level of a rule,
and without nltk when nothing else has imported it (see ``_import_textstat``).
"""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass

from ._prose import URL

_PATCHED = False
EXPECTED_TEXTSTAT = "0.7.13"


def _no_cmudict(lang: str):  # noqa: ARG001 - textstat's signature
    return None


_no_cmudict.medlint_offline = True  # type: ignore[attr-defined]


def _import_textstat():
    """Import textstat without loading nltk when nltk is not loaded yet.

    textstat imports nltk (about 0.4 s of CPU, nine tenths of textstat's import time) only
    for the cmudict lookup that ``offline_textstat`` replaces. For the first import of
    textstat an empty placeholder module stands in for nltk in ``sys.modules``; it is
    removed again right after, so a later ``import nltk`` anywhere gets the real package.
    Only textstat's cmudict module keeps the placeholder, and it has no ``download``: even
    unpatched, that code could not reach the network.
    """
    if "textstat" in sys.modules or "nltk" in sys.modules:
        import textstat  # noqa: PLC0415 - lazy on purpose

        return textstat
    placeholder = types.ModuleType("nltk", "medlint: stands in for nltk while textstat loads")
    sys.modules["nltk"] = placeholder
    try:
        import textstat  # noqa: PLC0415 - lazy on purpose
    finally:
        if sys.modules.get("nltk") is placeholder:
            del sys.modules["nltk"]
    return textstat


def offline_textstat():
    """textstat with syllables from Pyphen only (never nltk.download). Idempotent."""
    global _PATCHED
    textstat = _import_textstat()
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


# a stop between word characters: 2.5, U.K, e.g. (the "after a word character" test is a
# lookbehind after the stop, so the regex engine scans for the stop itself)
_INNER_STOP = re.compile(r"[.!?](?<=\w[.!?])(?=\w)")
_ABBREVIATIONS = ("e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "approx", "st", "no")
_ABBR_ALT = "|".join(map(re.escape, _ABBREVIATIONS))
_ABBR_STOP = re.compile(rf"\b({_ABBR_ALT})\.", re.I)
_ABBR_END = re.compile(rf"(?:{_ABBR_ALT})\Z", re.I)
_ABBR_LONGEST = max(map(len, _ABBREVIATIONS))
_END_STOP = re.compile(r"[.!?…]+(?=\s)")
_LETTER = re.compile(r"[A-Za-z]")


def _may_have_abbreviation(t: str) -> bool:
    """Whether some full stop follows an abbreviation: a cheap necessary condition for
    ``_ABBR_STOP``, which is slow to scan over a whole sentence (most have none)."""
    i = t.find(".")
    while i != -1:
        if _ABBR_END.search(t, max(0, i - _ABBR_LONGEST), i):
            return True
        i = t.find(".", i + 1)
    return False


def _prepare_one(s: str) -> str | None:
    """One sentence prepared the NHS way (headings and list items are sentences too): URLs
    and inner full stops (2.5, e.g.) removed, other stops inside it made commas, ending
    with exactly one full stop; None when it has no letter."""
    t = URL.sub(" ", s) if ("http" in s or "www." in s) else s
    if _may_have_abbreviation(t):
        t = _ABBR_STOP.sub(r"\1", t)
    t = _INNER_STOP.sub("", t)
    t = _END_STOP.sub(",", t.strip())
    t = " ".join(t.split()).rstrip(" .!?…:;,")
    return t + "." if _LETTER.search(t) else None


Counts = tuple[int, int, int]  # words, syllables, words of 3+ syllables

_SYL: dict[str, int] = {}  # textstat's own cache is small; words repeat across a site


def sentence_counts(sentences: list[str]) -> list[Counts | None]:
    """(words, syllables, words of 3+ syllables) of each sentence once prepared; None for a
    sentence without words. The article score and its section scores add these up.

    Words are textstat's ``list_words`` (punctuation removed, then split on whitespace),
    done once over all the prepared sentences, one per line: the removal never crosses a
    line (it keeps whitespace, and its apostrophe rule looks only at the letters after
    it). Syllables are textstat's ``count_syllables`` (Pyphen), memoised per word."""
    offline_textstat()
    from textstat.backend.counts._count_syllables import count_syllables  # version pinned
    from textstat.backend.transformations._remove_punctuation import remove_punctuation

    lines = "\n".join(_prepare_one(s) or "" for s in sentences)
    # the function itself, not its lru_cache: that would keep 128 whole articles alive
    text = remove_punctuation.__wrapped__(lines, rm_apostrophe=False)
    out: list[Counts | None] = []
    for line in text.lower().split("\n"):
        words = line.split()
        if not words:
            out.append(None)
            continue
        syll = poly = 0
        for w in words:
            n = _SYL.get(w)
            if n is None:
                if len(_SYL) >= 200_000:
                    _SYL.clear()
                n = _SYL[w] = count_syllables(w, "en_US")
            syll += n
            poly += n >= 3
        out.append((len(words), syll, poly))
    return out


def scores_of(counts: list[Counts | None]) -> Scores | None:
    """SMOG and Flesch-Kincaid grade from per-sentence counts (NHS method: every heading
    and list item is a sentence; textstat's own sentence counter drops 1-2 word ones)."""
    n_sent = words = syll = poly = 0
    for c in counts:
        if c is not None:
            n_sent += 1
            words += c[0]
            syll += c[1]
            poly += c[2]
    if not words:
        return None
    smog = 1.043 * (30 * poly / n_sent) ** 0.5 + 3.1291
    fkgl = 0.39 * (words / n_sent) + 11.8 * (syll / words) - 15.59
    return Scores(smog=round(smog, 1), fkgl=round(fkgl, 1), sentences=n_sent, words=words)


def score(sentences: list[str]) -> Scores | None:
    """SMOG and Flesch-Kincaid grade over ``sentences`` (NHS method: one sentence each).

    Counts come from textstat's own word list and (Pyphen) syllable counter, summed per
    sentence; the sentence count is ours."""
    return scores_of(sentence_counts(sentences))
