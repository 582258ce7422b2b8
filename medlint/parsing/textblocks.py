"""Plain text (scraped pages) into Blocks, and bullet lines inside paragraphs into lists.

Scraped text has no markup: headings are short lines on their own, bullets are written as
``•``, ``-``, ``*`` or ``1.``. The same bullet splitting serves Markdown paragraphs, where
CommonMark does not know ``•`` as a list marker.
"""

from __future__ import annotations

import re

from ..model import Block

BULLET = re.compile(r"^(?P<indent>\s*)(?P<marker>[•·▪●◦‣∙■□➢➤►✓✔–]|[-*+](?=\s)|\d{1,3}[.)](?=\s))\s*(?P<text>.*)$")
SOFT_BULLET = re.compile(r"^\s*[•·▪●◦‣∙■□➢➤►✓✔]")  # bullets that need no space after them
_ANY_SOFT_BULLET = re.compile(SOFT_BULLET.pattern, re.M)  # some line of a text starts with one


def _is_bullet(line: str, markdown: bool) -> re.Match | None:
    m = BULLET.match(line)
    if not m:
        return None
    if markdown and not SOFT_BULLET.match(line):
        return None  # in Markdown, '-', '*', '1.' are real list syntax already
    return m


def split_bullet_lines(block: Block, markdown: bool = True) -> list[Block]:
    """Split a paragraph whose lines start with bullets into paragraph + list blocks."""
    if block.kind != "paragraph" or not block.text:
        return [block]
    if markdown and (block.text.isascii() or not _ANY_SOFT_BULLET.search(block.text)):
        # the common case, decided by one search instead of a match per line, and without
        # the search when the text is ASCII (every soft bullet is not; isascii is a flag)
        return [block]
    lines = block.text.split("\n")
    if not any(_is_bullet(ln, markdown) for ln in lines):
        return [block]
    out: list[Block] = []
    cols = list(block.line_cols) + [1] * (len(lines) - len(block.line_cols))
    para: list[int] = []
    lst: Block | None = None

    def flush_para():
        nonlocal para
        if para:
            a = para[0]
            out.append(Block(kind="paragraph", line=block.line + a, col=cols[a],
                             end_line=block.line + para[-1], text="\n".join(lines[i] for i in para),
                             source=block.source, attrs=dict(block.attrs),
                             line_cols=tuple(cols[i] for i in para)))
            para = []

    for i, ln in enumerate(lines):
        m = _is_bullet(ln, markdown)
        if m:
            flush_para()
            if lst is None:
                lst = Block(kind="list", line=block.line + i, col=cols[i], end_line=block.line + i,
                            source=block.source, ordered=m.group("marker")[0].isdigit())
                out.append(lst)
            text = m.group("text").strip()
            item = Block(kind="item", line=block.line + i, col=cols[i], end_line=block.line + i,
                         text=text, marker=m.group("marker"), source=block.source, parent=lst,
                         ordered=lst.ordered, number=m.group("marker") if lst.ordered else "",
                         line_cols=(cols[i] + m.start("text"),))
            lst.children.append(item)
            lst.end_line = block.line + i
        elif lst is not None and ln.strip() and not para and lst.children and ln.startswith((" ", "\t")):
            # continuation of the previous item
            last = lst.children[-1]
            last.text += "\n" + ln.strip()
            last.end_line = lst.end_line = block.line + i
            last.line_cols = last.line_cols + (cols[i],)
        else:
            lst = None
            para.append(i)
    flush_para()
    return out


_END_PUNCT = re.compile(r"[.,;:!…\"'”)]$")


def _heading_like(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 90 or _END_PUNCT.search(s):
        return False
    words = s.split()
    if len(words) > 12:
        return False
    first = s.lstrip("0123456789.) ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def parse_text(lines: list[str], offset: int = 0) -> list[Block]:
    """Blocks of a plain-text page: headings, paragraphs and lists with exact lines."""
    chunks: list[tuple[int, list[str]]] = []
    cur: list[str] = []
    start = offset
    for i in range(offset, len(lines) + 1):
        line = lines[i] if i < len(lines) else ""
        if line.strip():
            if not cur:
                start = i
            cur.append(line)
        elif cur:
            chunks.append((start, cur))
            cur = []
    blocks: list[Block] = []
    seen_heading = False
    for n, (start, chunk) in enumerate(chunks):
        cols = tuple(len(c) - len(c.lstrip()) + 1 for c in chunk)
        para = Block(kind="paragraph", line=start + 1, col=cols[0], end_line=start + len(chunk),
                     text="\n".join(c.strip() for c in chunk), source="text", line_cols=cols)
        nxt = chunks[n + 1][1] if n + 1 < len(chunks) else None
        if len(chunk) == 1 and _heading_like(chunk[0]) and not (
            BULLET.match(chunk[0]) and not _numbered_heading(chunk[0], nxt)
        ):
            from .markdown import heading_number

            text = chunk[0].strip()
            blocks.append(Block(kind="heading", line=start + 1, col=cols[0], end_line=start + 1,
                                text=text, level=2 if seen_heading else 1, source="text",
                                number=heading_number(text), line_cols=cols))
            seen_heading = True
            continue
        for piece in split_bullet_lines(para, markdown=False):
            prev = blocks[-1] if blocks else None
            if (piece.kind == "list" and prev is not None and prev.kind == "list"
                    and prev.ordered == piece.ordered):
                # bullets separated by blank lines are still one list
                for it in piece.children:
                    it.parent = prev
                prev.children.extend(piece.children)
                prev.end_line = piece.end_line
                continue
            blocks.append(piece)
    return blocks


def _numbered_heading(line: str, nxt: list[str] | None) -> bool:
    """'1. Dehydration' alone on a line, followed by a paragraph, is a numbered heading."""
    m = BULLET.match(line)
    if not m or not m.group("marker")[0].isdigit() or nxt is None:
        return False
    return not BULLET.match(nxt[0]) and (len(nxt) > 1 or len(nxt[0].split()) > 12)
