import re

from ...model import Severity
from ..base import Rule
from ._norm import short

_PROSE = frozenset(("heading", "paragraph", "item", "cell"))


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
    text file). Add your own with `extra_patterns`.
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
        o = ctx.options
        key = ("ST007", id(o))
        if key not in ctx.shared:  # compiled once per run
            ctx.shared[key] = _compile(list(o.get("patterns") or []) +
                                       list(o.get("extra_patterns") or []))
        low_doc = doc.text.lower()
        entries = [(lit, lit.upper() == lit, rx, why) for lit, rx, why, formats in ctx.shared[key]
                   if (formats is None or doc.format in formats) and lit in low_doc]
        if not entries:
            return  # the usual case: no entry's text anywhere in the file
        for b in doc.flat:
            if b.kind not in _PROSE or not b.text:
                continue
            low = None  # lower-cased only for a literal with letters ("#" and "\\" need not)
            for lit, caseless, rx, why in entries:
                if caseless:
                    if lit not in b.text:
                        continue
                elif lit not in (low := low or b.text.lower()):
                    continue
                m = rx.search(b.text)
                if m is None:
                    continue
                a, e = b.pos_of(m.start()), b.pos_of(m.end())
                ctx.report(a.line, a.col, f"'{short(m.group(0), 40)}': {why}",
                           end_line=e.line, end_col=e.col)


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
