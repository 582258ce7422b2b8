"""Markdown body into Blocks, with exact source lines (markdown-it-py, CommonMark + tables).

HTML blocks are handed to the HTML builder at their exact place, so ``<h3>Q?</h3>`` followed
on the next line by answer text (one CommonMark html block) becomes a heading and a
paragraph, each on its own line. Paragraphs whose lines start with ``•`` become lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Block, Element
from .html import parse_html, parse_simple_fragment
from .textblocks import split_bullet_lines

_ATX = re.compile(r"[ \t>]*#{1,6}(?:[ \t]+|(?=$))")  # the marks before a heading's text
_NUMBERED = re.compile(r"^\s*(\(?(?:\d{1,3}|[ivxIVX]{1,4}|[A-Za-z])[.):]|#\d{1,3}[.:]?|Q\d{1,3}[.:)]?)\s+")
SHORTCODE = re.compile(
    r"\{\{[<%]\s*(?P<name>[A-Za-z][\w/-]*)(?P<args>(?:[^>%}]|[>%](?!\}\}))*?)\s*[>%]\}\}"
)
LIQUID = re.compile(r"\{%-?\s*(?P<name>[A-Za-z][\w/-]*)(?P<args>.*?)-?%\}")


@lru_cache(maxsize=1)
def _md():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # no linkify: bare URLs are found by the link layer. Links keep their URL as written:
    # a linter must see `javascript:` and unencoded spaces, and percent-encoding every URL
    # (mdurl) was a tenth of the parse time.
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda text: text
    return md


def heading_number(text: str) -> str:
    m = _NUMBERED.match(text)
    return m.group(1) if m else ""


class _MdBuilder:
    def __init__(self, lines: list[str], offset: int):
        self.lines = lines  # all lines of the file
        self.offset = offset  # 0-based index of the body's first line
        self.blocks: list[Block] = []
        self.elements: list[Element] = []
        self.stack: list[Block] = []  # open lists / items / tables / rows
        self.comments: list = []
        self.structured_data: list = []  # JSON-LD scripts of HTML blocks
        self.quote_depth = 0

    # ---- placement ------------------------------------------------------------------

    def emit(self, b: Block) -> None:
        if self.quote_depth:
            b.attrs["quote"] = True
        if self.stack:
            b.parent = self.stack[-1]
            self.stack[-1].children.append(b)
        else:
            self.blocks.append(b)
        if b.kind == "paragraph" and b.parent is not None and b.parent.kind == "item":
            item = b.parent
            if not item.text and len([c for c in item.children if c.kind == "paragraph"]) == 1:
                # the first paragraph of an item is the item's own text
                item.children.remove(b)
                item.text, item.line, item.col = b.text, b.line, b.col
                item.end_line, item.line_cols = max(item.end_line, b.end_line), b.line_cols
                item.children.extend(b.children)

    def src_line(self, i: int) -> str:
        return self.lines[i] if 0 <= i < len(self.lines) else ""

    # ---- inline -----------------------------------------------------------------------

    def inline_text(self, tok, line0: int) -> tuple[str, tuple]:
        """Plain text of an inline token and the source column of each of its lines."""
        parts: list[str] = []
        children = tok.children or []
        n_lines = tok.content.count("\n") + 1
        cols = []
        for k in range(n_lines):
            raw = self.src_line(line0 - 1 + k)
            stripped = raw.lstrip(" \t>")
            cols.append(len(raw) - len(stripped) + 1)
        cursor = [line0 - 1, 0]  # 0-based line, 0-based col for element search
        link: Element | None = None
        for ch in children:
            t = ch.type
            if t == "text":
                parts.append(ch.content)
                if link is not None:
                    link.text += ch.content
            elif t in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif t == "code_inline":
                parts.append(ch.content)
                if link is not None:
                    link.text += ch.content
            elif t == "image":
                src = ch.attrGet("src") or ""
                alt = "".join(c.content for c in (ch.children or []))
                ln, col = self.locate("![", cursor, line0 - 1 + n_lines)
                self.elements.append(Element(tag="img", line=ln, col=col, source="markdown",
                                             attrs={"src": src, "alt": alt}, text=alt,
                                             raw=f"![{alt}]({src})"))
                if link is not None:
                    link.has_image = True
            elif t == "link_open":
                href = ch.attrGet("href") or ""
                ln, col = self.locate_link(href, cursor, line0 - 1 + n_lines)
                link = Element(tag="a", line=ln, col=col, source="markdown", attrs={"href": href},
                               raw=href)
                self.elements.append(link)
            elif t == "link_close":
                link = None
            elif t == "html_inline":
                made = self.inline_html(ch.content, cursor, line0 - 1 + n_lines)
                if re.match(r"<\s*/\s*a\s*>", ch.content, re.I):
                    link = None
                elif made:
                    if link is not None and any(e.tag == "img" for e in made):
                        link.has_image = True
                    if made[-1].tag == "a":
                        link = made[-1]  # its text follows as text tokens
        return "".join(parts), tuple(cols)

    def locate(self, needle: str, cursor: list, limit: int) -> tuple[int, int]:
        li, co = cursor
        while li < min(limit, len(self.lines)):
            j = self.lines[li].find(needle, co)
            if j >= 0:
                cursor[0], cursor[1] = li, j + len(needle)
                return li + 1, j + 1
            li, co = li + 1, 0
        return cursor[0] + 1, cursor[1] + 1

    def locate_link(self, href: str, cursor: list, limit: int) -> tuple[int, int]:
        li, co = cursor
        while li < min(limit, len(self.lines)):
            line = self.lines[li]
            j = line.find("[", co)
            k = line.find("<" + href, co) if href else -1
            cands = [x for x in (j, k) if x >= 0]
            if cands:
                j = min(cands)
                cursor[0], cursor[1] = li, j + 1
                return li + 1, j + 1
            li, co = li + 1, 0
        return cursor[0] + 1, cursor[1] + 1

    def inline_html(self, html: str, cursor: list, limit: int) -> list:
        if not re.match(r"<\s*(img|iframe|a|video|audio|embed|source|object)\b", html, re.I):
            return []
        ln, col = self.locate(html.split("\n", 1)[0], cursor, limit)
        frag = parse_html(html, line0=ln, col0=col, source="markdown-html")
        self.elements.extend(frag.elements)
        return list(frag.elements)

    # ---- blocks -----------------------------------------------------------------------

    def run(self, tokens) -> None:  # noqa: C901 - a token dispatcher
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            t = tok.type
            line = (tok.map[0] + self.offset + 1) if tok.map else 0
            end = (tok.map[1] + self.offset) if tok.map else line
            if t == "heading_open":
                inline = tokens[i + 1]
                text, cols = self.inline_text(inline, line)
                lead = len(text) - len(text.lstrip())
                text = text.strip()
                col = cols[0] if cols else 1
                if cols and tok.markup.startswith("#"):
                    # an ATX heading's text starts after its marks ("## Causes": column 4);
                    # the block starts at the marks
                    m = _ATX.match(self.src_line(line - 1))
                    if m:
                        cols = (m.end() + 1 + lead,) + tuple(cols[1:])
                b = Block(kind="heading", line=line, col=col, end_line=end,
                          text=text, level=int(tok.tag[1]), number=heading_number(text),
                          line_cols=cols, marker=tok.markup)
                self.emit(b)
                i += 3
                continue
            if t == "paragraph_open":
                inline = tokens[i + 1]
                text, cols = self.inline_text(inline, line)
                text = _blank_shortcodes(text)
                b = Block(kind="paragraph", line=line, col=cols[0] if cols else 1, end_line=end,
                          text=text, line_cols=cols)
                if not text.strip():
                    if any(c.type == "image" for c in inline.children or []):
                        b.kind = "image"
                        self.emit(b)
                    elif inline.content.strip():
                        b.kind = "embed" if SHORTCODE.search(inline.content) else "paragraph"
                        if b.kind == "embed":
                            self.emit(b)
                else:
                    for piece in split_bullet_lines(b):
                        self.emit(piece)
                i += 3
                continue
            if t in ("bullet_list_open", "ordered_list_open"):
                b = Block(kind="list", line=line, col=1, end_line=end,
                          ordered=t.startswith("ordered"),
                          level=sum(1 for s in self.stack if s.kind == "list"))
                if b.ordered and tok.attrGet("start") is not None:
                    b.attrs["start"] = int(tok.attrGet("start"))
                self.emit(b)
                self.stack.append(b)
            elif t in ("bullet_list_close", "ordered_list_close"):
                self._pop("list")
            elif t == "list_item_open":
                raw = self.src_line(line - 1)
                col = len(raw) - len(raw.lstrip()) + 1
                parent = self.stack[-1] if self.stack else None
                b = Block(kind="item", line=line, col=col, end_line=end, marker=tok.markup,
                          ordered=bool(parent and parent.ordered), number=tok.info or "",
                          level=parent.level if parent else 0)
                self.emit(b)
                self.stack.append(b)
            elif t == "list_item_close":
                self._pop("item")
            elif t == "table_open":
                b = Block(kind="table", line=line, col=1, end_line=end)
                self.emit(b)
                self.stack.append(b)
            elif t == "table_close":
                self._pop("table")
            elif t == "tr_open":
                b = Block(kind="row", line=line, col=1, end_line=end)
                self.emit(b)
                self.stack.append(b)
            elif t == "tr_close":
                self._pop("row")
            elif t in ("th_open", "td_open"):
                inline = tokens[i + 1]
                rl = self._row_line()
                text, cols = self.inline_text(inline, rl)
                self.emit(Block(kind="cell", line=rl, col=1, end_line=rl, text=text.strip(),
                                tag=t[:2], line_cols=cols))
                i += 3
                continue
            elif t in ("fence", "code_block"):
                self.emit(Block(kind="code", line=line, col=1, end_line=end, text=tok.content,
                                attrs={"info": tok.info}))
            elif t == "hr":
                self.emit(Block(kind="hr", line=line, col=1, end_line=end))
            elif t == "html_block":
                self.html_block(tok, line)
            elif t == "blockquote_open":
                self.quote_depth += 1
            elif t == "blockquote_close":
                self.quote_depth -= 1
            i += 1

    def _row_line(self) -> int:
        for b in reversed(self.stack):
            if b.kind == "row":
                return b.line
        return 1

    def _pop(self, kind: str) -> None:
        while self.stack:
            b = self.stack.pop()
            if b.kind == kind:
                return

    def html_block(self, tok, line: int) -> None:
        content = tok.content
        first = content.split("\n", 1)[0]
        raw = self.src_line(line - 1)
        j = raw.find(first.strip()[:40]) if first.strip() else -1
        col0 = (j + 1 - (len(first) - len(first.lstrip()))) if j >= 0 else 1
        blocks = parse_simple_fragment(content, line0=line, col0=max(1, col0),
                                       source="markdown-html")
        if blocks is None:
            frag = parse_html(content, line0=line, col0=max(1, col0), source="markdown-html")
            self.comments.extend(frag.comments)
            self.structured_data.extend(frag.structured_data)
            self.elements.extend(frag.elements)
            blocks = frag.blocks
        for b in blocks:
            b.parent = None
            if b.kind == "heading":
                b.number = heading_number(b.text)
            if b.kind == "paragraph":
                b.text = _blank_shortcodes(b.text)
                for piece in split_bullet_lines(b):
                    self.emit(piece)
                continue
            self.emit(b)


def _blank_shortcodes(text: str) -> str:
    """Blank Hugo shortcodes and Liquid tags out of prose, keeping every offset."""
    if "{{" not in text and "{%" not in text:
        return text
    text = SHORTCODE.sub(lambda m: " " * len(m.group(0)), text)
    return LIQUID.sub(lambda m: " " * len(m.group(0)), text)


def shortcode_elements(lines: list[str], start: int, code_lines: set[int]) -> list[Element]:
    """Hugo shortcodes (``{{< youtube ID >}}``) and Liquid tags as Elements, with positions."""
    out: list[Element] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if ("{{" not in line and "{%" not in line) or (i + 1) in code_lines:
            continue
        for rx in (SHORTCODE, LIQUID):
            for m in rx.finditer(line):
                name = m.group("name").lower()
                if name.startswith("/") or name in ("end", "endif", "endfor", "raw", "endraw"):
                    continue
                out.append(Element(tag=f"shortcode:{name}", line=i + 1, col=m.start() + 1,
                                   attrs=parse_shortcode_args(m.group("args")), source="shortcode",
                                   raw=m.group(0), end_col=m.end() + 1))
    return out


_ARG = re.compile(r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")


def parse_shortcode_args(args: str) -> dict:
    out: dict = {}
    pos = 0
    for m in _ARG.finditer(args.strip()):
        val = m.group("dq") if m.group("dq") is not None else (
            m.group("sq") if m.group("sq") is not None else m.group("bare"))
        if m.group("key"):
            out[m.group("key").lower()] = val
        else:
            out[pos] = val
            pos += 1
    return out


def parse_markdown(lines: list[str], offset: int) -> _MdBuilder:
    body = "\n".join(lines[offset:])
    tokens = _md().parse(body)
    b = _MdBuilder(lines, offset)
    b.run(tokens)
    return b
