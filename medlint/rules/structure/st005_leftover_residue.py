import re
from functools import lru_cache
from typing import NamedTuple

from ...model import Severity
from ..base import Rule
from ._norm import norm, short

# constructs whose meaning depends on text outside the match's block (\A, \Z, lookarounds, a
# '$' with multi-line mode turned off), or that may lose a match when text goes on after the
# block (atomic groups, possessive repeats): a pattern with them is not searched in the whole
# document's text (see _match_starts)
_CONTEXT = re.compile(r"\\[AZz]|\(\?<?[=!]|\(\?>|[*+?}]\+|\(\?[a-zA-Z]*-[a-zA-Z]*m")


class _Pattern(NamedTuple):
    """A residue pattern and what makes it cheap to search (see ``_pattern_hits``)."""

    rx: re.Pattern
    lit: str  # text every match contains, lower case, or ''
    alts: tuple  # texts one of which every match contains, lower case, or ()
    whole_ok: bool  # may be searched in the blocks joined by newlines (no _CONTEXT construct)
    # for a pattern "^X": "\nX", which finds the lines where it matches much faster (the
    # regex engine jumps from newline to newline instead of trying every character)
    line_rx: re.Pattern | None
    page: bool  # a page pattern, not looked for in whole HTML pages


@lru_cache(maxsize=16)
def _compile(patterns: tuple, page: bool) -> list[_Pattern]:
    """The valid ``patterns``, compiled case-insensitive and multi-line.

    The literals are a cheap pre-filter (``in`` on the lower-cased text): Python's regex engine
    with IGNORECASE is slow over a whole corpus, and almost no block contains residue.
    """
    out = []
    for p in patterns:
        try:
            rx = re.compile(p, re.I | re.M)
        except re.error:
            continue
        alts = _alternatives(p)
        whole_ok = not _CONTEXT.search(p)
        line_rx = None
        if alts is not None and whole_ok and p.startswith("^") and p[1:2] not in ("*", "+", "?",
                                                                                  "{"):
            line_rx = re.compile("\n" + p[1:], re.I | re.M)
        out.append(_Pattern(rx, _literal(p) if alts is not None else "", alts or (), whole_ok,
                            line_rx, page))
    return out


def _literal(p: str) -> str:
    q = p
    while True:  # drop groups, innermost first: alternatives and optional parts
        r = re.sub(r"\((?:\?:)?[^()]*\)[?*+]?(?:\{\d*,?\d*\})?", "\x00", q)
        if r == q:
            break
        q = r
    q = re.sub(r"\\?.[?*]|\\[bBdDsSwW]|\[[^\]]*\][?*+]?(?:\{\d*,?\d*\})?|\{\d*,?\d*\}|[\^$.?*+|]", "\x00", q)
    q = q.replace("\\", "")
    runs = [r.strip() for r in re.split(r"[^a-z0-9 ':,!-]", q.lower()) if r.strip()]
    best = max(runs, key=len, default="")
    return best if len(best) >= 3 else ""


_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]")
_PLAIN = re.compile(r"[a-z0-9 ':,!-]{3,}")


def _alternatives(p: str) -> tuple | None:
    """The alternatives of the first group outside other groups that every match goes through,
    when each is plain text ("(?:meta description|seo title|slug)"): every match contains one
    of them. () when there is no such group; None when ``p`` has a '|' outside groups (then
    no text is in every match, not even ``_literal``'s)."""
    found: tuple = ()
    depth = start = i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 1  # an escaped character
        elif c == "[":
            m = _CLASS.match(p, i)
            i = m.end() - 1 if m else i  # a character class: its brackets are not groups
        elif c == "(":
            start = i if depth == 0 else start
            depth += 1
        elif c == ")":
            depth -= 1
            # an optional or counted group is not gone through by every match
            if depth == 0 and not found and p[i + 1:i + 2] not in ("?", "*", "{"):
                body = p[start + 1:i].lower()
                alts = tuple((body[2:] if body.startswith("?:") else body).split("|"))
                if all(_PLAIN.fullmatch(a) for a in alts):
                    found = alts
        elif c == "|" and depth == 0:
            return None
        i += 1
    return found


class LeftoverResidue(Rule):
    code = "ST005"
    name = "leftover-residue"
    category = "structure"
    severity = Severity.WARNING
    summary = "Page chrome or text-generator boilerplate left in the article."
    what = """
    Two kinds of leftovers, both configurable lists in `rules/structure.yaml`:

    - page chrome: a short heading, paragraph or list item (at most 8 words; a heading that
      starts with a phrase of four words or more may have 16) that is, or starts with, a
      widget label such as "Recent posts", "Related articles", "Share this", "Leave a
      reply", "Previous post", "Click here to subscribe" (`block_phrases`; under such a
      heading, up to three short blocks of its section, the widget's buttons, are part of
      the one finding), and a
      line of page footer such as "© 2024 Example Media Ltd. All rights reserved." or "©
      Crown copyright" (`page_patterns`, regular expressions);
    - generation residue anywhere in the prose: "As an AI language model", "Sure! Here is…",
      "I hope this helps", "Let me know if you need…", "in over 2000 words", "[Insert
      image]", "lorem ipsum" (`text_patterns`, regular expressions).

    Add your own with `extra_block_phrases` / `extra_page_patterns` / `extra_text_patterns`.
    Whole HTML pages are only checked for generation residue: a live page legitimately has "Skip to content" and
    "Advertisement" labels.
    """
    why = """
    Leftovers show readers that the page was scraped or generated and not edited: widget
    labels with nothing under them, or a text generator talking to its user, undermine trust
    in the health information around them.
    """
    standard = "HONcode principle 8 (honesty in advertising and editorial policy); Google helpful-content guidance (content made for people, edited)."
    cite = "HONcode 8"
    pack = "structure.yaml"
    options = {"block_phrases": [], "page_patterns": [], "text_patterns": [], "max_words": 8}
    bad = """# Knee twitching

Sure! Here is an article about knee twitching.

Most twitches are harmless.

Recent posts
"""
    good = """# Knee twitching

Most twitches are harmless.
"""

    def check(self, doc, ctx):
        o = ctx.options
        key = ("ST005", id(o))
        if key not in ctx.shared:  # the lists are normalised and compiled once per run
            phrases = [norm(p) for p in list(o.get("block_phrases") or []) +
                       list(o.get("extra_block_phrases") or []) if norm(p)]
            firsts = {p.split()[0] for p in phrases}
            ctx.shared[key] = (phrases, _compile(_listed(o, "text_patterns"), False)
                               + _compile(_listed(o, "page_patterns"), True),
                               firsts, _line_starts(phrases))
        phrases, pats, firsts, starts = ctx.shared[key]
        max_words = int(o.get("max_words", 8))
        prose = doc.prose
        page = doc.format != "html"  # a live page legitimately has its chrome and footer
        hits = _pattern_hits([p for p in pats if page or not p.page], prose)
        short_len = 12 * max_words if page else -1  # pages: no chrome check
        # blocks with a line that may start with a phrase: one search of the joined text
        # instead of a look at every block's lines (most articles have none); a match at
        # offset k of "\n" + the lower-cased text is the line starting at offset k of it
        if short_len < 0:
            chrome = set()
        elif prose.aligned:
            chrome = {prose.block_at(m.start()) for m in starts.finditer("\n" + prose.lower)}
        else:  # lower-casing changed the length: offsets in it are not offsets in the text
            chrome = set(range(len(prose.blocks)))
        taken: set[int] = set()  # blocks reported with a widget heading above them
        for i in sorted(hits.keys() | chrome):
            if i in taken:
                continue
            b = prose.blocks[i]
            # a widget title scraped with its entries ("Related Posts" and two post titles on
            # the lines below) is judged by its first line
            first_line = b.text.split("\n", 1)[0]
            heading = b.kind == "heading"
            if i in chrome and len(first_line) <= (2 * short_len if heading else short_len):
                if _first_word(first_line) in firsts:
                    t = norm(first_line)
                    n = len(t.split())
                    hit = next((p for p in phrases if t == p or t.startswith(p + " ")), None)
                    # a heading that starts with a phrase of four words or more may run on
                    # ("You're only one click away from a life-changing journey")
                    if hit and (n <= max_words or heading and n <= 2 * max_words
                                and len(hit.split()) >= 4):
                        # the whole block: the widget's title and its entries; under a
                        # widget heading, the short blocks of its section (its buttons)
                        last = b
                        if heading:
                            for k in range(i + 1, min(i + 4, len(prose.blocks))):
                                nb = prose.blocks[k]
                                if nb.kind == "heading" or len(nb.text.split()) > 12:
                                    break
                                last = nb
                                taken.add(k)
                        e = last.pos_of(len(last.text.rstrip()))
                        ctx.report(b.line, b.col, f"\"{short(first_line, 40)}\" is page "
                                   "residue left in the article; remove it",
                                   end_line=e.line, end_col=e.col)
                        continue
            if i in chrome and "\n" in b.text:
                # a chrome line inside a scraped block ("[Skip to main content](#maincontent)"
                # under the page title): only an exact phrase, since later lines are prose
                at = _chrome_line(b.text, phrases, firsts, short_len)
                if at is not None:
                    p = b.pos_of(at)
                    line = b.text[at:].split("\n", 1)[0]
                    ctx.report(p.line, p.col, f"\"{short(line, 40)}\" is page residue left "
                               "in the article; remove it", end_col=p.col + len(line))
                    continue
            if i in hits:
                m, is_page = hits[i]
                p, e = b.pos_of(m.start()), b.pos_of(m.end())
                kind = "page residue left in the article" if is_page else \
                    "text-generator or template residue"
                ctx.report(p.line, p.col, f"\"{short(m.group(0), 40)}\" is {kind}; remove it",
                           end_line=e.line, end_col=e.col)


def _pattern_hits(pats: list[_Pattern], prose) -> dict:
    """{block index: (the match of the first of ``pats`` that matches in the block, whether
    it is a page pattern)}.

    A pattern is only searched in the blocks that may hold a match: with a literal, those
    whose lower-cased text holds it, found with one ``str.find`` pass over the joined prose
    (once per literal); without one, the blocks where a search of the joined text finds a
    match starting (see ``_match_starts``), if one of its alternatives is in the text (or it
    has none, or it is a line pattern, whose search costs less than looking for them).
    """
    hits: dict = {}
    texts = prose.texts
    holding: dict[str, set[int]] = {}  # literal -> the blocks holding it
    for p in pats:
        if p.lit:
            if p.lit not in holding:
                holding[p.lit] = prose.blocks_with(p.lit, lowered=True)
            cands = holding[p.lit]
        elif p.line_rx is None and p.alts and not any(a in prose.lower for a in p.alts):
            continue
        elif p.whole_ok:
            cands = _match_starts(p, prose)
        else:
            cands = range(len(texts))
        for i in cands:
            if i in hits or not texts[i].strip():
                continue  # an earlier pattern matched here, or an empty block
            m = p.rx.search(texts[i])
            if m:
                hits[i] = (m, p.page)
    return hits


def _match_starts(p: _Pattern, prose) -> set[int]:
    """The blocks in which a search of the joined prose finds a match starting, each search
    going on from the next block. Every block where the pattern matches is among them, when
    it has none of the ``_CONTEXT`` constructs: a match in a block's own text is a match at
    the same place in the joined text, so a search from the block's start, or from before
    it, finds a match starting there or earlier."""
    out: set[int] = set()
    nexts = prose.nexts
    at = _first_match(p, prose.text, 0) if nexts else -1  # no block: nothing to find
    while at >= 0:
        i = prose.block_at(at)
        out.add(i)
        if i + 1 >= len(nexts):
            break  # the last block
        at = _first_match(p, prose.text, nexts[i])
    return out


def _first_match(p: _Pattern, text: str, pos: int) -> int:
    """Offset of the first match of ``p`` in ``text`` that starts at or after ``pos`` (0 or
    the start of a line), or -1. A line pattern "^X" matches at a line's start exactly when
    its "\\nX" matches at the newline before the line, or at 0 when "^X" does."""
    if p.line_rx is None:
        m = p.rx.search(text, pos)
        return m.start() if m else -1
    if pos == 0 and p.rx.match(text):
        return 0
    m = p.line_rx.search(text, max(pos - 1, 0))
    return m.start() + 1 if m else -1


def _first_word(line: str) -> str:
    """The line's first word as the phrases' first words are compared: lower case, without
    the markup and punctuation around it ("**Related" -> "related")."""
    head = line.lstrip(" #*_[(\"'“").split(None, 1)
    if not head:
        return ""
    word = head[0].lower().strip(".,:;!?*_\"'”)")
    # an apostrophe splits a word as norm() splits it ("You’re" -> "you")
    m = _APOSTROPHE.search(word)
    return word[:m.start()] if m else word


_APOSTROPHE = re.compile(r"['’]")


def _chrome_line(text: str, phrases: list, firsts: set, short_len: int) -> int | None:
    """Offset of the first line after the first that is exactly a residue phrase."""
    at = text.find("\n") + 1
    while at > 0:
        end = text.find("\n", at)
        line = text[at:end if end >= 0 else len(text)]
        if len(line) <= short_len and _first_word(line) in firsts and norm(line) in phrases:
            return at
        at = end + 1 if end >= 0 else 0
    return None


def _listed(o: dict, name: str) -> tuple:
    """The option's list and its ``extra_`` list, as one tuple (a cache key)."""
    return tuple(list(o.get(name) or []) + list(o.get("extra_" + name) or []))


def _line_starts(phrases: list):
    """A pattern that finds, in "\\n" + the lower-cased blocks joined by newlines, the start of
    every line whose normalised text is, or starts with, one of the (normalised) ``phrases``:
    its word runs are the phrase's words. It may find more lines (a longer phrase), never
    fewer, so blocks without a match need no look at their lines. Searched in lower-cased text
    rather than with re.IGNORECASE, which makes the regex engine four times slower."""
    alts = sorted({r"[^\w\n]+".join(map(re.escape, p.split())) for p in phrases}, key=len,
                  reverse=True)
    # a literal "\n" first, not ^ with re.M: the regex engine then jumps from line to line
    return re.compile(rf"\n[^\w\n]*(?:{'|'.join(alts) or '(?!)'})(?!\w)")
