"""Shared helpers of the unsupported-claim rules (matching lists, evidence scope, messages)."""

from __future__ import annotations

import re
from functools import lru_cache

from .._language import analyse_with, phrase_index
from .._language import prefilter as _prefilter

__all__ = ["index_of", "prefilter"]  # for the UC rules

_CLITIC = re.compile(r"(?<=\w)(['’](?:s|re|ve|ll|d|m)|n['’]t)\b", re.I)


@lru_cache(maxsize=256)  # called per document with the run's (few) phrase lists
def _tokenised(phrases: tuple) -> tuple:
    """Phrases split as the tokenizer splits text: "there's evidence" is matched against the
    tokens "there" "'s" "evidence", "alzheimer's" against "alzheimer" "'s"; written as one
    word, such a phrase would never match."""
    return tuple(_CLITIC.sub(r" \1", str(p)) for p in phrases)


def index_of(phrases: tuple, gaps: tuple = ()):
    return phrase_index(_tokenised(tuple(phrases)), frozenset(gaps))


def prefilter(phrases: tuple):
    return _prefilter(_tokenised(tuple(phrases)))

CITE = "HONcode 5; JAMA attribution; DISCERN 4"
SCOPES = ("sentence", "paragraph", "article")
SCOPE_WORDS = {
    "sentence": "in the sentence",
    "paragraph": "in the sentence or its paragraph",
    "article": "in the sentence, its paragraph or a references section",
}
PERSONS = {"doctor", "doctors", "gp", "gps", "nurse", "nurses", "pharmacist", "you", "we",
           "they", "surgeon", "surgeons", "specialist", "specialists", "physician", "dentist",
           "physicians", "team", "provider", "midwife", "he", "she", "i"}


def opt_list(ctx, key: str) -> tuple:
    """The option as a tuple of strings, built once per run: a rule's options are one dict
    for the whole run (held by the Linter, like ``ctx.shared``), so its id is a stable key."""
    memo = ctx.shared.setdefault("UC-option-lists", {})
    got = memo.get((id(ctx.options), key))
    if got is None:
        got = memo[(id(ctx.options), key)] = tuple(str(x) for x in (ctx.options.get(key) or ()))
    return got


def language(doc, ctx):
    """The shared analysis, in which shop and affiliate links (undisclosed-commercial-link's
    URL patterns) are no evidence for a claim: "cure shin splints, and we've had great
    results with [these sleeves](https://www.amazon.com/...)" cites nothing."""
    an = analyse_with(doc, ctx.options)
    if doc.links:
        if "UC-commercial-link-test" not in ctx.shared:
            from .uc006_no_sources import _commercial_link_test

            ctx.shared["UC-commercial-link-test"] = _commercial_link_test(ctx, False)
        an.drop_links(ctx.shared["UC-commercial-link-test"])
    return an


def scope_of(ctx) -> str:
    s = str(ctx.options.get("scope", "paragraph")).lower()
    return s if s in SCOPES else "paragraph"


def all_supported(an, scope: str) -> bool:
    """At article scope, a references section or sources line supports every sentence:
    the rule has nothing to report and need not tokenise anything."""
    return scope == "article" and bool(an.article_evidence)


def quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def report_sentence(ctx, an, i: int, message: str, start_tok: int | None = None,
                    end_tok: int | None = None):
    s = an.sentences[i]
    if start_tok is not None:
        inf = an.info(i)
        line, col = inf.pos(start_tok)
        e_line, e_col = inf.pos(end_tok) if end_tok is not None and end_tok < len(
            inf.tokens) else (s.end_line, s.end_col)
        if (e_line, e_col) <= (line, col):
            e_line, e_col = line, col + 1
        ctx.report(line, col, message, end_line=e_line, end_col=e_col)
    else:
        ctx.report(s.line, s.col, message, end_line=s.end_line, end_col=s.end_col)
