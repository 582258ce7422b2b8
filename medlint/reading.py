"""Reading a file into the one Document every rule reads.

bytes -> text (UTF-8, with or without BOM; other bytes get a finding, binary is skipped)
      -> format (extension, then content)  -> front matter -> body blocks -> elements.
"""

from __future__ import annotations

import os
import re

from .model import Document
from .parsing.frontmatter import parse_front_matter
from .parsing.html import looks_like_html_page, parse_html
from .parsing.markdown import parse_markdown, shortcode_elements
from .parsing.textblocks import parse_text
from .suppress import scan as scan_suppressions

MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php", ".jsp", ".cfm"}
TEXT_EXT = {".txt", ".text"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class Unreadable(Exception):
    """A file medlint skips with a one-line message (binary, too large, unreadable)."""


def decode(data: bytes) -> tuple[str, list[tuple]]:
    """Text and problems (code_hint, message, line, col) for invalid bytes."""
    problems: list[tuple] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), [("encoding", "file is UTF-16, not UTF-8: most site "
                                            "generators expect UTF-8", 1, 1)]
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        try:
            data.decode("cp1252")
            guess = " (it looks like Windows-1252)"
        except UnicodeDecodeError:
            guess = ""
        problems.append(("encoding", f"file is not valid UTF-8{guess}: byte 0x{bad} at line "
                         f"{line}; invalid bytes are shown as U+FFFD", line, col))
        return data.decode("utf-8", errors="replace"), problems


_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b)


def is_binary(data: bytes) -> bool:
    """Binary, not text with a few stray NUL bytes (crawled pages sometimes carry NUL padding)."""
    head = data[:65536]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    nul = head.count(b"\x00")
    ctrl = len(head) - len(head.translate(None, _CONTROL)) - nul
    if ctrl > len(head) * 0.05:
        return True
    return nul > len(head) * 0.3


def strip_nul(data: bytes) -> tuple[bytes, list[tuple]]:
    if b"\x00" not in data:
        return data, []
    i = data.index(b"\x00")
    line = data.count(b"\n", 0, i) + 1
    col = i - (data.rfind(b"\n", 0, i) + 1) + 1
    n = data.count(b"\x00")
    return data.replace(b"\x00", b""), [("encoding", f"file contains {n} NUL byte"
                                          f"{'s' if n > 1 else ''} (first at line {line}): "
                                          "they were ignored; remove them", line, col)]


_MD_HINT = re.compile(r"^(#{1,6}\s|```|~~~|\s*[-*+]\s|\s*\d+\.\s|>\s)|\]\(|\{\{[<%]", re.M)


def detect_format(path: str, text: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if looks_like_html_page(text):
        return "html"
    if ext in MARKDOWN_EXT:
        return "markdown"
    if ext in HTML_EXT:
        return "html" if "<" in text[:2048] else "text"
    if ext in TEXT_EXT:
        return "text"
    if text.startswith(("---\n", "---\r\n", "+++\n", "+++\r\n")) or _MD_HINT.search(text[:20000]):
        return "markdown"
    return "text"


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise Unreadable(f"skipped: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB "
                         "limit (max-file-size)")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None


def build_document(path: str, data: bytes | str, fmt: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Parse once. Raises Unreadable for binary or oversized input."""
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise Unreadable(f"skipped: input is {len(data) / 1e6:.1f} MB, over the "
                             f"{max_bytes / 1e6:.0f} MB limit (max-file-size)")
        if is_binary(data):
            raise Unreadable("skipped: binary file")
        data, nul_problems = strip_nul(data)
        text, problems = decode(data)
        problems = nul_problems + problems
    else:
        text, problems = data, []
        if text.startswith("\ufeff"):
            text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = fmt or detect_format(path, text)
    lines = text.split("\n")
    doc = Document(path=path, text=text, format=fmt, lines=lines, problems=problems)
    offset = 0
    if fmt in ("markdown", "text"):
        fm = parse_front_matter(lines)
        if fm is not None:
            doc.front_matter = fm
            offset = min(fm.end_line, len(lines))  # the body starts after the front matter
    doc.body_start = offset + 1
    comments_lines: set[int] = set()
    if fmt == "markdown":
        b = parse_markdown(lines, offset)
        doc.blocks = b.blocks
        doc.structured_data = b.structured_data
        code_lines = {ln for blk in doc.all_blocks() if blk.kind == "code"
                      for ln in range(blk.line, blk.end_line + 1)}
        doc.elements = b.elements + shortcode_elements(lines, offset, code_lines)
        comments_lines = code_lines
    elif fmt == "html":
        h = parse_html(text, page=True)
        doc.blocks, doc.elements = h.blocks, h.elements
        doc.title_from_html = h.title
        doc.html_article_only = h.article_only
        doc.structured_data = h.structured_data
        doc.problems += h.problems
    else:
        doc.blocks = parse_text(lines, offset)
    doc.elements.sort(key=lambda e: (e.line, e.col))
    doc.suppressions = scan_suppressions(lines, comments_lines)
    return doc

