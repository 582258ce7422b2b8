import re

from ...model import Severity
from ...rxguard import finder
from ..base import Rule
from ._util import any_match, compile_all, compile_one, lead_in, prose_blocks


class RedFlagWithoutUrgency(Rule):
    code = "SF002"
    name = "red-flag-without-urgency"
    category = "safety"
    severity = Severity.WARNING
    summary = "A red-flag symptom is mentioned with no urgent-care instruction nearby."
    what = """
    A red-flag symptom (chest pain, difficulty breathing, sudden weakness or numbness on one
    side, slurred speech, fainting, severe bleeding, suicidal thoughts, signs of
    anaphylaxis, a seizure lasting more than 5 minutes, ...; the list is data with a source
    for each entry) in a block with no urgent-care instruction ("Call 999", "call 911", "go
    to A&E", "get emergency help", "immediately") in that block, the two prose blocks before
    or after it, the lead-in of its list, or its section heading ("When to call 999").
    Negated mentions ("no chest pain", "does not cause fainting") are skipped, and so are
    mentions outside the context a flag needs (a flag's optional `requires` / `unless`
    patterns: slurred speech or weakness only when sudden or one-sided, loss of
    consciousness not as part of a described seizure). Reported once per red flag in the
    body and once in the FAQ (a reader who jumps to "Is a febrile seizure dangerous?" does
    not read the body's advice), at the first unguarded mention in each. A red flag whose own sentence (or the next)
    sends the reader to routine care or self-care ("make an appointment", "book a
    consultation", "mention it at your next check-up", "in the next few weeks", "rest until
    it passes", "see how they are in the morning", "If you notice wheezing or difficulty
    breathing, use a nasal spray": `routine_patterns`) with no urgent word is reported even
    when urgent advice stands nearby: that instruction is the one attached to it. Common
    symptoms that are emergency signs only in some contexts (plain chest pain, difficulty
    breathing, wheezing, blood in the stools, green vomit, severe pain, a fever with
    kidney-stone pain, signs of a DVT, a floppy or unusually sleepy child, a stiff neck with
    an infection: flags marked `soft: true`) are reported only then.

    A section headed "Red flags", "Warning signs" or "Danger signs" (`flag_heading_patterns`)
    that lists them but never says what to do (no urgent-care or when-to-get-help
    instruction such as "Seek care if:", "See a GP", "Call 999" in its heading or blocks,
    and no sentence elsewhere that tells the reader what to do about these signs) is
    reported at its heading.
    """
    why = """
    These symptoms can mean a heart attack, stroke, anaphylaxis, sepsis or a mental-health
    crisis, where minutes matter. Naming them as just another symptom, with no instruction
    to get emergency help, can delay it. Common symptoms (shortness of breath in asthma,
    chest pain when coughing) count only with the qualifiers that make them emergencies
    ("severe", "sudden", "spreading to the arm"); articles that never address the reader
    (fewer than `min_second_person` "you"/"your": encyclopaedia text, unless the title
    says it advises, `advice_title_patterns`: "Red Flags & When to Seek Help") are
    not held to say what to do, but a red flag they answer with self-care is still reported.
    """
    standard = ("NHS digital service manual, emergency care card ('Call 999 or go to A&E "
                "now'); NHS 999 red-flag pages (FAST, heart attack, anaphylaxis, sepsis); CDC "
                "Clear Communication Index item 14.")
    cite = "NHS emergency care card"
    pack = "safety.yaml"
    options = {"urgent_patterns": [], "urgent_heading_patterns": [], "red_flags": [],
               "negation_patterns": [], "min_second_person": 5, "flag_heading_patterns": [],
               "help_patterns": [], "action_patterns": [], "routine_patterns": [],
               "advice_title_patterns": []}
    bad = """# Knee pain

Knee pain is common after running. You may notice it on stairs.

## Symptoms

Your knee may feel stiff. You may also get sudden chest pain when you exercise.

## Treatment

Rest and ice usually help your knee.
"""
    good = """# Knee pain

Knee pain is common after running. You may notice it on stairs.

## Symptoms

Your knee may feel stiff. Call 999 now if you get sudden chest pain when you exercise.

## Treatment

Rest and ice usually help your knee.
"""

    def check(self, doc, ctx):
        o = ctx.options
        self._check_flag_sections(doc, ctx, o)
        urgent = compile_all(o.get("urgent_patterns"))
        uheads = compile_all(o.get("urgent_heading_patterns"))
        negs = compile_all(o.get("negation_patterns"))
        key = ("SF002", id(o.get("red_flags")))
        if key not in ctx.shared:
            ctx.shared[key] = _compile_flags(o.get("red_flags") or [])
        flags, any_flag, context = ctx.shared[key]
        if not flags:
            return
        blocks = prose_blocks(doc)
        # text that does not address the reader (encyclopaedia pages) is not held to say
        # what to do; a red flag answered with self-care is advice, and is reported anyway
        need = int(o.get("min_second_person") or 0)
        title = doc.title or (doc.headings[0].text if doc.headings else "")
        advice = not need or sum(len(_YOU.findall(b.text)) for b in blocks) >= need or (
            any_match(compile_all(o.get("advice_title_patterns")), title))
        has_flag = [bool(b.text) and any_flag(b.text) for b in blocks]
        if not any(has_flag):
            return  # no red-flag symptom anywhere: nothing to check
        routine = compile_all(o.get("routine_patterns"))
        routine_blocks: dict[int, bool] = {}

        def routine_here(i: int) -> bool:
            """Whether a sentence of block i holds a routine-care instruction (memoised;
            per sentence, since a pattern may be anchored at the sentence's start)."""
            if i not in routine_blocks:
                routine_blocks[i] = any(any_match(routine, s.text)
                                        for s in doc.sentences_of(blocks[i]))
            return routine_blocks[i]

        soft = {t for t, (_r, _u, is_soft, _gp) in context.items() if is_soft}
        if not any(f and (routine_here(i) or advice and any(
                rx.search(blocks[i].text) for t, rx in flags if t not in soft))
                for i, f in enumerate(has_flag)):
            return  # no flag answered with self-care, and none the article must answer
        # a red flag's own words are not an instruction ("a potentially life-threatening
        # asthma attack" holds the urgent word "life-threatening"): blanked out first
        # (only where an urgent pattern matched at all: most blocks have none)
        is_urgent = [any_match(urgent, b.text) for b in blocks]
        unflagged = {}
        for i, b in enumerate(blocks):
            if has_flag[i] and is_urgent[i]:
                unflagged[id(b)] = _without(b.text, flags)
                is_urgent[i] = any_match(urgent, unflagged[id(b)])
        sections = {}
        for s in doc.sections:
            ok = (s.heading is not None and any_match(uheads, s.heading.text)) or any(
                b.text and any_match(urgent, unflagged.get(id(b), b.text)) for b in s.blocks)
            for b in s.blocks:
                sections[id(b)] = ok
        # a red flag is addressed when any of its mentions has urgent-care advice nearby;
        # otherwise it is reported once, at its first (non-negated) mention
        guarded: set = set()  # (term, place)
        first: dict[tuple, tuple] = {}  # (term, place) -> (block, match)
        downgraded: dict[str, tuple] = {}
        # an FAQ answer is a place of its own: a reader who jumps to "Is a febrile seizure
        # dangerous?" does not read the body's "call 999 if the seizure lasts 5 minutes"
        faq_ids = doc.faq_answer_ids
        for i, b in enumerate(blocks):
            text = b.text
            if not text or not has_flag[i]:
                continue
            place = "faq" if id(b) in faq_ids else "body"
            for term, rx in flags:
                if term in downgraded:
                    continue
                requires, unless, soft, _gp = context.get(term, (None, None, False, False))
                if soft and not routine_here(i):
                    continue  # a soft flag counts only where the block answers it with self-care
                for m in rx.finditer(text):
                    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()),
                                text.rfind(";", 0, m.start())) + 1
                    if any_match(negs, text[start:m.start()]):
                        continue
                    if unless is not None and unless.search(_sentence(text, m)):
                        continue
                    if requires is not None and not requires.search(
                            _context_text(doc, b)):
                        continue
                    # a mention answered with routine care is reported even when another
                    # mention has urgent advice, if none stands near this one: the
                    # instruction attached to it is wrong
                    routine_m, step = _routine(doc, b, m, routine, urgent)
                    if routine_m is not None and (step or (term, place) in guarded) and self._guarded(
                            doc, blocks, is_urgent, i, b, urgent, sections):
                        # a self-care step ("If ..., place them in the recovery position")
                        # next to "call 999 if" is first aid, not routine care
                        routine_m = None
                    if routine_m is not None:
                        downgraded.setdefault(term, (b, m, routine_m))
                        break  # reported once, as sent to routine care
                    if (term, place) in guarded or soft or not advice:
                        continue  # reported only when sent to routine care
                    if self._guarded(doc, blocks, is_urgent, i, b, urgent, sections):
                        guarded.add((term, place))
                        continue
                    first.setdefault((term, place), (b, m))
        # one finding per instruction: "If you have X or Y, wait for it to pass" names both
        by_how: dict[tuple, list] = {}
        for term, (b, m, how) in downgraded.items():
            by_how.setdefault((id(b), how), []).append((b, m, term))
        for (_b, how), hits in by_how.items():
            b, m, term = min(hits, key=lambda h: h[1].start())
            names = "', '".join(h[1].group(0) for h in sorted(hits, key=lambda h: h[1].start()))
            a = b.pos_of(m.start())
            e = b.pos_of(m.end())
            gp = all(context[h[2]][3] for h in hits)  # NHS 111 flags: urgent, not 999
            need = "urgent help" if gp else "emergency help"
            ctx.report(a.line, a.col, f"red-flag symptom{'s' if len(hits) > 1 else ''} "
                       f"'{names}' {'are' if len(hits) > 1 else 'is'} answered with "
                       f"routine or self-care ('{how}'): it needs {need}, e.g. "
                       f"{_example(gp)}",
                       end_line=e.line, end_col=e.col)
        any_urgent = any(is_urgent)
        for (term, place), (b, m) in first.items():
            if (term, place) in guarded or term in downgraded:
                continue
            rx = dict(flags)[term]
            if any_urgent and title and rx.search(title):
                continue  # the article is about this symptom and says when to call 999
            a = b.pos_of(m.start())
            e = b.pos_of(m.end())
            ctx.report(a.line, a.col, f"red-flag symptom '{m.group(0)}' with no urgent-care "
                       f"instruction nearby: say what to do, e.g. {_example(context[term][3])}",
                       end_line=e.line, end_col=e.col)

    @staticmethod
    def _check_flag_sections(doc, ctx, o) -> None:
        """A "Red flags" / "Warning signs" section listing signs with no instruction."""
        heads = compile_all(o.get("flag_heading_patterns"))
        if not heads:
            return
        acts = (compile_all(o.get("urgent_patterns")) + compile_all(o.get("help_patterns"))
                + compile_all(o.get("action_patterns")))
        flagged = [s for s in doc.sections
                   if s.heading is not None and any_match(heads, s.heading.text)
                   and any(b.kind == "item" and b.text.strip() for b in s.blocks)]
        if not flagged:
            return
        # an instruction elsewhere that names the signs ("see a GP if you have any of
        # these warning signs") covers the lists
        signs = re.compile(r"\b(?:red[ -]flags?|warning signs?|danger signs?)\b", re.I)
        inside = {id(b) for s in flagged for b in s.blocks}
        for b in prose_blocks(doc):
            if id(b) not in inside and b.kind != "heading" and signs.search(b.text) and \
                    any_match(acts, b.text):
                return
        for s in flagged:
            texts = [s.heading.text] + [b.text for b in s.blocks if b.text]
            if any(any_match(acts, t) for t in texts):
                continue
            h = s.heading
            # the finding spans the section's list of signs: an editor shows the signs
            last = max((b.end_line for b in s.blocks if b.text.strip()), default=h.line)
            ctx.report(h.line, h.col, f"'{h.text.strip()[:40]}' lists warning signs but never "
                       "says what to do: add who to contact and how urgently, e.g. 'See a GP "
                       "if:' or 'Call 999 (or 911/112) or go to A&E if:'", end_line=last)

    @staticmethod
    def _guarded(doc, blocks, is_urgent, i, b, urgent, sections) -> bool:
        lo, hi = max(0, i - 2), min(len(blocks), i + 3)
        if any(is_urgent[lo:hi]):
            return True
        if sections.get(id(b)):
            return True
        li = lead_in(doc, b)
        if li is not None and any_match(urgent, li.text):
            return True
        return False


_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)


def _without(text: str, flags) -> str:
    """The text with every red flag's words blanked out (same length)."""
    for _term, rx in flags:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _sentence(text: str, m) -> str:
    """The sentence (or line, or clause after a semicolon) around a match."""
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()),
                text.rfind(";", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end()),
                        text.find(";", m.end())) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _routine(doc, block, m, routine, urgent) -> tuple[str | None, bool]:
    """The routine-care instruction ("make an appointment", "at your next check-up") given
    for a red flag in its own sentence or the next one, when neither says it is urgent, and
    whether it is a step the reader takes (a pattern anchored at the sentence's start: "If
    you notice X, use ...") rather than a referral or waiting."""
    if not routine:
        return None, False
    sents = doc.sentences_of(block)
    k = next((k for k, s in enumerate(sents) if s.start <= m.start() < s.end), None)
    if k is None:
        return None, False
    window = " ".join(s.text for s in sents[k:k + 2])
    if any_match(urgent, window):
        return None, False
    how = None
    for rx in routine:
        hit = rx.search(window)
        if hit:  # a pattern with a group named "how" says which part is the instruction
            if how is None:
                how = hit.group("how") if "how" in rx.groupindex else hit.group(0)
            if not rx.pattern.startswith("^"):
                return how, False  # also waiting or a referral ("... and sleep it off")
    return how, how is not None  # only a step ("If ..., use ...")


def _context_text(doc, block) -> str:
    """A mention's block with its list lead-in, its section heading and the article's title
    (a back-pain article need not repeat "back" next to each cauda-equina sign)."""
    parts = [block.text, doc.title or ""]
    li = lead_in(doc, block)
    if li is not None:
        parts.append(li.text)
    sec = doc.section_of(block)
    if sec is not None and sec.heading is not None:
        parts.append(sec.heading.text)
    return "\n".join(parts)


def _optional(entry, key: str) -> re.Pattern | None:
    return compile_one(entry.get(key) if isinstance(entry, dict) else None)


def _example(urgent_gp: bool) -> str:
    """The instruction a flag calls for, as an example for the message: an urgent GP
    appointment or 111 for the flags of NHS 111 pages, else an ambulance or A&E."""
    if urgent_gp:
        return "'Ask for an urgent GP appointment or call 111 (or your doctor) if ...'"
    return "'Call 999 (or 911/112) or go to A&E if ...'"


def _compile_flags(entries) -> tuple[list, object, dict]:
    """The red-flag patterns, one combined test to skip blocks that mention none, and
    each flag's context: its optional patterns (`requires`, `unless`), whether it is soft and
    whether its source is an NHS 111 page (urgent, but a GP or 111, not an ambulance)."""
    flags = []
    context = {}
    for entry in entries:
        term = entry.get("term") if isinstance(entry, dict) else entry
        if isinstance(term, str) and term:
            try:
                flags.append((term, re.compile(rf"\b(?:{term})", re.I)))
            except re.error:
                continue
            is_dict = isinstance(entry, dict)
            context[term] = (_optional(entry, "requires"), _optional(entry, "unless"),
                             is_dict and entry.get("soft") is True,
                             is_dict and str(entry.get("source", "")).startswith("NHS-111"))
    if not flags:
        return [], None, {}
    return (flags, finder("|".join(f"(?:{rx.pattern})" for _, rx in flags), re.I),
            context)
