"""A fast sentence splitter over block text, with source positions.

Structural rules need sentences without paying for spaCy; the language layer (spaCy's
sentencizer) is used only by rules that need tokens. A heading or list item is its own
unit and is never glued to the next sentence, because sentences are split per block.
"""

from __future__ import annotations

import re

from .model import Block, Sentence

_ABBREV = {
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "fig", "approx",
    "inc", "ltd", "jr", "sr", "al", "cf", "dept", "est", "min", "max", "mg", "ml", "oz", "lb",
    "lbs", "u.s", "u.k", "a.m", "p.m", "ph.d", "m.d", "b.s", "vol", "pp", "ca", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# abbreviations only before a number ("No. 5", "Fig. 2"): before a word they are the word
# ("No. Never put ice on a joint", the answer of an FAQ)
_BEFORE_NUMBER = {"no", "fig", "vol", "pp"}
# a candidate boundary: end punctuation and optional closing quotes/brackets (group 1), then
# the whitespace up to the next sentence (or the end of the text). ``[.!?…][.!?…]*`` rather
# than ``[.!?…]+``: a pattern that opens with a character set lets the regex engine skip to
# the next candidate character instead of trying a match at every position
_BOUNDARY = re.compile(r"([.!?…][.!?…]*[\"'”’)\]]*)(?:\s+|$)")


_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower case, punctuation and markup removed, spaces collapsed: the runs of word
    characters, joined by single spaces (one regex pass). For comparing texts as written."""
    return " ".join(_WORD.findall(text.lower()))


def split_text(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = n - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        end = m.end(1)
        if end <= start:
            continue
        nxt = m.end()  # the next sentence starts after the whitespace
        if text[m.start()] == ".":
            if nxt < n and (text[nxt].islower() or text[nxt] in ",;:"):
                continue  # "approx. five" or a decimal-like break
            # the word before the punctuation: the last run after the last whitespace
            # character ("" when ``before`` ends in one)
            before = text[start : m.start()]
            word = "" if before and before[-1].isspace() else (before.rsplit(None, 1) or [""])[-1]
            word = word.lower().rstrip(".")
            if word in _BEFORE_NUMBER and not (nxt < n and (text[nxt].isdigit() or
                                                             text[nxt] == "#")):
                pass  # "No. Never put ice on it" is two sentences; "No. 5" one
            elif word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((start, end))
        start = nxt
    if start < n and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def split_block(block: Block) -> list[Sentence]:
    text = block.text
    spans = split_text(text)
    # positional arguments: Sentence(text, line, col, end_line, end_col, block, start, end)
    if "\n" in text:
        pos_of = block.pos_of
        return [Sentence(text[s:e], *pos_of(s), *pos_of(e), block, s, e) for s, e in spans]
    # one line (most blocks): the position of offset k is (line, first column + k), as
    # block.pos_of gives it, without a call per offset
    line, col = block.line, block.first_col
    return [Sentence(text[s:e], line, col + s, line, col + e, block, s, e) for s, e in spans]
