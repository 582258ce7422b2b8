"""Safe fixes: apply the edits rules attach to findings, atomically and idempotently.

Only fixes that cannot change meaning exist (see each rule's ``fix_available``). A file is
rewritten only when its bytes change; its encoding (UTF-8, with or without BOM) and line
endings are kept; files with invalid UTF-8 are never rewritten. Fixing repeats until nothing
changes (at most ``MAX_PASSES``), so a second run changes nothing.
"""

from __future__ import annotations

import difflib
import os
import tempfile

from .model import Edit
from .reading import Unreadable, build_document, decode, is_binary

MAX_PASSES = 5


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, col: int) -> int:
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + col - 1, len(text))


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (overlapping later ones are dropped for the next pass)."""
    starts = _offsets(text)
    spans = []
    for e in edits:
        a = _offset(starts, text, e.line, e.col)
        b = _offset(starts, text, e.end_line, e.end_col)
        if b < a:
            continue
        spans.append((a, b, e.text))
    spans.sort(key=lambda s: (s[0], s[1]))
    chosen: list[tuple] = []
    last_end = -1
    for a, b, t in spans:
        if a < last_end or (chosen and a == chosen[-1][0] and a == b == chosen[-1][1]):
            continue
        chosen.append((a, b, t))
        last_end = max(last_end, b)
    for a, b, t in reversed(chosen):
        text = text[:a] + t + text[b:]
    return text


def fix_bytes(path: str, data: bytes, linter) -> tuple[bytes | None, list[str]]:
    """The fixed bytes (None when nothing changes or the file is not safe to fix) and what
    was applied."""
    if is_binary(data):
        return None, []
    bom = data.startswith(b"\xef\xbb\xbf")
    text, problems = decode(data)
    if problems or b"\x00" in data:
        return None, []  # never rewrite a file we could not read exactly
    crlf = data.count(b"\r\n")
    lf = data.count(b"\n") - crlf
    if (crlf and lf) or data.count(b"\r") != crlf:
        return None, []  # mixed or old-Mac line endings: a rewrite could not keep them
    newline = "\r\n" if crlf else "\n"
    text = text.replace("\r\n", "\n")
    applied: list[str] = []
    for _ in range(MAX_PASSES):
        try:
            doc = build_document(path, text, max_bytes=linter.config.max_file_size)
        except Unreadable:
            return None, []
        res = linter.lint_document(doc)
        fixes = [f for f in res.findings if f.fix is not None]
        if not fixes:
            break
        new = apply_edits(text, [e for f in fixes for e in f.fix.edits])
        if new == text:
            break
        applied.extend(f"{f.code} line {f.line}: {f.fix.description}" for f in fixes)
        text = new
    if not applied:
        return None, []
    out = text.replace("\n", newline).encode("utf-8")
    if bom:
        out = b"\xef\xbb\xbf" + out
    return (out if out != data else None), applied


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    a = before.decode("utf-8", errors="replace").splitlines(keepends=True)
    b = after.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))


def write_atomic(path: str, data: bytes) -> None:
    """Write via a temporary file in the same folder and an atomic rename."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".medlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
