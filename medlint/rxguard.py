"""Faster regex prefilters with identical matches: a first-character guard.

``guarded(pattern, flags)`` compiles ``(?=[<chars>])(?:pattern)`` where ``<chars>`` are the
characters any match of ``pattern`` can start with (computed from the parsed pattern). The
lookahead is zero-width and only rules out positions where the pattern cannot match, so
matches and their spans are unchanged; Python's regex engine skips most positions cheaply
instead of trying every alternative of a long list there. Patterns whose first character
cannot be worked out (``.``, negated classes, empty matches, inline flags) compile as is, and
so do patterns the engine already starts fast: anchored at the start, or starting with a
literal or a character class (it scans for those itself; a lookahead in front would hide them).
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c  # noqa: PLC2701
    from re import _parser as _p  # noqa: PLC2701
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT}
                                             if hasattr(_c, "POSSESSIVE_REPEAT") else set())


class _Unknown(Exception):
    pass


def _first(seq) -> tuple[list, bool]:
    """(class items a match of ``seq`` can start with, whether ``seq`` can match empty)."""
    items: list = []
    for op, av in seq:
        if op is _c.LITERAL:
            return items + [(op, av)], False
        if op is _c.IN:
            if any(o is _c.NEGATE for o, _ in av) or any(
                    o not in (_c.LITERAL, _c.RANGE, _c.CATEGORY) for o, _ in av):
                raise _Unknown
            return items + list(av), False
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            _group, add, delete, sub = av
            if add or delete:
                raise _Unknown
            got, empty = _first(sub)
        elif op is _c.BRANCH:
            got, empty = [], False
            for alt in av[1]:
                g, e = _first(alt)
                got += g
                empty = empty or e
        elif op in _REPEATS:
            lo, _hi, sub = av
            got, empty = _first(sub)
            empty = empty or lo == 0
        else:
            raise _Unknown
        items += got
        if not empty:
            return items, False
    return items, True


def _category(av) -> str:
    names = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
             _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w",
             _c.CATEGORY_NOT_WORD: r"\W"}
    if av not in names:
        raise _Unknown
    return names[av]


_FAST_START = {_c.LITERAL, _c.IN}
_ANCHORS = {_c.AT_BEGINNING, _c.AT_BEGINNING_STRING}


def _starts_fast(parsed) -> bool:
    op, av = parsed[0]
    return op in _FAST_START or (op is _c.AT and av in _ANCHORS)


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class (``[...]``) matching the first character of every match, or None
    (also when the pattern starts fast without one)."""
    try:
        parsed = _p.parse(pattern, flags)
        if parsed.state.flags & ~(flags | re.UNICODE) & (re.I | re.M | re.S | re.X):
            return None  # inline flags change how the class would match
        if not len(parsed) or _starts_fast(parsed):
            return None
        items, empty = _first(list(parsed))
        if empty or not items:
            return None
        out = []
        for op, av in items:
            if op is _c.LITERAL:
                out.append(re.escape(chr(av)))
            elif op is _c.RANGE:
                out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            else:
                out.append(_category(av))
        return "[" + "".join(dict.fromkeys(out)) + "]"
    except (_Unknown, re.error, RecursionError, ValueError, TypeError):
        return None


@lru_cache(maxsize=1024)
def guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled with a first-character lookahead when one can be worked out:
    the same matches at the same places, found faster in long texts."""
    cls = first_class(pattern, flags)
    if cls is not None:
        try:
            return re.compile(f"(?={cls})(?:{pattern})", flags)
        except re.error:
            pass
    return re.compile(pattern, flags)


_CASE_SENSITIVE = re.compile(r"\(\?[a-zA-Z]*-|\\N\{|\(\?[aLu]")


def caseless(pattern: str) -> str | None:
    """``pattern``, meant for ``re.I``, rewritten for a search without ``re.I`` in lower-cased
    text: its letters outside escapes and group names lower-cased. ``None`` when that is not
    safe (an inline flag that turns case-folding off, a named character escape, a cased
    letter outside ASCII: 'İ' lower-cases to two characters, 'Σ' to 'σ' or 'ς')."""
    if _CASE_SENSITIVE.search(pattern):
        return None
    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if pattern.startswith("(?P", i):  # a group name or reference: kept as written
            end = min((j for j in (pattern.find(">", i), pattern.find(")", i)) if j > 0),
                      default=n)
            out.append(pattern[i:end + 1])
            i = end + 1
            continue
        low = ch.lower()
        if not ch.isascii() and low != ch.upper():
            return None
        out.append(low)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1024)
def finder(pattern: str, flags: int = 0):
    """A test ``found(text) -> bool`` for whether ``pattern`` occurs anywhere in ``text``:
    a case-insensitive pattern is searched, case-sensitively, in the lower-cased text
    (about three times faster in Python's engine for long alternations), with a
    first-character guard. For yes/no prefilters only: positions in the lower-cased text
    may differ from the original's, and text characters that case-fold specially ('ſ', 'ı',
    'İ') may be missed."""
    if flags & re.I:
        low = caseless(pattern)
        if low is not None:
            try:
                rx = guarded(low, flags & ~re.I)
            except re.error:
                rx = None
            if rx is not None:
                search = rx.search
                return lambda text: search(text.lower()) is not None
    rx = guarded(pattern, flags)
    search = rx.search
    return lambda text: search(text) is not None


_UNSAFE_TO_JOIN = re.compile(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+\)")


@lru_cache(maxsize=512)
def any_finder(patterns: tuple, flags: int = 0):
    """``found(text) -> bool``: whether any of ``patterns`` occurs in ``text``, in one search
    (see ``finder``); ``None`` when they cannot be joined safely (back-references, inline
    flags) or one does not compile."""
    if not patterns or any(_UNSAFE_TO_JOIN.search(p) for p in patterns):
        return None
    try:
        for p in patterns:
            re.compile(p, flags)
        return finder("|".join(f"(?:{p})" for p in patterns), flags)
    except re.error:
        return None


@lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern | None:
    try:
        return guarded(pattern, flags)  # same matches; a first-character guard
    except re.error:
        return None


def compile_all(patterns, flags: int = re.I) -> list[re.Pattern]:
    out = []
    for p in patterns or []:
        if isinstance(p, dict):
            p = p.get("term") or p.get("pattern") or ""
        if isinstance(p, str) and p:
            c = _compile(p, flags)
            if c is not None:
                out.append(c)
    return out


def compile_one(pattern, flags: int = re.I) -> re.Pattern | None:
    """One pattern compiled like ``compile_all``, or None (absent, empty or invalid)."""
    got = compile_all([pattern], flags)
    return got[0] if got else None
