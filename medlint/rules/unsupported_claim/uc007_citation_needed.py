import re
from functools import lru_cache

from ...model import Severity
from ..base import Rule
from ._claims import CITE

_PROSE = ("paragraph", "item", "cell", "heading")


class CitationNeeded(Rule):
    code = "UC007"
    name = "citation-needed"
    category = "unsupported-claim"
    severity = Severity.WARNING
    summary = "A claim the text itself marks as unsourced: '[citation needed]'."
    what = """
    A "[citation needed]" tag, or another tag that says a claim's source is missing or
    doubtful ("[better source needed]", "[medical citation needed]", "[failed
    verification]", "[dubious – discuss]"; the list is data, `tags` in `rules/claims.yaml`),
    left in the text by an editor or copied with an encyclopaedia article. Reported at the tag,
    quoting the claim before it.
    """
    why = """
    The text says itself that the claim before the tag has no source: readers see a health
    claim flagged as unsupported, and the article publishes it anyway. Cite the claim or
    remove it.
    """
    standard = ("HONcode principle 5 (justifiability: claims backed by evidence); JAMA "
                "benchmark 'attribution'; DISCERN item 4; Wikipedia:Citation needed.")
    cite = CITE
    pack = "claims.yaml"
    options = {"tags": []}
    bad = """# Rhinitis

Spicy food can greatly aggravate the condition.[citation needed]
"""
    good = """# Rhinitis

Spicy food can trigger a runny nose (gustatory rhinitis), according to the
[American Academy of Allergy, Asthma & Immunology](https://www.aaaai.org/).
"""

    def check(self, doc, ctx):
        rx = _tags_rx(tuple(str(t) for t in ctx.options.get("tags") or ()))
        if rx is None or "[" not in doc.text:
            return
        for b in doc.flat:
            if b.kind not in _PROSE or "[" not in b.text:
                continue
            for m in rx.finditer(b.text):
                # the claim: from the end of the sentence before it (or the line start)
                dot = b.text.rfind(". ", 0, m.start())
                start = max(dot + 2 if dot >= 0 else 0, b.text.rfind("\n", 0, m.start()) + 1)
                claim = " ".join(b.text[start:m.start()].split())
                if len(claim) > 70:
                    claim = "…" + claim[-69:]
                a, e = b.pos_of(m.start()), b.pos_of(m.end())
                ctx.report(a.line, a.col, f"'{m.group(0)}': the text marks the claim "
                           f"\"{claim}\" as having no source; cite it or remove it",
                           end_line=e.line, end_col=e.col)


@lru_cache(maxsize=8)
def _tags_rx(tags: tuple) -> re.Pattern | None:
    alts = sorted({re.escape(t.strip()) for t in tags if t.strip()}, key=len, reverse=True)
    if not alts:
        return None
    return re.compile(r"\[\s*(?:" + "|".join(alts).replace(r"\ ", r"\s+") + r")\s*\]", re.I)
