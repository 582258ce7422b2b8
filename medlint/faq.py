"""Find the FAQ of an article: its questions and the answer under each.

Built from the already parsed blocks (and the front matter), never from the raw text, so every
rule sees the same FAQ. Sources, in the order they are looked for:

- a FAQ section: a heading such as "FAQ", "Frequently Asked Questions", "Common questions",
  "People also ask", "Questions and answers"; it runs to the next heading of the same or a
  higher level (same-level headings that are questions continue it, since scraped text has
  one heading level). Inside it a question is a sub-heading ending in '?', a paragraph or
  list item whose first line is a question (bold questions, numbered questions), or a
  ``Q:`` line; the answer runs from the question to the next question or the end of the
  section (the rest of the question's paragraph or item first, if any);
- ``<details><summary>Question?</summary> answer</details>`` and ``Q:`` / ``A:`` pairs anywhere;
- a front-matter list of question/answer mappings (``faq:``, ``faqs:``, ``questions:``);
- FAQPage JSON-LD (``Document.json_ld_scripts``: ``<script type="application/ld+json">`` in
  HTML pages and in Markdown), its ``Question``s with ``name`` and ``acceptedAnswer.text``,
  also inside ``@graph`` or a list. Markup is meant to mirror the visible FAQ, so a marked-up
  question or answer that also stands on the page as a block is left to the visible copy.

``Document.faq`` is the list of ``FaqEntry`` found, in source order.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from .model import Block, Document
from .sentences import normalise

FAQ_HEADING = re.compile(
    r"^\W*(?:faqs?|f\.a\.q\.?s?|frequently[ -]asked[ -]questions?|(?:some\s+)?common(?:ly asked)?"
    r"\s+questions?|people\s+(?:also\s+)?ask|questions?\s+(?:and|&)\s+answers?|q\s*&\s*a|"
    r"your\s+questions?(?:\s+answered)?|top\s+questions|related\s+questions)\b",
    re.I,
)
_FAQ_LINE = re.compile(FAQ_HEADING.pattern, re.I | re.M)  # FAQ_HEADING at any line's start
_QA_Q = re.compile(r"^\s*(?:\*\*|__)?\s*(?:q(?:uestion)?\s*\d{0,3}\s*[:.)]|q\d{1,3}\b)\s*", re.I)
_QA_A = re.compile(r"^\s*(?:\*\*|__)?\s*(?:a(?:nswer)?\s*\d{0,3}\s*[:.)])\s*(?:\*\*|__)?\s*", re.I)
_LEAD_NOISE = re.compile(r"^[\s#\\*_]*(?:\d{1,3}[.):]\s*|q\d{1,3}[.:)]?\s*)?", re.I)
_BOLD_START = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__|<(?:strong|b)\b)", re.I)
FM_KEYS = ("faq", "faqs", "questions", "qa", "faq_items", "faqitems")
FM_Q = ("question", "q", "title", "name", "query")
FM_A = ("answer", "a", "text", "content", "acceptedanswer", "response", "body")


@dataclass
class FaqEntry:
    question: str
    line: int  # question position
    col: int
    answer: str  # plain text of the answer ('' when the question has none)
    answer_line: int  # first line of the answer (the question's line when it has none)
    answer_col: int
    answer_end_line: int
    source: str  # heading, paragraph, item, qa, details, front-matter, json-ld
    blocks: list[Block] = field(default_factory=list, repr=False)  # the answer's blocks
    question_block: Block | None = field(default=None, repr=False)
    section_line: int = 0  # line where the FAQ (section) starts

    @property
    def has_answer(self) -> bool:
        return bool(self.answer.strip())

    @property
    def body_limit(self) -> int:
        """Body blocks that end before this line stand above the FAQ: all of them when the
        FAQ is kept outside the body (front matter, JSON-LD)."""
        return 10 ** 9 if self.source in ("front-matter", "json-ld") else self.section_line


def clean_question(text: str) -> str:
    """Question text without list/heading noise ("### 2. What is...?" -> "What is...?")."""
    t = text.strip().split("\n", 1)[0].strip()
    t = _LEAD_NOISE.sub("", t, count=1)
    t = _QA_Q.sub("", t, count=1)
    return t.strip(" *_\t")


def is_question(text: str, max_words: int = 30) -> bool:
    t = clean_question(text).rstrip(" *_")
    if not t.endswith("?") and t[-2:-1] == "?" and t[-1:].isalpha():
        t = t[:-1]  # a stray letter typed after the mark ("... other UTIs?n")
    return t.endswith("?") and 1 < len(t.split()) <= max_words


def is_faq_heading(text: str) -> bool:
    # no strip(): the pattern's leading \W* takes the spaces before the words
    return bool(FAQ_HEADING.match(text)) and len(text.split()) <= 12


# --------------------------------------------------------------------------- units


@dataclass
class _Unit:
    block: Block
    text: str  # text of the unit
    line: int
    col: int
    question: str = ""  # set when the unit starts with a question
    rest: str = ""  # text after the question in the same unit
    rest_line: int = 0
    rest_col: int = 0
    qa: bool = False  # a Q: line


def _first_line_split(b: Block) -> tuple[str, str, int, int]:
    first, _, rest = b.text.partition("\n")
    if rest.strip():
        off = len(first) + 1
        off += len(rest) - len(rest.lstrip())
        p = b.pos_of(off)
        return first, rest.strip(), p.line, p.col
    # "**What is X?** It is ..." on one line: the answer follows the question mark
    m = re.match(r"^(.{3,300}?\?)\s+(\S.*)$", first, re.S)
    if m and b.kind != "heading":
        p = b.pos_of(m.start(2))
        return m.group(1), m.group(2).strip(), p.line, p.col
    return first, "", 0, 0


def _units(blocks: list[Block], doc: Document) -> list[_Unit]:
    """Flatten blocks into units (headings, paragraphs, top-level text of items, cells)."""
    out: list[_Unit] = []
    for top in blocks:
        for b in top.walk():
            if b.kind not in ("heading", "paragraph", "item") or not b.text.strip():
                continue
            u = _Unit(block=b, text=b.text, line=b.line, col=b.col)
            first, rest, rl, rc = _first_line_split(b)
            src = doc.line_text(b.line)
            if _QA_Q.match(first) or _QA_Q.match(src):
                q = clean_question(first)
                if q:
                    u.question, u.qa = q, True
                    u.rest, u.rest_line, u.rest_col = rest, rl, rc
            elif b.kind == "heading" and is_question(b.text):
                u.question = clean_question(b.text)
            elif b.kind in ("paragraph", "item") and is_question(first):
                bold = bool(_BOLD_START.match(src))
                # a paragraph that is only a question, or starts with a bold/numbered one, or
                # (scraped text, where lines are the page's lines) a question line with its
                # answer on the lines below
                if bold or not rest or b.kind == "item" or b.number or (
                        doc.format == "text" and "\n" in b.text):
                    u.question = clean_question(first)
                    u.rest, u.rest_line, u.rest_col = rest, rl, rc
            out.append(u)
    if any(u.question and u.block.kind == "heading" for u in out):
        for u in out:  # question headings: questions inside answers are part of the answer
            if u.question and u.block.kind != "heading" and not u.qa:
                u.question = u.rest = ""
    return out


def _titled_lines(b: Block) -> bool:
    """Scraped text: a block whose first line is a short title ("About the author") and whose
    other lines are its text: a new section the page had, not more of an answer."""
    first, _, rest = b.text.partition("\n")
    first = first.strip()
    return bool(rest.strip()) and 0 < len(first.split()) <= 6 and first[-1:] not in ".!?:;,"


def _entries_from_units(units: list[_Unit], section_line: int, require: str = "",
                        text_lines: bool = False) -> list[FaqEntry]:
    entries: list[FaqEntry] = []
    cur: FaqEntry | None = None
    cur_level = 0
    for u in units:
        b = u.block
        if cur is not None and cur.source == "heading" and b.kind == "heading" and not u.question \
                and b.level <= cur_level:
            cur = None  # a non-question heading at the question's level ends the answer
        if u.question and (not require or (require == "qa" and u.qa)):
            cur = FaqEntry(question=u.question, line=u.line, col=u.col, answer=u.rest,
                           answer_line=u.rest_line or u.line, answer_col=u.rest_col or u.col,
                           answer_end_line=u.rest_line and b.end_line or u.line,
                           source="qa" if u.qa else b.kind, question_block=b,
                           section_line=section_line)
            if u.rest:
                cur.blocks.append(b)
            cur_level = b.level if b.kind == "heading" else 99
            entries.append(cur)
            continue
        if cur is None:
            continue
        if text_lines and b.kind == "paragraph" and _titled_lines(b):
            cur = None  # the answer ends where the page's next titled section starts
            continue
        text = b.text
        if cur.source == "qa":
            m = _QA_A.match(text)
            if m:
                text = text[m.end():]
        text = text.strip()
        if not text:
            continue
        if not cur.answer:
            off = len(b.text) - len(b.text.lstrip())
            p = b.pos_of(off)
            if cur.source == "qa":
                m = _QA_A.match(b.text)
                if m:
                    p = b.pos_of(m.end())
            cur.answer_line, cur.answer_col = p.line, p.col
            cur.answer = text
        else:
            cur.answer += "\n" + text
        cur.answer_end_line = max(cur.answer_end_line, b.end_line)
        cur.blocks.append(b)
    return entries


# --------------------------------------------------------------------------- sections


def _section_end(blocks: list[Block], i: int, level: int) -> int:
    """Index after the last top-level block of the section whose heading is blocks[i]."""
    j = i + 1
    while j < len(blocks):
        b = blocks[j]
        if b.kind == "heading" and b.level <= level:
            if b.level == level and is_question(b.text):
                j += 1  # scraped text: question headings at the FAQ heading's level
                continue
            break
        j += 1
    return j


def find_faq(doc: Document) -> list[FaqEntry]:
    entries: list[FaqEntry] = []
    blocks = doc.blocks
    used: set[int] = set()  # ids of blocks inside FAQ sections
    # an FAQ heading starts a line of the headings joined by newlines: most articles have
    # none, and need no look at each of their blocks
    i = 0 if _FAQ_LINE.search("\n".join([h.text for h in doc.headings])) else len(blocks)
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "heading" and is_faq_heading(b.text):
            end = _section_end(blocks, i, b.level)
            section = blocks[i + 1:end]
            units = _units(section, doc)
            found = _entries_from_units(units, b.line, text_lines=doc.format == "text")
            if found:
                entries.extend(found)
                for s in section:
                    for x in s.walk():
                        used.add(id(x))
            i = end
            continue
        i += 1
    # <details><summary> and Q:/A: pairs outside FAQ sections
    rest = [b for b in blocks if id(b) not in used] if used else blocks
    summaries = [b for b in rest if b.tag == "summary" and is_question(b.text, 40)]
    if summaries:
        j = 0
        while j < len(rest):
            if rest[j] in summaries:
                k = j + 1
                while k < len(rest) and rest[k] not in summaries and rest[k].kind != "heading":
                    k += 1
                units = _units(rest[j:k], doc)
                if units:
                    units[0].question = clean_question(units[0].text)
                    units[0].rest = ""
                    for u in units[1:]:
                        u.question = ""
                    for e in _entries_from_units(units, rest[j].line):
                        e.source = "details"
                        entries.append(e)
                j = k
                continue
            j += 1
    has_qa = any(x.text[:1] in "Qq*_" and _QA_Q.match(x.text) and id(x) not in used
                 for x in doc.flat)  # every block of ``rest``, nested ones included
    qa_units = _units(rest, doc) if has_qa else []
    if sum(1 for u in qa_units if u.qa) >= 1 and any(_QA_A.match(u.text) or (u.qa and u.rest)
                                                      for u in qa_units):
        start = next(u.line for u in qa_units if u.qa)
        found = _entries_from_units([u for u in qa_units if u.line >= start], start, require="qa")
        entries.extend(e for e in found if e.has_answer)
    entries.extend(_front_matter_faq(doc))
    if doc.structured_data:
        entries.extend(_json_ld_faq(doc, entries))
    entries.sort(key=lambda e: (e.line, e.col))
    return entries


def _front_matter_faq(doc: Document) -> list[FaqEntry]:
    fm = doc.front_matter
    if fm is None or fm.unreadable or not isinstance(fm.data, dict) \
            or not any(str(k).lower() in FM_KEYS for k in fm.data):
        return []  # the usual case: no FAQ key, and ``fm.keys`` also lists every nested key
    out: list[FaqEntry] = []
    for k in fm.keys:
        if len(k.path) != 1 or str(k.path[0]).lower() not in FM_KEYS or not isinstance(k.value, list):
            continue
        for idx, item in enumerate(k.value):
            if not isinstance(item, dict):
                continue
            low = {str(a).lower(): a for a in item}
            qk = next((low[n] for n in FM_Q if n in low), None)
            ak = next((low[n] for n in FM_A if n in low), None)
            if qk is None or not isinstance(item.get(qk), str):
                continue
            ans = item.get(ak) if ak is not None else ""
            if isinstance(ans, dict):  # schema.org style acceptedAnswer: {text: ...}
                ans = ans.get("text") or ""
            ans = ans if isinstance(ans, str) else ""
            qkey = next((x for x in fm.keys if x.path == (k.path[0], idx, qk)), None)
            akey = next((x for x in fm.keys if x.path == (k.path[0], idx, ak)), None)
            ql, qc = (qkey.value_line, qkey.value_col) if qkey else (k.line, k.col)
            al, ac = (akey.value_line, akey.value_col) if akey else (ql, qc)
            out.append(FaqEntry(question=item[qk].strip(), line=ql, col=qc, answer=ans.strip(),
                                answer_line=al, answer_col=ac,
                                answer_end_line=al + max(0, ans.strip().count("\n")),
                                source="front-matter", section_line=k.line))
    return out


# --------------------------------------------------------------------------- JSON-LD

_HTML_BREAK = re.compile(r"<\s*(?:br|/(?:p|li|div|h[1-6]|ul|ol|tr|td|th|dt|dd|table|blockquote))"
                         r"\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^>]*>")
def _html_text(value: object) -> str:
    """Plain text of a JSON-LD text value (answers may be HTML), one line per paragraph."""
    if not isinstance(value, str):
        return ""
    text = html.unescape(_HTML_TAG.sub("", _HTML_BREAK.sub("\n", value)))
    return "\n".join(" ".join(ln.split()) for ln in text.split("\n") if ln.strip())


def _types(node: dict) -> set[str]:
    t = node.get("@type")
    return {str(x).rsplit("/", 1)[-1] for x in (t if isinstance(t, list) else [t])}


def _faq_pages(data: object) -> list[dict]:
    """Every FAQPage node of a JSON-LD value: at the top, in a list, in ``@graph`` or nested
    (a WebPage's ``mainEntity``). Iterative: JSON-LD nesting is data, not a recursion limit."""
    out, stack = [], [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if "FAQPage" in _types(node):
                out.append(node)
            else:
                stack.extend(reversed([v for v in node.values() if isinstance(v, (dict, list))]))
    return out


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _json_ld_faq(doc: Document, visible: list[FaqEntry]) -> list[FaqEntry]:
    """FAQ entries of FAQPage JSON-LD, placed where the question's string stands in the script
    (its first line when the string cannot be found). Invalid JSON is not an FAQ."""
    shown = {normalise(e.question) for e in visible}
    for b in doc.flat:
        if b.text:
            shown.add(normalise(b.text))
            shown.add(normalise(clean_question(b.text)))
    out: list[FaqEntry] = []
    for line, col, text, data in doc.json_ld_scripts:
        cursor = 0
        for page in _faq_pages(data):
            for q in _as_list(page.get("mainEntity")):
                if not isinstance(q, dict) or not isinstance(q.get("name"), str):
                    continue
                question = _html_text(q["name"]).replace("\n", " ")
                answers = _as_list(q.get("acceptedAnswer")) or _as_list(q.get("suggestedAnswer"))
                raw = next((a.get("text") for a in answers if isinstance(a, dict)), "")
                answer = _html_text(raw)
                if not question or normalise(question) in shown or (
                        answer and normalise(answer.split("\n", 1)[0]) in shown):
                    continue  # the markup of an FAQ the page shows
                q_off = _find(text, q["name"], cursor)
                a_off = _find(text, raw, q_off if q_off >= 0 else cursor) if answer else -1
                cursor = max(cursor, q_off, a_off)
                ql, qc = _pos_in(line, col, text, q_off)
                al, ac = _pos_in(line, col, text, a_off) if a_off >= 0 else (ql, qc)
                out.append(FaqEntry(question=question, line=ql, col=qc, answer=answer,
                                    answer_line=al, answer_col=ac, answer_end_line=al,
                                    source="json-ld", section_line=line))
    return out


def _find(text: str, value: object, start: int) -> int:
    """Offset of the JSON string ``value`` in the script ``text`` at or after ``start`` (as
    written: escaped, with or without non-ASCII escapes), or -1."""
    if not isinstance(value, str) or not value:
        return -1
    for form in (json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1]):
        i = text.find(form, start)
        if i >= 0:
            return i
    return -1


def _pos_in(line: int, col: int, text: str, offset: int) -> tuple[int, int]:
    """Source line and column of ``text[offset]``, ``text`` starting at ``line``/``col``."""
    if offset < 0:
        return line, col
    breaks = text.count("\n", 0, offset)
    if not breaks:
        return line, col + offset
    return line + breaks, offset - text.rfind("\n", 0, offset)
