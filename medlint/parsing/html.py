"""HTML (whole pages, and HTML blocks inside Markdown) into the same Block kinds as Markdown.

Built on the standard library's ``html.parser``: it is tolerant (unclosed tags, stray end
tags, 10,000 nested elements) and the only parser tested here that gives line *and* column
(``getpos()``). Positions of fragments are shifted by the fragment's place in the file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import DROPPED, Block, Element

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that close a run of inline text and start a new block.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
    "menu", "noscript", "iframe", "video", "audio", "object", "embed", "head", "title",
}
# Text containers: text inside them belongs to one block emitted when they close.
TEXT_BLOCKS = {
    "p": "paragraph", "li": "item", "td": "cell", "th": "cell", "dt": "paragraph",
    "dd": "paragraph", "summary": "paragraph", "figcaption": "paragraph", "pre": "code",
    "caption": "paragraph", "blockquote": "quote", "title": "title",
    **{h: "heading" for h in HEADINGS},
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
# Never prose: content inside is dropped.
ALWAYS_SKIP = {"script", "style", "template", "svg", "math", "noscript", "object", "select",
               "textarea", "button", "head"}
# Start tags that close an open <p> (HTML5 parsing: "a p element's end tag may be omitted if
# [it] is immediately followed by" one of these)
_CLOSES_P = frozenset("""address article aside blockquote details dialog div dl fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre
    section table ul""".split())
# Page chrome, dropped in whole pages (kept when they occur inside Markdown).
PAGE_SKIP = {"nav", "header", "footer", "form", "aside", "iframe", "menu", "dialog"}
EMBED_TAGS = {"iframe", "video", "audio", "embed", "object", "source"}
_CHROME = re.compile(
    r"(?:^|[\s_-])(cookie|consent|gdpr|banner|newsletter|subscribe|share|sharing|social|"
    r"breadcrumbs?|sidebar|side-bar|menu|navbar|nav|navigation|masthead|site-header|"
    r"site-footer|footer|header|advert|ads?|sponsor|popup|modal|related|comments?|widget)"
    r"(?:$|[\s_-])",
    re.I,
)
# End tags whose search for their open element stops at these elements.
_END_SCOPE = {"p": ("table", "ul", "ol"), "li": ("table", "ul", "ol"), "div": ("table",)}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Acc:
    """Accumulates text with enough position data to map it back to source lines."""

    __slots__ = ("parts", "line", "col", "cur", "line_cols")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line = 0
        self.col = 0
        self.cur = 0
        self.line_cols: list[int] = []

    def add(self, text: str, line: int, col: int) -> None:
        if not text:
            return
        if not self.parts:
            if not text.strip():
                return
            # drop leading blank lines and spaces, keeping the position of the first char
            stripped = text.lstrip("\n")
            line += text.count("\n", 0, len(text) - len(stripped))
            if len(stripped) != len(text):
                col = 1
            lead = len(stripped) - len(stripped.lstrip(" \t\r\f\v\u00a0"))
            text = stripped[lead:]
            col += lead
            self.line, self.col, self.cur, self.line_cols = line, col, line, [col]
        while self.cur < line:
            self.parts.append("\n")
            self.cur += 1
            self.line_cols.append(col if self.cur == line else 1)
        segs = text.split("\n")
        for i, seg in enumerate(segs):
            if i:
                self.parts.append("\n")
                self.cur += 1
                self.line_cols.append(1 + len(seg) - len(seg.lstrip()))
            self.parts.append(seg)

    def text(self) -> str:
        text = "".join(self.parts)
        # the regex visits every space; most text has no run to fold, and `in` is a memchr
        if ("  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text
                or "\u00a0" in text):
            text = _SPACE.sub(" ", text)
        return text.rstrip()

    def empty(self) -> bool:
        return not "".join(self.parts).strip()

    def paragraph(self, source: str) -> Block:
        """The paragraph of text that is in no text container."""
        text = self.text()
        return Block(kind="paragraph", line=self.line, col=self.col,
                     end_line=self.line + text.count("\n"), text=text, source=source,
                     line_cols=tuple(self.line_cols))


# Frame kinds whose text is accumulated (the text containers of TEXT_BLOCKS).
_TEXT_KINDS = frozenset(TEXT_BLOCKS.values())


class _Frame:
    __slots__ = ("tag", "kind", "line", "col", "acc", "block", "skip", "attrs", "is_main",
                 "media", "hidden", "chars", "link_chars")

    def __init__(self, tag, kind, line, col, attrs, skip=False):
        self.tag = tag
        self.kind = kind
        self.line = line
        self.col = col
        # most frames (skipped chrome, divs, spans) never hold text: no accumulator for them
        self.acc = _Acc() if kind in _TEXT_KINDS else None
        self.block: Block | None = None
        self.skip = skip
        self.attrs = attrs
        self.is_main = False
        self.media = ""
        self.hidden = tag in ALWAYS_SKIP  # never visible text (script, style, head, ...)
        # for dropped chrome: the visible text inside it, and how much of that is link text
        self.chars = 0
        self.link_chars = 0

    def text_block(self, end_line: int, end_col: int, source: str) -> Block:
        """The block of this text container, closed at ``end_line``/``end_col``."""
        acc = self.acc
        b = Block(
            kind=self.kind,
            line=acc.line or self.line,
            col=acc.col or self.col,
            end_line=end_line,
            end_col=end_col,
            text=acc.text().strip(),
            source=source,
            tag=self.tag,
            attrs=self.attrs,
            line_cols=tuple(acc.line_cols) or (self.col,),
        )
        if self.kind == "heading":
            b.level = HEADINGS[self.tag]
        if self.kind == "cell" and acc.empty():
            b.line, b.col = self.line, self.col
        if self.kind == "quote":
            b.kind = "paragraph"
        return b


class HtmlBuilder(HTMLParser):
    """Turns HTML into Blocks and Elements.

    ``line0``/``col0`` place the fragment in the file (1-based line of its first line and the
    column of its first character). ``page`` drops page chrome (nav, header, footer, forms,
    cookie banners) and, when the page has <main> or <article>, keeps only their content.
    ``keep`` holds the start positions (line, col) of elements that look like chrome but are
    kept (see ``parse_html``).
    """

    def __init__(self, line0: int = 1, col0: int = 1, page: bool = False, source: str = "html",
                 keep: frozenset = frozenset()):
        super().__init__(convert_charrefs=True)
        self.line0 = line0
        self.col0 = col0
        self.page = page
        self.keep = keep
        # visible text of the page (outside script, style, head, ...), in non-space characters,
        # and the outermost dropped chrome elements with the visible text inside each
        self.visible_chars = 0
        self.link_chars = 0  # of which inside links
        self.hidden_depth = 0
        self.chrome: list[_Frame] = []
        self._chrome_top: _Frame | None = None
        self._skip_link = False  # inside an <a> in dropped content
        self.problems: list[tuple] = []  # reading problems, as Document.problems
        self.source = source
        self.blocks: list[Block] = []  # top-level blocks in order
        self.elements: list[Element] = []
        self.stack: list[_Frame] = []
        self.loose = _Acc()  # text not inside a text container
        self.skip_depth = 0
        self.main_depth = 0
        self.saw_main = False
        self.article_only = False  # a page whose blocks are its <main>/<article> only
        self.in_main_flags: list[bool] = []  # per emitted top-level block
        self.outside_main: set[int] = set()  # ids of the elements met outside <main>/<article>
        self.title = ""
        self.comments: list[tuple[str, int, int]] = []
        # JSON-LD scripts as (line, col, text) of their content: never prose, but FAQPage
        # markup is part of the article's FAQ (medlint.faq parses it when it is asked for)
        self.structured_data: list[tuple[int, int, str]] = []
        self._ld: list | None = None  # [line, col, chunks] while inside a JSON-LD script
        self._link: Element | None = None
        self._in_title = False

    # ---- positions -------------------------------------------------------------------

    def _pos(self) -> tuple[int, int]:
        line, off = self.getpos()
        if line == 1:
            return self.line0, self.col0 + off
        return self.line0 + line - 1, off + 1

    # ---- helpers ---------------------------------------------------------------------

    def _container(self) -> _Frame | None:
        for f in reversed(self.stack):
            if f.kind in _TEXT_KINDS:
                return f
        return None

    def _list_parent(self) -> Block | None:
        for f in reversed(self.stack):
            if f.kind in ("list", "item", "table", "row") and f.block is not None:
                return f.block
        return None

    def _emit(self, block: Block) -> None:
        parent = self._list_parent()
        if parent is not None:
            block.parent = parent
            parent.children.append(block)
        else:
            self.blocks.append(block)
            self.in_main_flags.append(self.main_depth > 0)

    def _flush_loose(self) -> None:
        if self.loose.empty():
            self.loose = _Acc()
            return
        acc = self.loose
        self.loose = _Acc()
        self._emit(acc.paragraph(self.source))

    # ---- parser callbacks --------------------------------------------------------------

    def handle_starttag(self, tag, attrs):  # noqa: C901 - a dispatcher
        tag = tag.lower()
        if tag == "title" and not self.title:
            self._in_title = True
        if tag == "script" and any(k.lower() == "type" and (v or "").split(";")[0].strip().lower()
                                   == "application/ld+json" for k, v in attrs):
            self._ld = [0, 0, []]
        if tag == "meta" and self.page:
            # <meta name|property|itemprop="pubdate" content="..."> (in <head>, which is never
            # prose): the dates rules read them from Document.elements
            ma = {k.lower(): v or "" for k, v in attrs}
            if "content" in ma and ("name" in ma or "property" in ma or "itemprop" in ma):
                line, col = self._pos()
                self.elements.append(Element(tag="meta", line=line, col=col, attrs=ma,
                                             source=self.source,
                                             raw=self.get_starttag_text() or ""))
        if self.skip_depth:
            # inside dropped content only the nesting matters (most tags of a page are here)
            if tag == "a":
                self._skip_link = True
            if tag not in VOID:
                frame = _Frame(tag, "skip", 0, 0, None, skip=True)
                self.stack.append(frame)
                self.skip_depth += 1
                self.hidden_depth += frame.hidden
            return
        ad = {k.lower(): (v if v is not None else "") for k, v in attrs}
        line, col = self._pos()
        raw = self.get_starttag_text() or ""
        if tag in _CLOSES_P and self.stack and self.stack[-1].tag == "p":
            # as in a browser, a list, table or other block ends an open paragraph: "<p>Lead-in:
            # <ul>...</ul></p>" is a paragraph followed by its list, not a list inside it
            self._close(self.stack.pop(), line, col)
        if tag in EMBED_TAGS or tag == "img":
            el = Element(tag=tag, line=line, col=col, attrs=ad, source=self.source, raw=raw)
            if tag == "img":
                el.text = ad.get("alt", "")
                if self._link is not None:
                    self._link.has_image = True
            self.elements.append(el)
            if not self.main_depth:
                self.outside_main.add(id(el))
            kind = "image" if tag == "img" else "embed"
            holder = self._container()
            if holder is not None:
                holder.media = holder.media or kind
            elif tag != "source":
                self._flush_loose()
                self._emit(Block(kind=kind, line=line, col=col, end_line=line, source=self.source,
                                 tag=tag, attrs=ad))
        if tag == "a":
            el = Element(tag="a", line=line, col=col, attrs=ad, source=self.source, raw=raw)
            self.elements.append(el)
            if not self.main_depth:
                self.outside_main.add(id(el))
            self._link = el
        if tag == "br":
            f = self._container()
            (f.acc if f else self.loose).add(" ", line, col)
            return
        if tag in VOID:
            if tag in BLOCK_TAGS:
                self._flush_loose()
            return
        chrome = False
        if self.page:
            classes = " ".join((ad.get("class", ""), ad.get("id", ""), ad.get("role", "")))
            chrome = tag in PAGE_SKIP or (
                tag in ("div", "section", "ul", "aside", "table", "p", "span")
                and bool(_CHROME.search(classes))
                and tag not in ("main", "article")
            )
            if chrome and self.keep and (line, col) in self.keep:
                chrome = False
        if tag in ALWAYS_SKIP or chrome:
            if tag in BLOCK_TAGS:
                self._flush_loose()
            if tag == "head" or tag not in VOID:
                frame = _Frame(tag, "skip", line, col, ad, skip=True)
                self.stack.append(frame)
                self.skip_depth += 1
                if frame.hidden:
                    self.hidden_depth += 1
                else:
                    self.chrome.append(frame)
                    self._chrome_top = frame
                    item = next((f for f in reversed(self.stack[:-1]) if f.kind == "item"), None)
                    if item is not None and item.block is not None:
                        # its content was dropped, not missing: a comment thread's <li>
                        item.block.attrs = {**item.block.attrs, DROPPED: "chrome"}
            return
        if tag in BLOCK_TAGS:
            self._flush_loose()
        frame = _Frame(tag, TEXT_BLOCKS.get(tag, "container"), line, col, ad)
        if tag in ("main", "article") or ad.get("role") == "main":
            frame.is_main = True
            self.main_depth += 1
            self.saw_main = True
        if tag in ("ul", "ol", "menu", "dl"):
            frame.kind = "list"
            frame.block = Block(
                kind="list", line=line, col=col, end_line=line, ordered=(tag == "ol"),
                source=self.source, tag=tag, attrs=ad,
            )
            self._emit(frame.block)
            frame.block.level = sum(1 for f in self.stack if f.kind == "list")
        elif tag == "table":
            frame.kind = "table"
            frame.block = Block(kind="table", line=line, col=col, end_line=line,
                                source=self.source, tag=tag, attrs=ad)
            self._emit(frame.block)
        elif tag == "tr":
            frame.kind = "row"
            frame.block = Block(kind="row", line=line, col=col, end_line=line,
                                source=self.source, tag=tag)
            self._emit(frame.block)
        elif tag == "li":
            parent = self._list_parent()
            frame.block = Block(
                kind="item", line=line, col=col, end_line=line, source=self.source, tag=tag,
                marker="<li>", attrs=ad, ordered=bool(parent is not None and parent.ordered),
                level=parent.level if parent is not None else 0,
            )
            self._emit(frame.block)
        elif tag == "hr":
            self._emit(Block(kind="hr", line=line, col=col, end_line=line, source=self.source))
        self.stack.append(frame)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._ld is not None:
            line, col, chunks = self._ld
            self._ld = None
            if chunks:
                self.structured_data.append((line, col, "".join(chunks)))
        if tag == "a":
            self._link = None
            self._skip_link = False
        # find the matching open element; ignore stray end tags
        stack = self.stack
        # don't let a stray end tag close across a structure boundary: </p> and </li> stop
        # at a list or table, </div> only at a table (as in a browser, where the scope of
        # </div> ends at a table but not at a list: `<ul><li><a href="/x</div>` never closes
        # the list, and its </div> must still close the div around it)
        bounds = _END_SCOPE.get(tag, ())
        idx = None
        for i in range(len(stack) - 1, -1, -1):
            open_tag = stack[i].tag
            if open_tag == tag:
                idx = i
                break
            if open_tag in bounds:
                break
        if idx is None:
            if tag == "p" and not self.skip_depth:
                self._flush_loose()
            return
        if stack[idx].skip:
            # every element opened inside a skipped one is skipped too: nothing to emit
            self.skip_depth -= len(stack) - idx
            self.hidden_depth -= sum(f.hidden for f in stack[idx:])
            del stack[idx:]
            if not self.skip_depth:
                self._chrome_top = None
            return
        line, col = self._pos()
        while len(stack) > idx:
            self._close(stack.pop(), line, col)

    def _close(self, frame: _Frame, line: int, col: int) -> None:
        if frame.skip:
            self.skip_depth -= 1
            self.hidden_depth -= frame.hidden
            if not self.skip_depth:
                self._chrome_top = None
            return
        if frame.is_main:
            self.main_depth -= 1
        if frame.tag in BLOCK_TAGS:
            self._flush_loose()
        if frame.block is not None:
            frame.block.end_line = line
            frame.block.end_col = col
            if frame.kind == "item":
                acc = frame.acc
                frame.block.text = acc.text().strip()
                if acc.empty():  # <li><p>text</p></li>: the item's text is its first paragraph
                    first = next((c for c in frame.block.children if c.kind == "paragraph"), None)
                    if first is not None:
                        frame.block.text = first.text
                        frame.block.line, frame.block.col = first.line, first.col
                        frame.block.line_cols = first.line_cols
                if not acc.empty():
                    frame.block.line, frame.block.col = acc.line, acc.col
                    frame.block.line_cols = tuple(acc.line_cols)
            return
        kind = frame.kind
        if kind == "container":
            return
        acc = frame.acc
        if kind == "title":
            return
        if acc.empty() and kind != "cell":
            if frame.media:
                self._emit(Block(kind=frame.media, line=frame.line, col=frame.col, end_line=line,
                                 source=self.source, tag=frame.tag, attrs=frame.attrs))
            return
        self._emit(frame.text_block(line, col, self.source))

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title + " " + " ".join(data.split())).strip()
            return
        if self.page and not self.hidden_depth and data:
            n = len("".join(data.split()))
            self.visible_chars += n
            if self._link is not None or self._skip_link:
                self.link_chars += n
            top = self._chrome_top
            if top is not None and self.skip_depth:
                top.chars += n
                if self._skip_link:
                    top.link_chars += n
        if self.skip_depth or not data:
            ld = self._ld  # script content is skipped text: only JSON-LD is kept, as data
            if ld is not None and data:
                if not ld[2]:
                    ld[0], ld[1] = self._pos()
                ld[2].append(data)
            return
        line, col = self._pos()
        f = self._container()
        if f is not None:
            f.acc.add(data, line, col)
        else:
            self.loose.add(data, line, col)
        if self._link is not None:
            self._link.text += data

    def handle_comment(self, data):
        line, col = self._pos()
        self.comments.append((data, line, col))

    def finish(self) -> tuple[list[Block], list[Element]]:
        try:
            self.close()
        except Exception:  # pragma: no cover - html.parser is tolerant; belt and braces
            pass
        line = self.line0 + self.getpos()[0] - 1
        while self.stack:
            self._close(self.stack.pop(), line, 1)
        self._flush_loose()
        blocks = self.blocks
        if self.page and self.saw_main:
            kept = [b for b, m in zip(self.blocks, self.in_main_flags, strict=False) if m]
            if sum(len(b.text) for bl in kept for b in bl.walk()) > 200:
                blocks = kept
                self.article_only = True
                # the links, images and embeds of the page's chrome go with its blocks
                # (<meta> dates of the <head> stay)
                self.elements = [e for e in self.elements if id(e) not in self.outside_main]
        return blocks, self.elements


def _parse(text: str, line0: int, col0: int, page: bool, source: str,
           keep: frozenset = frozenset()) -> HtmlBuilder:
    b = HtmlBuilder(line0=line0, col0=col0, page=page, source=source, keep=keep)
    try:
        b.feed(text)
    except (AssertionError, ValueError, IndexError):  # malformed declarations in old parsers
        pass
    b.blocks, b.elements = b.finish()
    return b


def kept_chars(blocks: list[Block]) -> int:
    """Non-space characters of the text of ``blocks`` and the blocks inside them."""
    return sum(len("".join(b.text.split())) for top in blocks for b in top.walk() if b.text)


def _swallowing_chrome(b: HtmlBuilder) -> _Frame | None:
    """The dropped element that took the page's content with it, if one did.

    A page whose kept text is under a quarter of its visible text, where one element dropped
    as chrome holds more than half of the page's text outside links (menus are links): an
    ASP.NET page inside one <form>, a `<div id="banner">` that never closes because of broken
    markup and so holds the rest of the page, Blogger's post inside a "widget". Not a <nav>,
    which is chrome however much it holds.
    """
    total = b.visible_chars
    if total < 200 or kept_chars(b.blocks) * 4 >= total:
        return None
    prose = total - b.link_chars
    best = max((f for f in b.chrome if f.tag != "nav"), key=lambda f: f.chars - f.link_chars,
               default=None)
    if best is None or (best.chars - best.link_chars) * 2 <= prose:
        return None
    return best


def parse_html(text: str, line0: int = 1, col0: int = 1, page: bool = False,
               source: str = "html") -> HtmlBuilder:
    b = _parse(text, line0, col0, page, source)
    if page:
        # chrome that swallowed the article is not chrome: parse again keeping it (an element
        # inside it may be the next to swallow the rest, hence a few rounds)
        keep: frozenset = frozenset()
        best, cur = b, b
        for _ in range(4):
            frame = _swallowing_chrome(cur)
            if frame is None:
                break
            keep = keep | {(frame.line, frame.col)}
            cur = _parse(text, line0, col0, page, source, keep)
            if kept_chars(cur.blocks) > kept_chars(best.blocks):
                best = cur
        b = best
        b.problems = _lost_text(b)
    return b


def _lost_text(b: HtmlBuilder) -> list[tuple]:
    """A reading problem when a page with text gave (almost) no article text."""
    total = b.visible_chars
    kept = kept_chars(b.blocks)
    if total < 500 or kept * 10 >= total:
        return []
    where = max(b.chrome, key=lambda f: f.chars, default=None)
    if where is not None and where.chars * 2 > total:
        attrs = where.attrs or {}
        name = "".join(f' {k}="{attrs[k]}"' for k in ("id", "class") if attrs.get(k))
        cause = (f"; most of it is inside <{where.tag}{name}> on line {where.line}, which was "
                 "dropped as page chrome: is an element left unclosed?")
        line, col = where.line, where.col
    else:
        cause = ("; the rest is in page chrome, outside the page's <main>/<article>, or in "
                 "markup that could not be read")
        line, col = b.line0, b.col0
    return [("html", f"HTML page: only {kept} of its {total} characters of text were read as "
             f"the article{cause}", line, col)]


# One heading or paragraph element of plain text (no markup, no character references),
# optionally followed by plain text: `<h3>1. What is X?</h3>` and the answer on the next line.
_SIMPLE_FRAGMENT = re.compile(r"[ \t]*<(h[1-6]|p)>([^<&]*)</\1>([^<&]*)")


def parse_simple_fragment(text: str, line0: int = 1, col0: int = 1,
                          source: str = "html") -> list[Block] | None:
    """The blocks ``parse_html`` builds from ``text`` when it is a simple fragment, else None.

    Articles from site generators hold hundreds of such fragments, and running html.parser
    and the builder for each was most of the cost of parsing them. The same accumulator and
    block constructors as the builder are used; ``tests/test_parsing.py`` checks the result
    against ``parse_html`` field by field.
    """
    m = _SIMPLE_FRAGMENT.fullmatch(text)
    if m is None:
        return None

    def pos(i: int) -> tuple[int, int]:
        """What HtmlBuilder._pos gives at offset ``i`` of ``text``."""
        nl = text.count("\n", 0, i)
        if not nl:
            return line0, col0 + i
        return line0 + nl, i - text.rfind("\n", 0, i)

    tag, inner, rest = m.groups()
    blocks = []
    if inner.strip():  # the builder emits nothing for an element without text
        # the start tag and the start of its text are on the fragment's first line
        frame = _Frame(tag, TEXT_BLOCKS[tag], line0, col0 + m.start(1) - 1, {})
        frame.acc.add(inner, line0, col0 + m.start(2))
        blocks.append(frame.text_block(*pos(m.end(2)), source))
    if rest.strip():
        loose = _Acc()
        loose.add(rest, *pos(m.start(3)))
        blocks.append(loose.paragraph(source))
    return blocks


_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.I | re.S)


def looks_like_html_page(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))
