import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from ...model import Severity
from ..base import Rule
from ._norm import norm, short

_PROSE = frozenset(("heading", "paragraph", "item", "cell"))
# constructs whose meaning depends on text outside the match's block: a pattern with them is
# not pre-checked on the whole document's text (see LeftoverResidue.check)
_CONTEXT = re.compile(r"\\[AZz]|\(\?<?[=!]")


@lru_cache(maxsize=16)
def _compile(patterns: tuple) -> list:
    """(literal every match contains or '', alternatives one of which every match contains or
    (), compiled pattern, whether it may be pre-checked on the whole text) for the valid
    patterns.

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
        lit = _literal(p) if alts is not None else ""
        out.append((lit, alts or (), rx, not _CONTEXT.search(p)))
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

    - page chrome: a short heading, paragraph or list item (at most 8 words) that is, or
      starts with, a widget label such as "Recent posts", "Related articles", "Share this",
      "Leave a reply", "Previous post", "Click here to subscribe" (`block_phrases`), and a
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
            ctx.shared[key] = (phrases, [(*c, False) for c in _compile(_listed(o, "text_patterns"))]
                               + [(*c, True) for c in _compile(_listed(o, "page_patterns"))],
                               firsts, _line_starts(phrases))
        phrases, pats, firsts, starts = ctx.shared[key]
        max_words = int(o.get("max_words", 8))
        prose = [b for b in doc.flat if b.kind in _PROSE]
        texts = [b.text for b in prose]
        whole = "\n".join(texts)
        low_whole = whole.lower()
        # The patterns that may match in this document: those whose literal is in its text,
        # and those without one that match in the blocks joined by newlines (a match in a block
        # is a match there: with re.M, ^ and $ hold at the joins), one search of the whole
        # text instead of one per block, and only when one of their alternatives is there.
        page = doc.format != "html"  # a live page legitimately has its chrome and footer
        pats = [(lit, rx, is_page) for lit, alts, rx, whole_ok, is_page in pats
                if (page or not is_page) and (lit in low_whole if lit else
                    (not alts or any(a in low_whole for a in alts))
                    and (not whole_ok or rx.search(whole)))]
        todo = _candidates(pats, texts, whole, low_whole) if pats else set()
        short_len = 12 * max_words if doc.format != "html" else -1  # pages: no chrome check
        # blocks with a line that may start with a phrase: one search of the joined text
        # instead of a look at every block's lines (most articles have none); a match at
        # offset k of "\n" + low_whole is the line starting at offset k of whole
        if short_len < 0:
            chrome = set()
        elif len(low_whole) == len(whole):
            chrome = _blocks_at((m.start() for m in starts.finditer("\n" + low_whole)), texts)
        else:  # lower-casing changed the length: offsets in low_whole are not offsets in whole
            chrome = set(range(len(texts)))
        for i in sorted(todo | chrome):
            b = prose[i]
            # a widget title scraped with its entries ("Related Posts" and two post titles on
            # the lines below) is judged by its first line
            first_line = b.text.split("\n", 1)[0]
            if i in chrome and len(first_line) <= short_len:
                if _first_word(first_line) in firsts \
                        and len((t := norm(first_line)).split()) <= max_words:
                    hit = next((p for p in phrases if t == p or t.startswith(p + " ")), None)
                    if hit:  # the whole block: the widget's title and its entries
                        e = b.pos_of(len(b.text.rstrip()))
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
            if i not in todo:
                continue
            low = b.text.lower()
            for lit, rx, is_page in pats:
                if lit and lit not in low:
                    continue
                m = rx.search(b.text)
                if m:
                    p, e = b.pos_of(m.start()), b.pos_of(m.end())
                    kind = "page residue left in the article" if is_page else \
                        "text-generator or template residue"
                    ctx.report(p.line, p.col, f"\"{short(m.group(0), 40)}\" is {kind}; remove it",
                               end_line=e.line, end_col=e.col)
                    break


def _first_word(line: str) -> str:
    """The line's first word as the phrases' first words are compared: lower case, without
    the markup and punctuation around it ("**Related" -> "related")."""
    head = line.lstrip(" #*_[(\"'“").split(None, 1)
    return head[0].lower().strip(".,:;!?*_\"'”)") if head else ""


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


def _candidates(pats: list, texts: list, whole: str, low_whole: str) -> set:
    """Indexes of the blocks (``texts``, joined by newlines into ``whole``) that may hold a
    match of one of ``pats``: those where a pattern's literal occurs, found with ``str.find``
    on the whole text rather than by searching every block (almost every article has "here").
    Every block when a pattern has no literal, or when lower-casing changed the text's length
    (offsets in ``low_whole`` would not be offsets in ``whole``)."""
    if any(not p[0] for p in pats) or len(low_whole) != len(whole):
        return {i for i, t in enumerate(texts) if t.strip()}
    return _blocks_at((at for lit in {p[0] for p in pats}
                       for at in _find_all(low_whole, lit)), texts)


def _listed(o: dict, name: str) -> tuple:
    """The option's list and its ``extra_`` list, as one tuple (a cache key)."""
    return tuple(list(o.get(name) or []) + list(o.get("extra_" + name) or []))


def _find_all(text: str, lit: str):
    at = text.find(lit)
    while at >= 0:
        yield at
        at = text.find(lit, at + 1)


def _blocks_at(offsets, texts: list) -> set:
    """Indexes of the blocks (``texts`` joined by newlines) that hold the given offsets of the
    joined text."""
    offsets = list(offsets)
    if not offsets:
        return set()
    # block i ends at ends[i] + i in the joined text: the lengths before it and i newlines
    ends = [e + i for i, e in enumerate(accumulate(map(len, texts)))]
    return {bisect_left(ends, at) for at in offsets}


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
