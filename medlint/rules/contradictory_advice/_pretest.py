"""Tests on a sentence's text that tell, before it is tokenised, that it cannot hold a statement.

The detectors read advice from spaCy tokens: a cue at the start of a clause ("do not",
"avoid", "apply"), an object, an evaluative phrase after it ("... helps"). Tokenising costs far
more than a regular expression, and most sentences that name a thing advice is about hold no
advice on it, so each detector first runs patterns that spell its token sequences on the
sentence's lower-cased text and tokenises only the sentences they match.

The patterns rest on how spaCy tokenises: tokens are slices of the text, each followed by one
space at most (more whitespace, or any other whitespace character, is a token of its own), and
a token other than whitespace holds no whitespace. So tokens t1, t2 in a row read "t1t2" or
"t1 t2" in the text. The patterns may match more than the tokens would (a clause mark or a
word inside a longer word), never less: a sentence they do not match has no such statement.
"""

from __future__ import annotations

import re


def lowered(an, i: int) -> str:
    """Sentence i of the Analysis, lower-cased as its tokens are."""
    return an.sentences[i].text.lower().replace("’", "'")


def any_of(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")"


def in_a_row(words) -> str:
    """Tokens that are exactly ``words``, one after the other."""
    return " ?".join(map(re.escape, words))


def clause_start(marks, lead) -> str:
    """The start of a clause: the sentence start or a clause mark (a punctuation token or a
    word in ``marks``), then any of the ``lead`` words."""
    chars = [m for m in marks if len(m) == 1 and not m.isalnum()]
    words = [re.escape(m) for m in marks if m not in chars]
    return (any_of(["^", "[" + "".join(map(re.escape, chars)) + "]", *words]) + " ?"
            + "(?:" + any_of(map(re.escape, sorted(lead))) + " ?)*")


def word_form(word: str) -> str:
    """The start of every token one of whose ``nlp.base_forms`` is ``word``: the word, or the
    word without a final "e" or "y" ("curing", "studies"), or an irregular form ("took")."""
    from ...nlp import inflections

    stem = word[:-1] if word.endswith(("e", "y")) else word
    irregular = {f for f in inflections(word) if not f.startswith(stem)}
    return any_of(re.escape(f) for f in sorted({stem} | irregular))


def phrase(words) -> str:
    """Tokens in a row whose base forms include ``words`` (as a ``PhraseIndex`` finds them)."""
    return r"\S* ?".join(map(word_form, words))
