import re

from ...model import Severity
from ...rxguard import guarded
from ..base import Rule


def _words(term) -> str:
    """The words of ``term`` as a pattern, with any white space between them."""
    return r"\s+".join(map(re.escape, str(term).split()))


class PlainWords(Rule):
    code = "RD005"
    name = "plain-words"
    category = "readability"
    severity = Severity.INFO
    summary = "Medical or formal jargon where an everyday word would do."
    what = """
    A word or phrase from the `words` list ("utilize" -> "use", "physician" -> "doctor",
    "analgesic" -> "painkiller", "hypertension" -> "high blood pressure", ...; each entry
    names its source). Not reported when the plain alternative is in the same sentence,
    as in "tummy (abdomen)" or "high blood pressure (hypertension)". Reported once per word.
    """
    why = """
    Everyday words are understood by more readers, including those reading in a second
    language; medical terms can still be given, in brackets, after the plain word.
    """
    standard = ("PEMAT item 3 (common, everyday language: pain killer not analgesic, doctor "
                "not physician, use not utilize); NHS A to Z of health writing; Federal Plain "
                "Language Guidelines ('use simple words'); CDC Clear Communication Index item 7.")
    cite = "PEMAT item 3"
    pack = "readability.yaml"
    options = {"words": {}}
    bad = """# Pain relief

Your physician may suggest an analgesic.
"""
    good = """# Pain relief

Your doctor may suggest a painkiller.
"""

    def check(self, doc, ctx):
        words = ctx.options.get("words") or {}
        key = ("RD005", id(words))
        if key not in ctx.shared:
            ctx.shared[key] = self._compile(words)
        entries, any_term, any_term_ascii = ctx.shared[key]
        if any_term is None:
            return
        self._check(doc, ctx, entries, any_term, any_term_ascii)

    @staticmethod
    def _compile(words):
        entries = []
        for term, spec in words.items():
            plain = spec.get("plain") if isinstance(spec, dict) else str(spec)
            src = spec.get("source", "") if isinstance(spec, dict) else ""
            if not plain:
                continue
            pat = re.compile(rf"\b{_words(term)}\b", re.I)
            exc = spec.get("except") or [] if isinstance(spec, dict) else []
            excs = [re.compile(r"\b" + r"[\s-]+".join(map(re.escape, str(x).split())) + r"\b",
                               re.I) for x in exc]
            entries.append((str(term), plain, src, pat, excs))
        if not entries:
            return entries, None, None
        any_term = guarded("|".join(f"(?:{e[3].pattern})" for e in entries), re.I)
        # The same test for ASCII text, about three times faster: on lower-cased text, so
        # that the regex engine can rule out an alternative by its first letter, and with
        # one word boundary before them all. Case-insensitive matching equals matching in
        # lower case only when text and terms are ASCII (re.I also matches "ı" to "i").
        any_term_ascii = None
        terms = [str(e[0]).lower() for e in entries]
        if all(t.isascii() for t in terms):
            any_term_ascii = guarded(rf"\b(?:{'|'.join(map(_words, terms))})\b")
        return entries, any_term, any_term_ascii

    def _check(self, doc, ctx, entries, any_term, any_term_ascii):
        seen = set()
        for s in doc.sentences:
            if s.block.kind not in ("paragraph", "item", "cell"):
                continue
            if any_term_ascii is not None and s.text.isascii():
                if not any_term_ascii.search(s.text.lower()):
                    continue
            elif not any_term.search(s.text):
                continue
            low = s.text.lower()
            for term, plain, src, pat, excs in entries:
                if term in seen or not pat.search(s.text):
                    continue
                spans = [(x.start(), x.end()) for r in excs for x in r.finditer(s.text)]
                m = next((x for x in pat.finditer(s.text)
                          if not any(a <= x.start() < b for a, b in spans)), None)
                if not m:
                    continue
                if re.search(r"\b" + re.escape(plain.lower()) + r"\b", low):
                    seen.add(term)
                    continue
                seen.add(term)
                a = s.block.pos_of(s.start + m.start())
                e = s.block.pos_of(s.start + m.end())
                where = f" ({src})" if src else ""
                ctx.report(a.line, a.col, f"'{m.group(0)}': say '{plain}' instead, or give "
                           f"the term in brackets after it{where}", end_line=e.line,
                           end_col=e.col)
