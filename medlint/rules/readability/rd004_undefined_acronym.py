import re
from functools import lru_cache

from ...model import Severity
from ...rxguard import guarded
from ..base import Rule

_ALPHA = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z]")

_PROSE = ("paragraph", "item", "cell")


def _skipped_blocks(doc, patterns) -> set:
    rxs = [re.compile(p, re.I) for p in patterns]
    out: set = set()
    skip_level = 0
    for sec in doc.sections:
        h = sec.heading
        if h is not None:
            if skip_level and h.level <= skip_level:
                skip_level = 0
            if any(r.search(h.text.strip().strip("#*: ")) for r in rxs):
                skip_level = h.level
        if skip_level:
            out.update(id(b) for b in sec.blocks)
    return out


@lru_cache(maxsize=64)
def _combined(patterns: tuple) -> re.Pattern | None:
    """One case-insensitive pattern matching wherever any of ``patterns`` does."""
    if any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+\)", p) for p in patterns):
        return None
    try:
        return guarded("|".join(f"(?:{p})" for p in patterns), re.I)
    except re.error:
        return None


class UndefinedAcronym(Rule):
    code = "RD004"
    name = "undefined-acronym"
    category = "readability"
    severity = Severity.INFO
    summary = "An acronym is not spelled out at its first use."
    what = """
    An abbreviation in capitals (COPD, RSV, NSAIDs) whose first use in a paragraph, list item
    or table cell is not spelled out: no "(COPD)" after the words it stands for and no
    "COPD (chronic obstructive pulmonary disease)" at or before that point. Well-known
    abbreviations are allowed (`allowlist`: UK, NHS, GP, DNA, MRI, ...); headings, Roman
    numerals, codes with digits (CG97, ADAM33), link text, US state codes in addresses,
    reference sections and reference-like entries (et al., doi, "Accessed", licences) and
    blocks written mostly in capitals are skipped. Reported once per acronym;
    the message says where it is spelled out when that happens only later.
    """
    why = """
    Readers who do not know an abbreviation cannot look it up in the middle of a sentence;
    unexplained acronyms are one of the commonest barriers in health leaflets.
    """
    standard = ("NHS content guide (expand abbreviations on first use unless well known: UK, "
                "NHS, GP); PEMAT item 3; CDC Clear Communication Index item 7.")
    cite = "NHS content guide: abbreviations"
    pack = "readability.yaml"
    options = {"allowlist": [], "min_length": 2, "max_length": 5, "skip_headings": [],
               "reference_patterns": []}
    bad = """# Breathing problems

People with COPD often get chest infections in winter.
"""
    good = """# Breathing problems

People with chronic obstructive pulmonary disease (COPD) often get chest infections in
winter. COPD is a long-term condition.
"""

    def check(self, doc, ctx):  # noqa: C901
        o = ctx.options
        allow = {str(a) for a in o.get("allowlist") or []}
        lo, hi = int(o.get("min_length") or 2), int(o.get("max_length") or 7)
        rx = re.compile(rf"(?<![\w&/.-])([A-Z][A-Z&]{{{lo - 1},{hi - 1}}})(s?)(?![\w&/-])")
        refs = [re.compile(p, re.I) for p in o.get("reference_patterns") or []]
        any_ref = _combined(tuple(r.pattern for r in refs)) if len(refs) > 1 else None
        skip_secs = _skipped_blocks(doc, o.get("skip_headings") or [])
        link_spans = {}
        for e in doc.links:
            if e.text.strip():
                link_spans.setdefault(e.line, []).append(e.text.strip())
        first: dict[str, tuple] = {}
        defined: dict[str, tuple] = {}
        order = 0
        for b in doc.flat:
            if not b.text or b.kind not in _PROSE + ("heading",):
                continue
            if id(b) in skip_secs:
                continue
            if any_ref is not None:
                if any_ref.search(b.text):
                    continue
            elif any(r.search(b.text) for r in refs):
                continue
            matches = list(rx.finditer(b.text))
            if not matches:
                continue  # no acronym candidate: nothing this block could report or define
            n_alpha = len(_ALPHA.findall(b.text))
            if n_alpha and len(_UPPER.findall(b.text)) / n_alpha > 0.5:
                continue
            for m in matches:
                acr = m.group(1)
                if sum(c.isalpha() for c in acr) < 2 or re.fullmatch(r"[IVXLCDM]+", acr):
                    continue
                if acr in allow or acr + m.group(2) in allow:
                    continue
                prev = b.text[m.start() - 1:m.start()] if m.start() else ""
                if prev and ord(prev) > 127:
                    continue  # mojibake such as "â€TM"
                if re.match(r",?\s+\d{5}\b", b.text[m.end():m.end() + 8]):
                    continue  # a US state in an address: "Atlanta, GA 30333"
                pos = b.pos_of(m.start())
                if any(acr in t for t in link_spans.get(pos.line, [])):
                    continue  # link text (menus, reference titles)
                order += 1
                after = b.text[m.end():m.end() + 3]
                before = b.text[max(0, m.start() - 3):m.start()].strip()
                close = b.text[m.end():m.end() + 3].lstrip()[:1]
                if (before.endswith("(") and close in (")", ";", ",")) or \
                        re.match(r"\s*\((?=[A-Za-z])(?![A-Z]{2,}\))", after + b.text[m.end() + 3:m.end() + 40]):
                    defined.setdefault(acr, (order, b.pos_of(m.start()).line))
                if b.kind == "heading":
                    continue
                if acr not in first:
                    first[acr] = (order, b, m)
        for acr, (order, b, m) in first.items():
            d = defined.get(acr)
            if d is not None and d[0] <= order:
                continue
            a = b.pos_of(m.start())
            later = f"; it is spelled out only later, on line {d[1]}" if d else ""
            ctx.report(a.line, a.col, f"'{acr}' is not spelled out at its first use{later}: "
                       f"write the words first, then '({acr})'",
                       end_col=a.col + len(m.group(0)))
