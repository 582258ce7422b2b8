"""Characters that look like ASCII punctuation or are invisible, pasted by word processors and
text generators where ASCII was meant: a URL with "news‑room" (U+2011) goes nowhere, a date
"2025‑11‑10" is not a date."""

from __future__ import annotations

import re
import unicodedata

LOOKALIKE = re.compile("[\u00a0\u00ad\u2010-\u2015\u2018\u2019\u201c\u201d\u2212"
                       "\u200b-\u200d\u2060\ufeff]")


def lookalike(text: str) -> str:
    """The first look-alike character of ``text`` named ("'‑' (U+2011 non-breaking
    hyphen)"), or ''."""
    m = LOOKALIKE.search(text)
    if m is None:
        return ""
    c = m.group(0)
    return f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, f'U+{ord(c):04X}').lower()})"
