"""Helpers shared by the link rules."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit


def href(e) -> str:
    return (e.attrs.get("href") or "").strip()


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def host_matches(host: str, patterns) -> bool:
    for p in _normalised(tuple(patterns or ())):
        if p.startswith("*."):
            if host.endswith(p[1:]) or host == p[2:]:
                return True
        elif host == p or host.endswith("." + p):
            return True
    return False


@lru_cache(maxsize=64)
def _normalised(patterns: tuple) -> tuple[str, ...]:
    return tuple(str(p).lower().strip() for p in patterns)


_ATTR_NAME = re.compile(r"^[A-Za-z_:][-A-Za-z0-9_:.]*$")
_GLUED = re.compile(r"=\s*\"[^\"]*\"[A-Za-z]")  # href="x"ng>: a value glued to a name


def _offset(doc, line: int, col: int) -> int | None:
    if line < 1 or line > len(doc.lines):
        return None
    return sum(len(x) + 1 for x in doc.lines[:line - 1]) + col - 1


def mangled(doc, e) -> bool:
    """A link tag damaged by crawling or scraping: an unquoted or cut-off href that swallows
    text or the next tag, a doubled scheme, attribute names that are words of the page, a
    quoted value glued to the next name, or a second link opened before the first one
    closes. Such a link has no text because its markup is broken, not because an editor left
    it empty."""
    h = (e.attrs.get("href") or "")
    if re.search(r"[\s<>\"]", h.strip()) or re.match(r"(?i)https?:/*https?:?/", h.strip()):
        return True
    if any(not _ATTR_NAME.match(str(k)) for k in e.attrs):
        return True
    if e.source == "html" and e.raw.startswith("<"):
        if _GLUED.search(e.raw):
            return True
        start = _offset(doc, e.line, e.col)
        if start is not None and doc.text.startswith(e.raw, start):
            after = doc.text[start + len(e.raw):start + len(e.raw) + 200]
            if re.match(r"\s*<a[\s>]", after, re.I):
                return True
    return False


# words of link text that say nothing about a destination
_LINK_FILLER = frozenset("""this that these those your with from into about more than what when
    where which while have been will would could should their there here them they also just
    like some other such very most many much only even""".split())


def unrelated_to_url(text: str, url: str) -> bool:
    """Whether link text of at least two content words shares none of them with its URL
    (a word counts as shared when its first five letters stand anywhere in the URL): "Keep
    your baby cool" linking to store.example/i-like-my-chihuahua."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4
             and w not in _LINK_FILLER]
    if len(words) < 2:
        return False
    low = url.lower()
    return not any(w[:5] in low for w in words)
