"""The prose a readability score is computed on (NHS method), grouped in sections.

Paragraphs, list items and headings; every heading and item is its own sentence (the
sentence splitter never glues them to the next one). Left out: code, tables, sections whose
heading matches ``skip_headings`` (references, navigation) and list items that are nothing
but a link (navigation menus and reference lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PROSE = ("paragraph", "item", "heading")
# a word as the sentence and paragraph length limits count it
WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
# URLs count neither as words (sentence length) nor in readability scores
URL = re.compile(r"https?://\S+|www\.\S+")


@dataclass
class ProseSection:
    heading: object | None  # Block
    sentences: list = field(default_factory=list)  # model.Sentence


def _link_only(doc) -> set:
    by_line: dict[int, list[str]] = {}
    for e in doc.links:
        by_line.setdefault(e.line, []).append(" ".join(e.text.split()))
    out = set()
    for b in doc.items:
        t = " ".join(b.text.split())
        if t and t in by_line.get(b.line, []):
            out.add(id(b))
    return out


def _cut_level(doc) -> int:
    levels = [h.level for h in doc.headings]
    for lv in sorted(set(levels)):
        if levels.count(lv) > 1:
            return lv
    return min(levels) if levels else 1


def prose_sections(doc, skip_headings=()) -> list[ProseSection]:
    """Top-level prose sections (cut at the shallowest heading level used more than once)."""
    cache = doc.__dict__.setdefault("_medlint_prose", {})
    key = tuple(skip_headings or ())
    if key in cache:
        return cache[key]
    skips = []
    for p in skip_headings or ():
        try:
            skips.append(re.compile(p, re.I))
        except re.error:
            continue
    nav = _link_only(doc)
    cut = _cut_level(doc)
    by_block: dict[int, list] = {}
    for s in doc.sentences:
        by_block.setdefault(id(s.block), []).append(s)
    out: list[ProseSection] = [ProseSection(None)]
    skipping = False
    skip_level = 0
    for b in doc.flat:
        if b.kind == "heading":
            title = b.text.strip().strip("#*: ").lower()
            if skipping and b.level <= skip_level:
                skipping = False
            if any(r.search(title) for r in skips):
                skipping, skip_level = True, b.level
                continue
            if skipping:
                continue
            if b.level <= cut:
                out.append(ProseSection(b))
            out[-1].sentences.extend(by_block.get(id(b), []))
            continue
        if skipping or b.kind not in PROSE or id(b) in nav:
            continue
        out[-1].sentences.extend(by_block.get(id(b), []))
    result = [s for s in out if s.sentences]
    cache[key] = result
    return result
