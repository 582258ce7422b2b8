"""Shared, lazily loaded access to the language layer for rule families that use it.

``medlint.nlp`` is imported on first use only, so importing a rule module costs nothing; the
phrase indexes and prefilters are built once per list of phrases and shared by every rule.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def phrase_index(phrases: tuple, gaps: frozenset = frozenset()):
    from ..nlp import PhraseIndex

    return PhraseIndex(phrases, gaps)


@lru_cache(maxsize=256)
def prefilter(phrases: tuple):
    from ..nlp import Prefilter

    return Prefilter(phrases)


def analyse_with(doc, options: dict):
    """The document's shared language analysis, with the rule's extra ``cues`` option."""
    from ..nlp import analyse

    return analyse(doc, options.get("cues") or None)
