import re
from functools import cache

from ...model import Severity
from ..base import Rule

_ALPHA = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z]")

_PROSE = ("paragraph", "item", "cell")
_WORDS = re.compile(r"[^\W_]+")
# a paragraph or item written entirely in bold on one line: a title, label or button
_BOLD_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__|<b>|<strong>)(?:(?!\*\*|__).)+"
                        r"(?:\*\*|__|</b>|</strong>)\s*\\?\s*$", re.I)
_HOST = re.compile(r"^(?:https?:)?//(?:www\d?\.)?([^/:?#]+)", re.I)
# "(ECG/EKG)": a parenthesised acronym with its variants
_SLASH_DEF = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,6}(?:\s*/\s*[A-Z][A-Za-z&]{1,6})+)\s*\)")
# words between a long form and its acronym: "antigen-presenting cells, or APCs"
_CONNECTORS = {"or", "the", "a", "an", "also", "called", "known", "as", "aka", "ie", "i", "e",
               "is", "are", "abbreviated", "short", "for"}
# where a long form can follow its acronym: "NSAIDs: Nonsteroidal ...", "HPV human
# papillomavirus", "PCR Test (Polymerase Chain Reaction)"
_AFTER = (re.compile(r"\s*(?:[:\u2013\u2014]|\s-|,)?\s*(?:or\s+)?([^.;:()\n]+)"),
          re.compile(r"\s*(?:[A-Za-z]+\s+)?\(([^)\n]+)\)"))
_ROMAN = re.compile(r"[IVXLCDM]+")
_STOP = {"of", "and", "the", "a", "an", "in", "on", "for", "to", "with", "or", "by", "at"}


def _sh_match(short: str, long_words: list[str], head_noun: bool = False) -> bool:
    """A long-form match in the spirit of Schwartz & Hearst (2003): the letters of ``short``
    appear in order in the candidate long form, the first one starts it, and every content
    word of it (at least two, and at least half as many as the letters) gives the acronym
    its first letter ("Nonsteroidal anti-inflammatory drugs" for NSAID). With
    ``head_noun``, a last word outside the acronym is allowed ("low-carb, high-fat diet
    called LCHF")."""
    if any(len(w) > 1 and w.isupper() for w in long_words):
        return False  # another abbreviation is not a long form
    words = [w.lower() for w in long_words]
    text = " ".join(words)
    if not text or text[0] != short[0]:
        return False
    starts, pos = set(), 0
    for w in words:
        if w not in _STOP:
            starts.add(pos)
        pos += len(w) + 1
    if head_noun and len(words) > 2 and words[-1] not in _STOP:
        text = text[:len(text) - len(words[-1]) - 1]
        starts.discard(len(text) + 1)
    if len(starts) < 2 or len(starts) * 2 < len(short) or 0 not in starts:
        return False

    @cache
    def fits(si: int, li: int) -> bool:
        if si == len(short):
            return not any(p >= li for p in starts)
        for p in range(li, len(text)):
            if text[p] == short[si] and fits(si + 1, p + 1):
                return True
            if p in starts:
                return False  # a content word left without its letter
        return False

    return fits(1, 1)


def _spelled_out(acr: str, before: str, after: str) -> bool:
    """Whether the words just before the acronym, or the words after a colon, dash or
    parenthesis right after it, are its long form."""
    short = "".join(c.lower() for c in acr if c.isalnum())
    if len(short) < 2:
        return False
    longest = min(len(short) + 5, len(short) * 2)
    before = before.rstrip(" \t;,:(\"'\u201c\u201d*-\u2013\u2014")
    words = _WORDS.findall(re.split(r"[.!?;:\n]\s", before)[-1])
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    for n in range(1, min(len(words), longest + 1) + 1):
        if _sh_match(short, words[-n:]) or _sh_match(short, words[-n:], head_noun=True):
            return True
    for rx in _AFTER:
        m = rx.match(after)
        if m:
            words = _WORDS.findall(m.group(1))
            for n in range(1, min(len(words), longest) + 1):
                if _sh_match(short, words[:n]):
                    return True
    return False


def _defined_here(text: str, m, acr: str) -> bool:
    """Whether the acronym matched by ``m`` is spelled out where it stands: "(COPD)" after
    its long form, "COPD (chronic ...)", or a long form just before or after it."""
    before = text[max(0, m.start() - 3):m.start()].strip()
    after = text[m.end():m.end() + 40]
    if before.endswith("(") and after[:3].lstrip()[:1] in (")", ";", ","):
        return True
    if re.match(r"\s*\((?=[A-Za-z])(?![A-Z]{2,}\))", after):
        return True
    return _spelled_out(acr, text[max(0, m.start() - 200):m.start()],
                        text[m.end():m.end() + 200])


def _candidate(m, allow) -> bool:
    """An ``rx`` match with two letters or more, not a Roman numeral and not allowed."""
    acr = m.group(1)
    if sum(c.isalpha() for c in acr) < 2 or _ROMAN.fullmatch(acr):
        return False
    return acr not in allow and acr + m.group(2) not in allow


def _norm(text: str) -> str:
    return " ".join(text.replace("\\", " ").split())


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


class UndefinedAcronym(Rule):
    code = "RD004"
    name = "undefined-acronym"
    category = "readability"
    severity = Severity.INFO
    summary = "An acronym is not spelled out at its first use."
    what = """
    An abbreviation in capitals (COPD, RSV, NSAIDs) whose first use in a paragraph, list item
    or table cell is not spelled out: no "(COPD)" after the words it stands for, no
    "COPD (chronic obstructive pulmonary disease)" or "NSAIDs: nonsteroidal
    anti-inflammatory drugs", and no long form right before it ("antigen-presenting cells,
    or APCs"; matched letter by letter, every content word giving a letter) at or before
    that point. Well-known abbreviations are allowed (`allowlist`: UK, NHS, GP, DNA, MRI,
    ...), and so are English words in capitals (`capitalised_words`: AND, FREE, NEVER).
    Skipped: headings and one-line bold titles, Roman numerals, codes with digits (CG97,
    ADAM33), link text (also over several lines), an organisation named next to a link to
    its own site, US state codes after a place (`state_codes`), units after a number ("600
    IU"), labels before a number ("TTY: (888)"), runs of capitals, quoted keywords, brand
    suffixes and initials ("Motrin IB", "Chen TH,"), mojibake, reference sections and
    reference-like entries (et al., doi, "Accessed", licences) and blocks written mostly in
    capitals. Reported once per acronym; the message says where it is spelled out when that
    happens only later.
    """
    why = """
    Readers who do not know an abbreviation cannot look it up in the middle of a sentence;
    unexplained acronyms are one of the commonest barriers in health leaflets.
    """
    standard = ("NHS content guide (expand abbreviations on first use unless well known: UK, "
                "NHS, GP); PEMAT item 3; CDC Clear Communication Index item 7.")
    cite = "NHS content guide: abbreviations"
    pack = "readability.yaml"
    options = {"allowlist": [], "capitalised_words": [], "state_codes": [], "min_length": 2,
               "max_length": 5, "skip_headings": [], "reference_patterns": []}
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
        allow |= {str(a) for a in o.get("capitalised_words") or []}
        states = {str(a) for a in o.get("state_codes") or []}
        lo, hi = int(o.get("min_length") or 2), int(o.get("max_length") or 7)
        # the "not right after a word character, &, /, . or -" test is a lookbehind after
        # the first capital, so the pattern starts with a class the regex engine scans for
        rx = re.compile(rf"([A-Z](?<![\w&/.-][A-Z])[A-Z&]{{{lo - 1},{hi - 1}}})(s?)(?![\w&/-])")
        refs = [re.compile(p, re.I) for p in o.get("reference_patterns") or []]
        skip_secs = _skipped_blocks(doc, o.get("skip_headings") or [])
        link_spans = {}
        hosts = {}
        for e in doc.links:
            if e.text.strip():
                link_spans.setdefault(e.line, []).append(_norm(e.text))
            hm = _HOST.match(str(e.attrs.get("href") or ""))
            if hm:
                hosts.setdefault(e.line, set()).update(hm.group(1).lower().split("."))
        first: dict[str, tuple] = {}
        defined: dict[str, tuple] = {}
        order = 0
        for b in doc.flat:
            if not b.text or b.kind not in _PROSE + ("heading",):
                continue
            # cheap tests first: most blocks have no acronym that is not allowed and no
            # "(ECG/EKG)", and add nothing whatever the tests below would say
            if not rx.search(b.text) and not _SLASH_DEF.search(b.text):
                continue
            acronyms = [m for m in rx.finditer(b.text) if _candidate(m, allow)]
            slash_defs = list(_SLASH_DEF.finditer(b.text))
            if not acronyms and not slash_defs:
                continue
            if id(b) in skip_secs or any(r.search(b.text) for r in refs):
                continue
            n_alpha = len(_ALPHA.findall(b.text))
            if n_alpha and len(_UPPER.findall(b.text)) / n_alpha > 0.5:
                continue
            # a one-line paragraph or item all in bold is a title or label, like a heading
            label = b.kind == "heading" or (
                b.line == b.end_line and 0 < b.line <= len(doc.lines)
                and bool(_BOLD_LINE.match(doc.lines[b.line - 1])))
            b_links = [t for ln in range(b.line, b.end_line + 1) for t in link_spans.get(ln, ())]
            b_hosts = set().union(*(hosts.get(ln, set()) for ln in range(b.line,
                                                                         b.end_line + 1)))
            for sm in slash_defs:
                for part in sm.group(1).split("/"):
                    defined.setdefault(part.strip().rstrip("s"),
                                       (order, b.pos_of(sm.start()).line))
            for m in acronyms:
                acr = m.group(1)
                line_links = link_spans.get(b.pos_of(m.start()).line, ())
                if self._not_an_acronym(b.text, m, acr, states, b_links, b_hosts, line_links):
                    continue
                order += 1
                # only the first definition counts: no need to look for another
                if acr not in defined and _defined_here(b.text, m, acr):
                    defined[acr] = (order, b.pos_of(m.start()).line)
                if label:
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

    @staticmethod
    def _not_an_acronym(text, m, acr, states, links, hosts, line_links) -> bool:  # noqa: C901
        """Capitals that are not an abbreviation the reader needs spelled out."""
        start, end = m.start(), m.end()
        prev = text[start - 1:start] if start else ""
        nxt = text[end:end + 1]
        if (prev and ord(prev) > 127) or (nxt and ord(nxt) > 127 and nxt not in "\u2019\u201d"):
            return True  # mojibake such as "â€TM", "AIÌ€"
        ahead = text[end:end + 12]
        behind = text[max(0, start - 40):start]
        if re.match(r",?\s+\d{5}\b", ahead):
            return True  # a US state in an address: "Atlanta, GA 30333"
        if acr in states and re.search(r"[A-Z][a-z]+,\s*$", behind):
            return True  # "Philadelphia, PA", "Saint Louis, MO."
        if re.match(r"\.[a-z]{2,}\b", ahead):
            return True  # a domain name: "AL.com"
        if re.search(r"\d\s?$", behind) and not re.match(
                r"\s+(?!(?:of|and|or|per|each|a|daily)\b)[a-z]", ahead):
            return True  # a unit after a number: "600 IU of", "40 KVA and", "601 KB)"
        if re.match(r":?\s*[(+]?\d", ahead):
            return True  # a label before a number or code: "TTY: (888) ...", "ISSN 0950"
        if re.search(r"(?<![\w&])[A-Z]{2,}\s+$", behind) or re.match(r"\s+[A-Z]{2,}\b", ahead):
            return True  # part of a run of capitals: a name, title or shouted phrase
        if re.search(r"[\"\u201c]$", behind) and re.match(r"[\"\u201d]", ahead):
            return True  # a quoted keyword: text "QUIT" to ...
        w = re.search(r"(^|.)(\s*)([A-Z][a-z]+)\s$", behind, re.S)
        if w and len(acr) <= 3:
            initial = not w.group(1) or w.group(1) in ".!?:(*\n\u2022"
            if not initial or nxt in (",", ".", ";", ")"):
                return True  # a brand suffix or initials: "Motrin IB", "Chen TH,"
        if any(acr in t for t in line_links):
            return True  # link text on the same line (menus, reference titles)
        window = [text[max(0, start - 12):end], text[start:end + 12]]
        for t in links:
            if any(_norm(x).strip() and _norm(x) in t for x in window):
                return True  # link text (menus, reference titles, related-article cards)
        low = acr.lower()
        if any(h.startswith(low) for h in hosts):
            return True  # an organisation named next to a link to its site: "NCBI [study](...)"
        return False
