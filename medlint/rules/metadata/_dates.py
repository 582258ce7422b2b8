"""Dates of an article: front-matter date fields and dated statements in the body.

Shared by the currency rules (MD003-MD007). Body statements are read from block text (no
re-parsing): "Page last reviewed: 12 March 2024", "Last updated on March 3, 2023",
"Next review due: 12 March 2027", "Published 2021-05-04".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M",
    "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
    "%B %Y", "%b %Y", "%Y-%m", "%a, %d %b %Y %H:%M:%S %z",
)

# a date written out in prose
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DATE_RX = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON},?\s+\d{{4}}|"
    rf"{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MON}\s+\d{{4}})"
)


def to_date(value) -> _dt.date | None:
    """A date from a front-matter value or a date string; None when it is not a date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        return None
    s = value.strip()
    if not s or not re.search(r"\d{4}", s):
        return None
    try:
        return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    s2 = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s, flags=re.I)
    s2 = re.sub(r"\s+[A-Z]{3,4}$", "", s2)
    s2 = re.sub(r"\b([A-Za-z]{3,9})\.", r"\1", s2)
    s2 = re.sub(r"\s+", " ", s2).replace(" ,", ",")
    s2 = re.sub(r"^(\w+) (\d{1,2}) (\d{4})$", r"\1 \2, \3", s2)
    s2 = re.sub(r"\bSept\b", "Sep", s2, flags=re.I)
    for fmt in _FORMATS:
        try:
            return _dt.datetime.strptime(s2, fmt).date()
        except ValueError:
            continue
    return None


@dataclass
class DateFact:
    kind: str  # published, modified, reviewed, next_review
    date: _dt.date
    line: int
    col: int
    end_col: int
    label: str  # the field name or the body phrase
    in_front_matter: bool


def _fm_facts(doc, fields: dict) -> list[DateFact]:
    fm = doc.front_matter
    out: list[DateFact] = []
    if fm is None or fm.error:
        return out
    for k in fm.keys:
        if len(k.path) != 1:
            continue
        name = k.name.lower()
        for kind, names in fields.items():
            if name in {n.lower() for n in names}:
                d = to_date(k.value)
                if d is not None:
                    raw = k.raw_value or str(k.value)
                    out.append(DateFact(kind, d, k.value_line, k.value_col,
                                        k.value_col + len(raw), k.name, True))
    return out


def _body_facts(doc, phrases: dict) -> list[DateFact]:
    out: list[DateFact] = []
    pats = []
    for kind, words in phrases.items():
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        # only at the start of a line of the block ("Page last reviewed: ..."), never a date
        # inside a sentence or a citation ("... Reviewed October 2013. Overview of ...")
        pats.append((kind, re.compile(rf"(?:^|\n)[\t *_>|-]*(?:{alt})\b\s*(?:on|:|-|–|—)?\s*"
                                      rf"(?:on\s+)?({DATE_RX})", re.I)))
    for b in doc.flat:
        if b.kind not in ("paragraph", "item", "heading", "cell") or not b.text:
            continue
        if not re.search(r"\d{4}", b.text):
            continue
        for kind, rx in pats:
            for m in rx.finditer(b.text):
                d = to_date(m.group(1))
                if d is None:
                    continue
                text = m.group(0)
                start = m.start() + len(text) - len(text.lstrip("\n\t *_>|-"))
                a = b.pos_of(start)
                e = b.pos_of(m.end())
                out.append(DateFact(kind, d, a.line, a.col, e.col if e.line == a.line else 0,
                                    " ".join(text.strip("\n\t *_>|-").split()), False))
    return out


def _file_name_facts(doc, fields) -> list[DateFact]:
    """Jekyll posts take their date from the file name (2024-03-14-title.md) unless the
    front matter has one."""
    import os

    m = re.match(r"(\d{4})-(\d{2})-(\d{2})-", os.path.basename(doc.path or ""))
    if not m or int(m.group(1)) < 1900:
        return []
    try:
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return []
    line = doc.front_matter.start_line if doc.front_matter is not None else 1
    return [DateFact("published", d, line, 1, 0, "file name", False)]


def date_facts(doc, options: dict) -> list[DateFact]:
    """Every date of the article, from front matter (field lists) and the body (phrases)."""
    cache = doc.__dict__.setdefault("_medlint_date_facts", {})
    key = repr(sorted((k, repr(v)) for k, v in options.items() if k.endswith(("_fields",
                                                                           "_phrases"))))
    if key in cache:
        return cache[key]
    fields = {
        "published": options.get("published_fields") or [],
        "modified": options.get("modified_fields") or [],
        "reviewed": options.get("reviewed_fields") or [],
        "next_review": options.get("next_review_fields") or [],
    }
    phrases = {
        "published": options.get("published_phrases") or [],
        "modified": options.get("modified_phrases") or [],
        "reviewed": options.get("reviewed_phrases") or [],
        "next_review": options.get("next_review_phrases") or [],
    }
    facts = _fm_facts(doc, fields)
    if options.get("file_name_dates", True):
        facts += _file_name_facts(doc, fields)
    if options.get("read_body_dates", True):
        facts += _body_facts(doc, phrases)
    cache[key] = facts
    return facts


def months_between(earlier: _dt.date, later: _dt.date) -> int:
    """Whole months from ``earlier`` to ``later`` (negative when later is earlier)."""
    m = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if later.day < earlier.day:
        m -= 1
    return m


def months_before(day: _dt.date, months: int) -> _dt.date:
    """The same day ``months`` months earlier (the month's last day when it has fewer)."""
    import calendar

    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    return _dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def first_body_line(doc) -> int:
    for b in doc.blocks:
        return b.line
    return doc.body_start


def fm_fields_present(doc, names) -> list:
    fm = doc.front_matter
    if fm is None or fm.error:
        return []
    want = {n.lower() for n in names}
    out = []
    for k in fm.keys:
        dotted = ".".join(str(p).lower() for p in k.path if not isinstance(p, int))
        if dotted in want:
            out.append(k)
    return out
