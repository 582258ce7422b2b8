import re

from ...model import Severity
from ..base import Rule
from ._norm import short


class LiteralMarkup(Rule):
    code = "ST007"
    name = "literal-markup"
    category = "structure"
    severity = Severity.WARNING
    summary = "Markup, tokens or escapes that show up as text: '### \\#\\#\\# Title', ':contentReference[oaicite:0]'."
    what = """
    Text that the reader sees but was never meant to be read, from the rule pack's
    `patterns` list: ChatGPT citation tokens pasted with an answer
    (":contentReference[oaicite:0]{index=0}"), heading marks written escaped so they print
    ("### \\#\\#\\# What causes it?"), frames a scraper turned into links labelled "iframe",
    and literal "\\n" escapes. Searched in every heading, paragraph, list item and table
    cell as rendered (after Markdown or HTML parsing); one finding per block and pattern.
    Each entry can be limited to some formats (heading marks are ordinary text in a plain
    text file). Add your own with `extra_patterns`. In Markdown, a line right above a list
    that starts with the list's marker but no space after it ("*[Sample SBC form](...)"
    over "* [Uniform Glossary](...)"): it shows its "*" and is not one of the list's items.
    """
    why = """
    Debris in the text tells readers that the page was pasted or scraped and never read
    before it went out; a citation token also hides the fact that the source it stood for
    is gone.
    """
    standard = ("Google helpful-content guidance (content edited for people, not produced "
                "at scale); HONcode principle 8 (honesty, editorial policy); JAMA benchmark "
                "'attribution' for lost citation tokens.")
    cite = "Google helpful content; JAMA attribution"
    pack = "structure.yaml"
    options = {"patterns": [], "extra_patterns": []}
    bad = """# Rashes in children

Most rashes are harmless and fade without treatment. :contentReference[oaicite:0]{index=0}

### \\#\\#\\# When should I worry?

See a GP if the rash does not fade under a glass.
"""
    good = """# Rashes in children

Most rashes are harmless and fade without treatment ([NHS inform](https://www.nhsinform.scot/)).

### When should I worry?

See a GP if the rash does not fade under a glass.
"""

    def check(self, doc, ctx):
        if doc.format == "markdown":
            _marker_without_space(doc, ctx)
        o = ctx.options
        key = ("ST007", id(o))
        if key not in ctx.shared:  # compiled once per run
            ctx.shared[key] = _compile(list(o.get("patterns") or []) +
                                       list(o.get("extra_patterns") or []))
        # The blocks whose text (lower-cased for a text with letters) holds an entry's text,
        # found with one search of the joined prose rather than a look at every block. The
        # entry's text must also be in the file's lower-cased text; it is if the file's own
        # text holds it (lower-casing keeps a lower-cased text as it is), so the file is only
        # lower-cased for an entry found in a block but not in the file as written.
        prose = doc.prose
        todo: dict[int, list] = {}  # block index -> the entries to search there, in order
        low_doc = None
        for lit, rx, why, formats in ctx.shared[key]:
            if formats is not None and doc.format not in formats:
                continue
            found = prose.blocks_with(lit, lowered=lit.upper() != lit)
            if not found:
                continue  # the usual case: no block holds the entry's text
            if lit not in doc.text:
                low_doc = low_doc or doc.text.lower()
                if lit not in low_doc:
                    continue
            for i in found:
                todo.setdefault(i, []).append((rx, why))
        for i in sorted(todo):
            text = prose.texts[i]
            if not text:
                continue  # an entry without a text to look for finds every block
            for rx, why in todo[i]:
                m = rx.search(text)
                if m is None:
                    continue
                b = prose.blocks[i]
                a, e = b.pos_of(m.start()), b.pos_of(m.end())
                ctx.report(a.line, a.col, f"'{short(m.group(0), 40)}': {why}",
                           end_line=e.line, end_col=e.col)


def _marker_without_space(doc, ctx) -> None:
    """A line right above a top-level list that starts with the list's marker ("*", "-",
    "+") and no space after it: meant as the list's first item, it shows its marker. A line
    in emphasis ("*Products and services*") is not one."""
    for lst in doc.lists:
        if lst.parent is not None or lst.line <= 1:
            continue
        marker = doc.line_text(lst.line).lstrip()[:1]
        above = doc.line_text(lst.line - 1)
        if marker not in ("*", "-", "+") or len(above) < 2 or above[0] != marker:
            continue
        if above[1] in (" ", "\t", marker) or (marker == "*" and "*" in above[1:]):
            continue
        if not (above[1].isalnum() or above[1] in "[(\"'"):
            continue
        ctx.report(lst.line - 1, 1, f"'{short(above.strip(), 40)}' has no space after "
                   f"'{marker}', so it shows the '{marker}' and is not an item of the list "
                   f"below it; write '{marker} '", end_col=2)


def _compile(entries) -> list[tuple]:
    """(text every match contains, pattern, message, formats or None) for each valid entry."""
    out = []
    for e in entries:
        if not isinstance(e, dict) or not isinstance(e.get("pattern"), str):
            continue
        try:
            rx = re.compile(e["pattern"], re.I | re.M)
        except re.error:
            continue
        formats = e.get("formats")
        out.append((str(e.get("contains") or "").lower(), rx,
                    str(e.get("why") or "markup shown as text"),
                    frozenset(map(str, formats)) if isinstance(formats, list) else None))
    return out
