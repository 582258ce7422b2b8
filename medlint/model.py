"""The one parsed model every rule reads: Document, its blocks, front matter and findings.

Positions are 1-based lines and columns of the original file (front matter included), so a
finding can be reported exactly where an editor shows it. Nothing here parses; see
``medlint.reading`` for how a Document is built.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES = (
    "front-matter",
    "metadata",
    "structure",
    "missing-list-items",
    "duplicate-faq",
    "contradictory-advice",
    "unsupported-claim",
    "broken-embed",
    "links",
    "readability",
    "safety",
    "language",
)


# The attribute a parser sets on a block whose content it dropped as page chrome (a comment
# thread's <li>): the block is not empty, its content was left out on purpose.
DROPPED = "data-medlint-dropped"


class Pos(NamedTuple):
    # a named tuple, not a frozen dataclass: one is built for every sentence end and finding,
    # and a frozen dataclass's __init__ costs several times a tuple's
    line: int
    col: int


# --------------------------------------------------------------------------- front matter


@dataclass
class FMKey:
    """One key of the front matter, at any nesting level.

    ``path`` is the tuple of keys from the root (list indexes as ints), ``value`` the
    constructed value (safe-loaded) and ``value_line``/``value_col`` where the value starts.
    """

    path: tuple
    line: int
    col: int
    value: Any
    value_line: int
    value_col: int
    raw_value: str = ""  # the scalar's source text when it is a scalar
    tag: str = ""  # YAML tag of the value node ('' for TOML)
    items: tuple = ()  # (line, col) of each element when the value is a sequence

    @property
    def name(self) -> str:
        return str(self.path[-1])

    @property
    def dotted(self) -> str:
        return ".".join(str(p) for p in self.path)


@dataclass
class FMDuplicate:
    first: FMKey
    second: FMKey

    @property
    def values_equal(self) -> bool:
        return self.first.value == self.second.value


@dataclass
class FMError:
    message: str
    line: int
    col: int


@dataclass
class FrontMatter:
    format: str  # "yaml" or "toml"
    start_line: int  # line of the opening fence
    end_line: int  # line of the closing fence (or, unterminated, its last line as read)
    data: dict = field(default_factory=dict)
    keys: list[FMKey] = field(default_factory=list)
    duplicates: list[FMDuplicate] = field(default_factory=list)
    error: FMError | None = None
    unclosed: bool = False  # the fence is never closed (``error`` says so)
    load_error: FMError | None = None  # unclosed, and its lines did not load either
    # when the YAML does not load: its "key: value" lines read one by one, (line, key line's
    # indent, key, value, value column), so that checks needing no structure (a URL, a date)
    # still see the values
    raw_pairs: list = field(default_factory=list)

    @property
    def unreadable(self) -> bool:
        """The keys could not be read: a syntax error, unsafe tag, or not a mapping. An
        unclosed fence whose lines loaded without error is an error, but readable."""
        return self.error is not None and (not self.unclosed or self.load_error is not None)

    def top(self, name: str) -> FMKey | None:
        """The (last) top-level key of this name, case-insensitively."""
        found = None
        low = name.lower()
        for k in self.keys:
            if len(k.path) == 1 and str(k.path[0]).lower() == low:
                found = k
        return found

    def find(self, dotted: str) -> list[FMKey]:
        """Keys whose dotted path matches ``dotted`` (``cover.image``; list indexes skipped)."""
        want = [p.lower() for p in dotted.split(".")]
        out = []
        for k in self.keys:
            names = [str(p).lower() for p in k.path if not isinstance(p, int)]
            if names == want:
                out.append(k)
        return out


# --------------------------------------------------------------------------- body


@dataclass
class Block:
    """A block of the body: heading, paragraph, list, item, table, code, html, embed, image, hr.

    ``text`` is the plain text (markup removed) with one ``\\n`` per source line break, so
    ``line + text[:i].count("\\n")`` is the source line of character ``i``.
    """

    kind: str
    line: int
    col: int
    end_line: int
    end_col: int = 0
    text: str = ""
    level: int = 0  # heading level; list nesting depth for lists and items
    ordered: bool = False  # lists and items
    number: str = ""  # heading / item numbering as written ("3.", "3)", "Q3") or ""
    marker: str = ""  # list item marker ("-", "*", "•", "1.") or html tag for html-born blocks
    source: str = "markdown"  # markdown, html, text
    tag: str = ""  # originating html tag, if any
    attrs: dict = field(default_factory=dict)
    children: list[Block] = field(default_factory=list)
    parent: Block | None = field(default=None, repr=False, compare=False)
    line_cols: tuple = ()  # source column of the first character of each text line

    def walk(self) -> Iterator[Block]:
        yield self
        for c in self.children:
            yield from c.walk()

    def _newlines(self, text: str) -> list[int]:
        """Offsets of the line breaks of ``text``, cached while the text is unchanged."""
        c = self.__dict__.get("_nl_cache")
        if c is not None and c[0] is text:
            return c[1]
        nl = []
        i = text.find("\n")
        while i >= 0:
            nl.append(i)
            i = text.find("\n", i + 1)
        self.__dict__["_nl_cache"] = (text, nl)
        return nl

    @property
    def first_col(self) -> int:
        """Source column of the first character of ``text``."""
        return self.line_cols[0] if self.line_cols else self.col

    def pos_of(self, offset: int) -> Pos:
        """Source position of character ``offset`` of ``text``."""
        text = self.text
        # clamp without min()/max(): this runs for every sentence and every finding
        if offset < 0:
            offset = 0
        elif offset > len(text):
            offset = len(text)
        if "\n" not in text:  # one line, like most headings and many paragraphs
            return Pos(self.line, self.first_col + offset)
        nl = self._newlines(text)
        li = bisect_left(nl, offset)  # line breaks before ``offset``
        line_start = nl[li - 1] + 1 if li else 0
        base = self.line_cols[li] if li < len(self.line_cols) else (self.col if li == 0 else 1)
        return Pos(self.line + li, base + (offset - line_start))


@dataclass
class Element:
    """An HTML element or Markdown construct that is not prose: img, iframe, a, shortcode."""

    tag: str  # "img", "iframe", "a", "video", "shortcode:youtube", ...
    line: int
    col: int
    attrs: dict = field(default_factory=dict)
    source: str = "html"  # html, markdown, shortcode
    raw: str = ""
    end_line: int = 0
    end_col: int = 0
    text: str = ""  # link text / alt text
    has_image: bool = False  # a link that wraps an image (its alt text is the link's name)

    def __post_init__(self) -> None:
        if not self.end_line:
            self.end_line = self.line
        if not self.end_col:
            self.end_col = self.col + max(1, len(self.raw.split("\n", 1)[0]))


@dataclass
class Sentence:
    text: str
    line: int
    col: int
    end_line: int
    end_col: int
    block: Block = field(repr=False, compare=False)
    start: int = 0  # offset in block.text
    end: int = 0


@dataclass
class Suppression:
    kind: str  # disable, enable, disable-next-line, disable-line, disable-file
    rules: tuple  # empty = all
    line: int


@dataclass
class Section:
    """A heading and the blocks under it up to the next heading of any level."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading is not None else 0

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else ""


PROSE_KINDS = frozenset(("heading", "paragraph", "item", "cell"))


class ProseText:
    """The prose blocks of a document (headings, paragraphs, list items, table cells, in
    document order) and their texts joined by newlines, so that a rule can look for a literal
    or a pattern in one search of the whole text instead of one per block, then map what it
    finds back to the blocks.

    ``text`` is ``"\\n".join(texts)``: block ``i`` starts at ``nexts[i - 1]`` (0 for the
    first) and the newline after it is at ``nexts[i] - 1``. With ``re.M``, ``^`` and ``$``
    hold at the joins just as at the ends of a block's own text.
    """

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.texts = [b.text for b in blocks]
        self.text = "\n".join(self.texts)

    @cached_property
    def lower(self) -> str:
        """``text`` lower-cased: block ``i`` of it is ``texts[i].lower()`` when ``aligned``."""
        return self.text.lower()

    @cached_property
    def aligned(self) -> bool:
        """Whether offsets in ``lower`` are offsets in ``text`` (lower-casing a character such
        as 'İ' gives two, which shifts every offset after it)."""
        return len(self.lower) == len(self.text)

    @cached_property
    def nexts(self) -> list[int]:
        """Offset in ``text`` just after each block's text and the newline after it."""
        return list(accumulate(map((1).__add__, map(len, self.texts))))

    def block_at(self, offset: int) -> int:
        """Index of the block whose text holds ``text[offset]`` (or the newline after it)."""
        return bisect_right(self.nexts, offset)

    def blocks_with(self, literal: str, lowered: bool = False) -> set[int]:
        """Indexes of the blocks whose text (lower-cased text if ``lowered``) contains
        ``literal``, found with ``str.find`` on the joined text rather than block by block."""
        texts = self.texts
        if lowered and not self.aligned:
            return {i for i, t in enumerate(texts) if literal in t.lower()}
        text = self.lower if lowered else self.text
        out: set[int] = set()
        at = text.find(literal)
        if at < 0:
            return out  # the usual case: no need for the blocks' offsets
        nexts = self.nexts
        while at >= 0:
            i = bisect_right(nexts, at)
            if i >= len(nexts):
                break
            out.add(i)
            at = text.find(literal, nexts[i])  # go on in the next block
        if "\n" in literal:  # a match across a join is in no block's own text
            out = {i for i in out if literal in (texts[i].lower() if lowered else texts[i])}
        return out


@dataclass
class Document:
    path: str
    text: str
    format: str  # markdown, html, text
    lines: list[str] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    body_start: int = 1  # first line of the body
    blocks: list[Block] = field(default_factory=list)  # top level, in source order
    elements: list[Element] = field(default_factory=list)  # images, iframes, links, shortcodes
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[tuple] = field(default_factory=list)  # (code_hint, message, line, col)
    encoding: str = "utf-8"
    title_from_html: str = ""
    html_article_only: bool = False  # an HTML page whose blocks are its <main>/<article> only
    # JSON-LD scripts (HTML pages, HTML blocks of Markdown) as (line, col, text of the content)
    structured_data: list[tuple[int, int, str]] = field(default_factory=list)

    # ---- convenient views, computed once -------------------------------------------

    def all_blocks(self) -> Iterator[Block]:
        for b in self.blocks:
            yield from b.walk()

    @cached_property
    def flat(self) -> list[Block]:
        # appended by one recursive function rather than collected from walk(), whose nested
        # generators pass every block up through each level: this view is built for every
        # document, and this is about twice as fast
        out: list[Block] = []

        def add(blocks: list[Block]) -> None:
            for b in blocks:
                out.append(b)
                if b.children:
                    add(b.children)

        add(self.blocks)
        return out

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.flat if b.kind == "heading"]

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.flat if b.kind == "paragraph"]

    @cached_property
    def lists(self) -> list[Block]:
        return [b for b in self.flat if b.kind == "list"]

    @cached_property
    def items(self) -> list[Block]:
        return [b for b in self.flat if b.kind == "item"]

    @cached_property
    def images(self) -> list[Element]:
        """<img>, Markdown images and Hugo figure shortcodes (``{{< figure src=... alt=... >}}``),
        whose ``src`` and ``alt`` arguments are the image's."""
        return [e for e in self.elements if e.tag == "img" or e.tag == "shortcode:figure"]

    @cached_property
    def links(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "a"]

    @cached_property
    def word_count(self) -> int:
        """Words of the article's paragraphs, list items and table cells (not its headings)."""
        return sum(len(b.text.split()) for b in self.flat if b.kind in ("paragraph", "item",
                                                                        "cell"))

    @cached_property
    def json_ld_scripts(self) -> list[tuple[int, int, str, Any]]:
        """(line, col, text, data) of the page's JSON-LD scripts, each parsed once; scripts
        that are not valid JSON are left out."""
        import json

        out: list[tuple[int, int, str, Any]] = []
        for line, col, text in self.structured_data:
            try:
                out.append((line, col, text, json.loads(text)))
            except (ValueError, RecursionError):
                continue
        return out

    @cached_property
    def json_ld(self) -> list[tuple[int, int, dict]]:
        """(line, col, node) of every JSON object in the page's JSON-LD scripts (``@graph``
        entries and nested objects included)."""
        out: list[tuple[int, int, dict]] = []
        for line, col, _text, data in self.json_ld_scripts:
            stack = [data]
            while stack and len(out) < 10_000:
                node = stack.pop()
                if isinstance(node, dict):
                    out.append((line, col, node))
                    stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
                elif isinstance(node, list):
                    stack.extend(v for v in node if isinstance(v, (dict, list)))
        return out

    @cached_property
    def embeds(self) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag in ("iframe", "video", "audio", "embed", "object", "source")
            or e.tag.startswith("shortcode:")
        ]

    @cached_property
    def sentences(self) -> list[Sentence]:
        from .sentences import split_block

        out: list[Sentence] = []
        for b in self.flat:
            if b.kind in ("paragraph", "item", "heading", "cell") and b.text.strip():
                out.extend(split_block(b))
        return out

    @cached_property
    def _sentences_by_block(self) -> dict[int, list[Sentence]]:
        out: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            out.setdefault(id(s.block), []).append(s)
        return out

    def sentences_of(self, block: Block) -> list[Sentence]:
        """The sentences of one block, in order (empty for a block that holds none)."""
        return self._sentences_by_block.get(id(block), [])

    @cached_property
    def prose(self) -> ProseText:
        """The headings, paragraphs, list items and table cells, with their texts joined
        into one for searching (see ``ProseText``)."""
        return ProseText([b for b in self.flat if b.kind in PROSE_KINDS])

    @cached_property
    def faq(self) -> list:
        """The FAQ entries (``medlint.faq.FaqEntry``): question, answer, their lines."""
        from .faq import find_faq

        return find_faq(self)

    @cached_property
    def faq_answer_ids(self) -> frozenset[int]:
        """``id()`` of every block of the FAQ's answers and of what they hold (list items,
        cells); the questions' blocks are ``FaqEntry.question_block``."""
        return frozenset(id(x) for e in self.faq for b in e.blocks for x in b.walk())

    @cached_property
    def sections(self) -> list[Section]:
        """The body cut at every heading: (heading or None for the lead, blocks until the
        next heading), in document order. ``blocks`` are flat (list items included)."""
        out: list[Section] = [Section(heading=None, blocks=[])]
        for b in self.flat:
            if b.kind == "heading":
                out.append(Section(heading=b, blocks=[]))
            else:
                out[-1].blocks.append(b)
        if not out[0].blocks:
            out.pop(0)
        return out

    def section_of(self, block: Block) -> Section | None:
        for s in self.sections:
            if s.heading is block or any(b is block for b in s.blocks):
                return s
        return None

    @property
    def title(self) -> str:
        """The front matter's title, an HTML page's <title>, or, in plain text, where a scraped
        page's title is its first line, that line when it is short."""
        fm = self.front_matter
        if fm and isinstance(fm.data, dict):
            t = fm.data.get("title")
            if isinstance(t, str) and t.strip():
                return t.strip()
        if fm and fm.raw_pairs:  # YAML that does not load: its "title: ..." line
            t = next((v for _line, indent, key, v, _col in fm.raw_pairs
                      if indent == 0 and key.lower() == "title"), "")
            if t.strip():
                return t.strip()
        if self.format == "text" and not self.title_from_html and self.blocks:
            # the first line of words, past scraped chrome ("Skip to content", "Menu", a
            # breadcrumb trail)
            for line in self.blocks[0].text.split("\n")[:5]:
                line = line.strip()
                if line.count(" | ") == 1:  # "Vertigo: Causes and Treatment | WellnessHub":
                    line = line.split(" | ")[0].strip()  # the page's title and site name
                if len(line.split()) < 3 or line.lower().startswith("skip to") or any(
                        m in line for m in (" » ", " > ", " | ", " › ")):
                    continue
                if len(line.split()) <= 15 and not line.endswith((".", "!", "?", ":")):
                    return line
                break
        return self.title_from_html

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, col) up to (end_line, end_col), 1-based, end exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


@dataclass
class Fix:
    """A safe, meaning-preserving change that resolves a finding (``medlint check --fix``)."""

    description: str
    edits: tuple


@dataclass
class Finding:
    path: str
    line: int
    column: int
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = field(default=None, compare=False, repr=False)
    fingerprint: str = field(default="", compare=False, repr=False)  # for baselines
    context: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        self.line = max(1, int(self.line))
        self.column = max(1, int(self.column))
        if not self.end_line or self.end_line < self.line:
            self.end_line = self.line
        if not self.end_column or (self.end_line == self.line and self.end_column < self.column):
            self.end_column = self.column + 1

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "fixable": self.fix is not None,
        }
