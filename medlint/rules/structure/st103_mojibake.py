import re
import unicodedata
from functools import lru_cache

from ...model import Severity
from ..base import Rule


class Mojibake(Rule):
    code = "ST103"
    name = "mojibake"
    category = "structure"
    severity = Severity.WARNING
    summary = "Text decoded with the wrong encoding somewhere upstream: 'â€™' for '’'."
    what = """
    Character sequences that only appear when UTF-8 text was read as Windows-1252 or Latin-1
    and saved again ("â€™" for "’", "Ã©" for "é", "Â " for a no-break space, "â‚¬" for "€",
    "ï¿½" for a replacement character, and their doubly garbled forms such as
    "aÌ‚â‚¬TMs"). The file itself may be valid UTF-8: the damage was done before it was
    saved. Reported on each line that has it (the first finding gives the number of places
    in the file; at most `max_per_file` lines, 20 by default). The sequences are data
    (`patterns` in `rules/structure.yaml`).
    """
    why = """
    Readers see garbage in place of apostrophes, quotes and dashes ("your childaÌ‚â‚¬TMs
    doctor"), which looks careless and can garble doses and units (µg, °C, ½ teaspoon).
    Search engines and screen readers read the garbage too.
    """
    standard = ("WHATWG Encoding Standard (UTF-8 is the encoding for the web; labels must match "
                "the bytes); W3C Internationalization: 'Character encodings for beginners'.")
    cite = "WHATWG Encoding Standard"
    pack = "structure.yaml"
    options = {"patterns": [], "max_per_file": 20}
    bad = """# Infant formula

Ask your childâ€™s doctor how much formula to give.
"""
    good = """# Infant formula

Ask your child’s doctor how much formula to give.
"""

    def check(self, doc, ctx):
        text = doc.text
        if text.isascii():
            return  # mojibake is made of non-ASCII characters (an O(1) test)
        rxs, lead = _compiled(tuple(ctx.options.get("patterns") or ()))
        if lead is not None and not lead.search(text):
            return  # none of the characters the sequences start with (curly quotes only)
        # each pattern on its own: the regex engine finds a literal start fast, and loses that
        # in an alternation of several (a 4x slower search over the corpus)
        hits = [m for rx in rxs if (m := rx.search(text)) is not None]
        if not hits:
            return
        starts = sorted({m.start() for rx in rxs for m in rx.finditer(text)})
        n, run_end = 0, -1  # garbled runs: matches inside one run count once
        firsts = []  # the first run of each line that has one
        last_line_start = -1
        for at in starts:
            if at < run_end:
                continue
            n, run_end = n + 1, at + 1
            while run_end < len(text) and _garbled(text, run_end):
                run_end += 1
            line_start = text.rfind("\n", 0, at) + 1
            if line_start != last_line_start:
                firsts.append(at)
                last_line_start = line_start
        cap = max(1, int(ctx.options.get("max_per_file", 20)))
        for k, at in enumerate(firsts[:cap]):
            # the whole garbled run: the non-ASCII characters around the match, and letters
            # carrying a combining accent ("a" + U+0302 is one garbled "â")
            i = j = at
            while i > 0 and _garbled(text, i - 1):
                i -= 1
            while j < len(text) and _garbled(text, j):
                j += 1
            line = text.count("\n", 0, i) + 1
            start = text.rfind("\n", 0, i) + 1
            col = i - start + 1
            around = text[max(start, i - 12):j + 6].split("\n", 1)[0].strip()
            more = ""
            if k == 0 and n > 1:
                more = f" ({n} places in the file)"
            elif k == cap - 1 and len(firsts) > cap:
                more = f" (and {len(firsts) - cap} more lines not reported)"
            ctx.report(line, col, f"'{text[i:j]}' in \"{around}\" is mojibake: text decoded "
                       "with the wrong encoding before it was saved" + more
                       + "; restore the characters from the source, saved as UTF-8",
                       end_col=col + j - i)


def _garbled(text: str, k: int) -> bool:
    c = text[k]
    return ord(c) > 127 or (k + 1 < len(text) and c.isalpha()
                            and unicodedata.combining(text[k + 1]) > 0)


@lru_cache(maxsize=8)
def _compiled(patterns: tuple) -> tuple[tuple[re.Pattern, ...], re.Pattern | None]:
    """The valid patterns, compiled, and a character class that holds a character every match
    of each pattern contains (the first non-ASCII character of its literal start), or None
    when a pattern has none (then no pre-test)."""
    out, needed = [], set()
    for p in patterns:
        try:
            rx = re.compile(p)
        except re.error:
            continue
        out.append(rx)
        lit = re.match(r"[^.^$*+?{}\[\]|()\\]*", p).group(0)
        if lit and p[len(lit):len(lit) + 1] in ("?", "*", "{"):
            lit = lit[:-1]  # the last character is optional
        needed.add(next((c for c in lit if ord(c) > 127), None))
    lead = None if None in needed or not needed else re.compile(
        "[" + "".join(re.escape(c) for c in sorted(needed)) + "]")
    return tuple(out), lead
