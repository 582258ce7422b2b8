import re

from ...model import Severity
from ..base import Rule
from ._util import compile_one, lead_in


class HarmfulAdvice(Rule):
    code = "SF006"
    name = "harmful-advice"
    category = "safety"
    severity = Severity.ERROR
    summary = "First-aid or home-care advice that national guidance says does harm."
    what = """
    A sentence that advises one of the acts in the rule pack's `advice` list, each a piece
    of folk first aid that NHS, CDC, AAP, FDA or WHO guidance warns against: aspirin for
    children, honey for babies under a year, cough and cold medicines for young children,
    rubbing alcohol or cold baths for a fever, butter or ice on a burn, tilting the head back
    for a nosebleed, something in the mouth of someone having a seizure, making a poisoned
    person vomit, sucking out snake venom, putting a baby to sleep on its front, rubbing
    frostbite, prescription-strength ibuprofen doses (600-800 mg) taken on one's own, iron
    supplements with normal iron levels, permethrin said to be safe for newborns.

    The act must be advised, not warned against: a sentence with a refusal or warning cue
    ("never", "do not", "avoid", "unsafe", "myth", "instead of" ...), a question, and a
    sentence under a heading or lead-in such as "Myths" or "What not to do" are not
    reported. Each entry names who or what it is about (`context`: babies, a burn, a
    seizure ...), found in the sentence, its list's lead-in, its section heading or the
    article title, and the words that make it the safe version (`unless`: "over 1 year",
    "lukewarm", "prescribed by a doctor"); `words` are a cheap first test (one of them is
    in every act); `previous`, what the sentence before it in the paragraph must say, for
    an act that goes on from it ("A spoonful of honey eases the cough. Even babies can have
    a teaspoon."). Add entries, or replace the list, in your configuration.
    """
    why = """
    These are the pieces of home-care advice most likely to injure the reader who follows
    them: Reye's syndrome, infant botulism, scalded or frozen skin, choking, aspiration,
    sudden infant death. A health article must not repeat them as advice, whatever its
    other qualities.
    """
    standard = ("HONcode principle 2 (information supports, not replaces, medical care) and "
                "DISCERN Q9-Q11 (risks of the treatment); the guidance each entry cites: NHS, "
                "CDC, AAP, FDA, MHRA, WHO first-aid and child-health pages.")
    cite = "HONcode principle 2"
    pack = "safety.yaml"
    options = {"advice": [], "refusal_pattern": "", "refusal_after": "", "refusal_headings": ""}
    bad = """# Cough in babies

For a baby with a cough, add a spoonful of honey to warm water before bed.
"""
    good = """# Cough in babies

Never give honey to babies under 12 months: it can cause infant botulism. From their
first birthday, a spoonful of honey in warm water can soothe a cough.
"""

    # the option that lists the entries, and what a finding says the matched text is (UC008
    # health-myth reads its `myths` the same way)
    entries_option = "advice"
    finding_says = "is advice that can harm"
    # look for a refusal before the act only in its own clause ("If one tablet doesn't work,
    # you can take four times the dose": the "not" is in the condition; UC008: "There is no
    # need to limit salt, because you sweat most of it out" states the myth)
    refusal_in_clause = True

    def check(self, doc, ctx):
        o = ctx.options
        key = (self.code, id(o))
        if key not in ctx.shared:  # compiled once per run
            entries = []
            for e in o.get(self.entries_option) or []:
                if not isinstance(e, dict):
                    continue
                act = compile_one(e.get("act"))
                if act is None:
                    continue
                words = tuple(str(w).lower() for w in e.get("words") or () if str(w))
                entries.append((words, act, compile_one(e.get("context")), compile_one(e.get("unless")),
                                str(e.get("why") or "advice that national guidance warns "
                                    "against"), str(e.get("source") or ""),
                                compile_one(e.get("previous")), bool(e.get("negated_act"))))
            refusals = ("refusal_pattern", "refusal_after", "refusal_headings")
            ctx.shared[key] = (entries, *(compile_one(o.get(k)) for k in refusals))
        entries, before, after, heads = ctx.shared[key]
        low_doc = doc.text.lower()
        # the cheap test first: most articles contain none of the entries' words
        entries = [x for x in entries if not x[0] or any(w in low_doc for w in x[0])]
        if not entries:
            return
        prev = None
        for s in doc.sentences:
            # the sentence before it in its block, for an act that goes on from it ("A
            # spoonful of honey ... Even babies can have a teaspoon.")
            before_it, prev = (prev.text if prev is not None and prev.block is s.block
                               else ""), s
            text = s.text.replace("\n", " ")  # same offsets; a space in a pattern matches
            if text.rstrip().endswith("?"):
                continue
            low = text.lower()
            around = None  # the lead-in, section heading and title: read only when needed
            for words, act, about, unless, why, source, previous, own_no in entries:
                if words and not any(w in low for w in words):
                    continue
                if previous is not None and not previous.search(before_it):
                    continue
                m = act.search(text)
                if m is None or (unless is not None and unless.search(text)):
                    continue
                start = _clause_start(text, m.start()) if self.refusal_in_clause else 0
                # (an act that holds its own "no" is refused only by a word before it)
                end = m.start() if own_no else m.end()
                if (before is not None and before.search(text, start, end)) or (
                        after is not None and after.search(text, m.end())):
                    break  # "Never give honey ...", "Butter on a burn is a myth": a warning
                if around is None:
                    around = _around(doc, s.block)
                if about is not None and not about.search(text) and not any(
                        about.search(t) for t in around):
                    continue
                if heads is not None and any(heads.search(t) and not _ASKS.match(t)
                                             for t in around[:2]):
                    break  # "Myths about fever", "What not to do:": a list of warnings
                a = s.block.pos_of(s.start + m.start())
                e = s.block.pos_of(s.start + m.end())
                cite = f" ({source})" if source else ""
                ctx.report(a.line, a.col, f"'{m.group(0)}' {self.finding_says}: {why}"
                           f"{cite}", end_line=e.line, end_col=e.col)
                break


# a heading that asks ("Is a hangover dangerous?") is not a list of warnings, unless it asks
# about myths or mistakes
_ASKS = re.compile(r"^(?!.*\b(?:myths?|misconceptions?|mistakes?|not to)\b).*\?\s*$", re.I)
# a clause ends at a semicolon, before "because", "so", "but" ..., and at a comma followed by
# a new subject ("If one tablet does not work, you can take ..."), not at the commas of a
# list ("do not cut, suck, or apply a tourniquet")
_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:you|it|they|we|he|she|this|that|there|your)\b)|"
                           r"\s(?:because|since|as|so|but)\s", re.I)


def _clause_start(text: str, at: int) -> int:
    """Offset where the clause holding offset ``at`` starts (after the last clause break
    before it; a colon does not end a clause: "Myth: ...")."""
    start = 0
    if _OPENING_IF.match(text):  # "If one tablet does not work, take ...": the condition
        comma = text.find(", ", 0, at)
        start = comma + 2 if comma >= 0 else 0
    for m in _CLAUSE_BREAK.finditer(text, start, at):
        start = m.end()
    return start


_OPENING_IF = re.compile(r"\W*(?:if|when|whenever|unless|once|even if|even though|although|"
                         r"though)\b", re.I)


def _around(doc, block) -> list[str]:
    """The texts a sentence's advice may be about: its list's lead-in, its section heading,
    the article title (in that order; the first two may also mark a list of warnings)."""
    li = lead_in(doc, block) if block.kind == "item" else None
    sec = doc.section_of(block)
    return [li.text if li is not None else "", sec.title if sec is not None else "", doc.title]
