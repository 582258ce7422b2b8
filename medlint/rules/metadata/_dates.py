"""Dates of an article: front-matter date fields and dated statements in the body.

Shared by the currency rules (MD003-MD007). Body statements are read from block text (no
re-parsing): "Page last reviewed: 12 March 2024", "Last updated on March 3, 2023",
"Next review due: 12 March 2027", "Published 2021-05-04", "This page last reviewed: Friday,
July 25, 2014", "Publication date: 06/11/1982"; HTML pages' <meta> dates too
(`<meta name="pubdate" content="06-11-1982">`, `article:modified_time`).

A numeric date whose day and month could be either way round (06/11/1982: 11 June in the US,
6 November elsewhere) keeps both readings (`DateFact.date` the earlier, `alt` the later); each
rule reports only what holds for both readings.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

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

# a date written out in prose, perhaps after the day of the week ("Friday, July 25, 2014")
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\.|day|sday|nesday|urday)?"
_WEEKDAY = re.compile(rf"^\s*{_DAY},?\s+(?=\w)", re.I)
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DATE_RX = (
    rf"(?:(?:{_DAY},?\s+)?(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}|"
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}\b|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON},?\s+\d{{4}}|"
    rf"{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MON}\s+\d{{4}}))"
)


def _numeric(s: str) -> tuple[_dt.date, _dt.date | None] | None:
    """Both readings of dd/mm/yyyy and mm/dd/yyyy (also with - or .): (earlier, later or
    None when only one reading is a date or both are the same day)."""
    m = _NUMERIC.fullmatch(s)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    readings = set()
    for month, day in ((a, b), (b, a)):
        try:
            readings.add(_dt.date(year, month, day))
        except ValueError:
            pass
    if not readings:
        return None
    first, last = min(readings), max(readings)
    return first, (last if last != first else None)


def read_date(value) -> tuple[_dt.date, _dt.date | None] | None:
    """The date of a front-matter value or a date string, with the other reading of a numeric
    date whose day and month are ambiguous; None when it is not a date."""
    if isinstance(value, str):
        s = _WEEKDAY.sub("", value.strip())
        both = _numeric(s)
        if both is not None:
            return both
        value = s
    d = to_date(value)
    return None if d is None else (d, None)


def to_date(value) -> _dt.date | None:
    """A date from a front-matter value or a date string; None when it is not a date (or a
    numeric date whose day and month could be either way round: see ``read_date``)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        return None
    s = _WEEKDAY.sub("", value.strip())
    if not s or not re.search(r"\d{4}", s):
        return None
    both = _numeric(s)
    if both is not None:
        return both[0] if both[1] is None else None
    try:
        return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4}-\d\d-\d\d)[ T]\d{1,2}:\d\d", s)
    if m:  # "2008-12-02 12:00:00 AM": an ISO date with a 12-hour time
        try:
            return _dt.date.fromisoformat(m.group(1))
        except ValueError:
            return None
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
    alt: _dt.date | None = None  # the later reading of an ambiguous numeric date
    in_meta: bool = False  # from an HTML <meta> tag (not visible on the page)

    @property
    def latest(self) -> _dt.date:
        """The later reading (the date itself unless day and month are ambiguous)."""
        return self.alt or self.date

    @property
    def shown(self) -> str:
        if self.alt is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()} or {self.alt.isoformat()}"


def _fm_facts(doc, fields: dict) -> list[DateFact]:
    fm = doc.front_matter
    out: list[DateFact] = []
    if fm is None or fm.unreadable:
        return out
    for k in fm.keys:
        if len(k.path) != 1:
            continue
        name = k.name.lower()
        for kind, names in fields.items():
            if name in {n.lower() for n in names}:
                d = read_date(k.value)
                if d is not None:
                    raw = k.raw_value or str(k.value)
                    out.append(DateFact(kind, d[0], k.value_line, k.value_col,
                                        k.value_col + len(raw), k.name, True, d[1]))
    return out


_YEAR = re.compile(r"\d{4}")
_DATE_LINE = re.compile(r"\W*(?:page\s+)?(?:last\s+(?:reviewed|updated|checked)|published|"
                        r"updated|reviewed|next\s+review)\b[^\n]{0,12}\d", re.I)
_BYLINE_BLOCKS = 6  # the first blocks of the article, where a byline stands


@lru_cache(maxsize=64)
def _body_rx(words: tuple, top: bool) -> re.Pattern:
    """The pattern of a date after one of ``words`` (see _body_facts), compiled once."""
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    lead = r"(?:^|\n|\s[|·•]\s|(?<=[.!?])\s)" if top else r"(?:^|\n|\s[|·•]\s)"
    return re.compile(rf"{lead}[\t *_>|-]*(?:this\s+)?(?:{alt})\b\s*"
                      rf"(?:on|:|-|–|—)?\s*(?:on\s+)?({DATE_RX})", re.I)


def _body_facts(doc, phrases: dict) -> list[DateFact]:
    out: list[DateFact] = []
    blocks = [(n, b) for n, b in enumerate(doc.flat)
              if b.kind in ("paragraph", "item", "heading", "cell") and b.text
              and _YEAR.search(b.text)]
    if not blocks:
        return out
    low = "\n".join(b.text for _, b in blocks).lower()
    pats = []
    for kind, words in phrases.items():
        words = tuple(str(w) for w in words)
        # the cheap test first: a phrase's longest word in the text (its pattern, with a
        # large date expression, costs more to compile than most documents take to lint)
        if not any(max(w.lower().split() or [""], key=len) in low for w in words):
            continue
        # only at the start of a line of the block ("Page last reviewed: ..."), never a date
        # inside a sentence or a citation ("... Reviewed October 2013. Overview of ...")
        # "This page last reviewed: ..." (CDC) as well as "Page last reviewed: ..."
        # or after a separator of a one-line byline ("By Clare Hoskins, RD | Published
        # January 12, 2026 | Last reviewed March 3, 2026")
        # near the top, also after the sentence before it in a byline ("Medically reviewed
        # by Dr J. Patel, MBBS. Updated on 3 May 2021"): a byline, not a citation
        for top in (False, True):
            pats.append((kind, top, _body_rx(words, top)))
    for n, b in blocks:
        # a byline near the top, or a line of dates anywhere ("Last reviewed: 18 April 2024.
        # Next review due: 18 April 2025." in a footer): after a sentence too
        near = n < _BYLINE_BLOCKS or bool(_DATE_LINE.match(b.text))
        for kind, top, rx in pats:
            if top != near:
                continue
            for m in rx.finditer(b.text):
                d = read_date(m.group(1))
                if d is None:
                    continue
                text = m.group(0)
                start = m.start() + len(text) - len(text.lstrip("\n\t *_>|-"))
                a = b.pos_of(start)
                e = b.pos_of(m.end())
                out.append(DateFact(kind, d[0], a.line, a.col, e.col if e.line == a.line else 0,
                                    " ".join(text.strip("\n\t *_>|-").split()), False, d[1]))
    return out


def _dateline_facts(doc, n_blocks: int = 30) -> list[DateFact]:
    """A dateline: a heading or paragraph near the top that is nothing but a date ("Thursday,
    May 29, 2008" over a blog post), read as the publication date when nothing else dates
    the article."""
    count = 0
    for b in doc.flat:
        if b.kind not in ("paragraph", "heading"):
            continue
        count += 1
        if count > n_blocks:
            break
        text = b.text.strip(" *_#")
        if not 6 <= len(text) <= 40 or not re.search(r"\d{4}", text):
            continue
        d = read_date(text)
        if d is not None:
            return [DateFact("published", d[0], b.line, b.col, b.col + len(b.text), "dateline",
                             False, d[1])]
    return []


def _json_ld_facts(doc, names: dict) -> list[DateFact]:
    """Dates of the page's JSON-LD ("datePublished", "dateModified", "lastReviewed"), named
    as the <meta> names are (case-insensitive), at the script's line."""
    wanted = {n.lower(): kind for kind, ns in names.items() for n in ns}
    out: list[DateFact] = []
    for line, col, node in doc.json_ld:
        for key, value in node.items():
            kind = wanted.get(str(key).lower())
            if kind is None or not isinstance(value, str):
                continue
            d = read_date(value)
            if d is not None:
                out.append(DateFact(kind, d[0], line, col, col, f"JSON-LD {key}", False, d[1],
                                    in_meta=True))
    return out


def _meta_facts(doc, names: dict) -> list[DateFact]:
    """Dates in an HTML page's <meta name|property|itemprop=... content=...> tags."""
    out: list[DateFact] = []
    wanted = {n.lower(): kind for kind, ns in names.items() for n in ns}
    for e in doc.elements:
        if e.tag != "meta":
            continue
        a = e.attrs
        name = (a.get("name") or a.get("property") or a.get("itemprop") or "").strip()
        kind = wanted.get(name.lower())
        if kind is None:
            continue
        d = read_date(a.get("content") or "")
        if d is not None:
            out.append(DateFact(kind, d[0], e.line, e.col, e.end_col,
                                f'<meta {name}>', False, d[1], in_meta=True))
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
    key = repr(sorted((k, repr(v)) for k, v in options.items()
                      if k.endswith(("_fields", "_phrases", "_meta"))))
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
    meta = {
        "published": options.get("published_meta") or [],
        "modified": options.get("modified_meta") or [],
        "reviewed": options.get("reviewed_meta") or [],
        "next_review": options.get("next_review_meta") or [],
    }
    facts = _fm_facts(doc, fields)
    if doc.format == "html":
        facts += _meta_facts(doc, meta)
        facts += _json_ld_facts(doc, meta)
    if options.get("file_name_dates", True):
        facts += _file_name_facts(doc, fields)
    if options.get("read_body_dates", True):
        facts += _body_facts(doc, phrases)
        if not facts:
            facts += _dateline_facts(doc)
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
    if fm is None or fm.unreadable:
        return []
    want = {n.lower() for n in names}
    out = []
    for k in fm.keys:
        dotted = ".".join(str(p).lower() for p in k.path if not isinstance(p, int))
        if dotted in want:
            out.append(k)
    return out
