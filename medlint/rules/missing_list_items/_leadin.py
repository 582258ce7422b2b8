"""What a lead-in is and what fulfils it, shared by the missing-list-items rules."""

from __future__ import annotations

import re
from functools import lru_cache

from ...sentences import split_text

_TIME = re.compile(r"\d{1,2}:$")
_URLISH = re.compile(r"(?:https?|ftp|mailto|tel):$", re.I)
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|step\s+\d+|[a-h][.)]\s|[ivx]{1,4}[.)]\s|#\d)", re.I)
# a condition that stops at its subject: "if your toddler:", "when you:" (what the subject
# does or has is the list)
_CONDITION_SUBJECT = re.compile(
    r"\b(?:if|when|whenever|unless)\s+(?:you|he|she|they|someone|anyone|(?:your|their|his|her|"
    r"the|a|an)\s+(?:\w+\s+)?\w+)\s*$", re.I)
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__|<(?:strong|b)\b)", re.I)
_MARKUP = re.compile(r"[*_`\[\]]")
_TRAILING_NON_WORD = re.compile(r"[^\w']+$")
_TRAILING_STOPS = re.compile(r"[\s.…]+$")
# a sentence that breaks off at a promise, as its last words or alone
_BREAK_OFFS = ("include", "includes", "including", "such as", "the following", "as follows",
               "are listed below", "are as follows", "these are", "include the following")
_BREAK_OFF_ENDS = tuple(" " + p for p in _BREAK_OFFS)


@lru_cache(maxsize=1024)  # LI001 and LI004 ask for the same lead-ins (paragraphs ending in ':')
def last_sentence(text: str) -> tuple[int, str]:
    spans = split_text(text)
    if not spans:
        return 0, text
    s, e = spans[-1]
    return s, text[s:e]


@lru_cache(maxsize=32)
def _phrase_rx(phrases: tuple):
    """(compiled alternation of the in-sentence phrases, tuple of 'word:' endings and their
    'word :' spellings)."""
    inner = [p.lower() for p in phrases if p and not p.endswith(":")]
    ends = tuple(p.lower() for p in phrases if p.endswith(":"))
    # A phrase not preceded by a word character or hyphen: the test is made after its first
    # character ((?<![\w-][\s\S])) rather than before it, so that the regex engine can skip
    # to the characters the phrases start with instead of trying every position.
    rx = re.compile("(?:" + "|".join(re.escape(p[0]) + r"(?<![\w-][\s\S])" + re.escape(p[1:])
                                    for p in inner) + r")(?![\w-])") if inner else None
    return rx, ends + tuple(e[:-1] + " :" for e in ends)


def _has_phrase(text: str, prepared: tuple) -> bool:
    """Whether ``text`` has one of the phrases ``_phrase_rx`` prepared."""
    rx, ends = prepared
    low = text.lower().rstrip()
    return low.endswith(ends) or bool(rx and rx.search(low))


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_COUNT = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r"|\d{1,2})\b", re.I)


def promised_number(text: str) -> int:
    m = _COUNT.search(text)
    if not m:
        return 0
    w = m.group(1).lower()
    return NUMBER_WORDS.get(w) or int(w)


def is_short(text: str, opts: dict) -> bool:
    return len(text.split()) <= int(opts.get("label_max_words", 4))


@lru_cache(maxsize=32)
def _word_lists(labels: tuple, label_tails: tuple, dangling: tuple) -> tuple[set, set, set]:
    """The option lists classify compares with, as sets (lower-cased where it ignores case)."""
    return ({x.lower() for x in labels}, set(label_tails), {w.lower() for w in dangling})


_PREPARED: dict[int, tuple] = {}  # id(options) -> (the options, what _lists made of them)


def _lists(opts: dict) -> tuple[set, set, set, tuple]:
    """classify's option lists, prepared once per options dict (classify runs for every
    candidate paragraph of every document; the dict is kept with them, so its id stands for
    it)."""
    hit = _PREPARED.get(id(opts))
    if hit is None or hit[0] is not opts:
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        phrases = tuple(opts.get("promise_phrases", [])) + tuple(opts.get("extra_promise_phrases",
                                                                          []))
        hit = _PREPARED[id(opts)] = (opts, (
            *_word_lists(tuple(opts.get("labels", [])), tuple(opts.get("label_tails", [])),
                         tuple(opts.get("dangling_words", []))
                         + tuple(opts.get("extra_dangling_words", []))),
            _phrase_rx(phrases)))
    return hit[1]


def classify(text: str, opts: dict) -> tuple[str, int]:
    """('dangling' | 'strong' | 'weak' | '', offset of the lead-in sentence in text).

    dangling: the sentence breaks off where its list should be ("accompanied by:", "Symptoms
    include."); strong: it promises a list (a promise phrase); weak: any other sentence
    ending with a colon.
    """
    t = text.rstrip()
    if not t:
        return "", 0
    start, sent = last_sentence(t)
    sent_s = sent.rstrip()
    colon = sent_s.endswith((":", "："))
    body = sent_s[:-1].rstrip() if colon else sent_s.rstrip(" .…")
    labels, label_tails, dangling, phrases = _lists(opts)
    if colon:
        if _TIME.search(sent_s) or _URLISH.search(sent_s):
            return "", start
        words = body.split()
        if words and words[-1] in label_tails:
            return "", start
        plain = _MARKUP.sub("", body).strip().lower()
        if len(words) <= int(opts.get("label_max_words", 4)) and (
                plain in labels or plain.rstrip(".") in labels):
            return "", start
    if colon:
        last = _TRAILING_NON_WORD.sub("", body.lower()).rsplit(None, 1)
        if last and last[-1] in dangling:
            return "dangling", start
        if _CONDITION_SUBJECT.search(body):
            return "dangling", start  # "call your doctor if your toddler:" (the list is the verb)
        if _has_phrase(sent_s, phrases):
            return "strong", start
        if start == 0 and _nominal(body):
            return "strong", start  # "Medical conditions treated with corticosteroids:"
        return "weak", start
    # no colon: a sentence that breaks off at the promise ("Symptoms include."), or that
    # points to "the following" things ("Doctors point to the following as the culprits.")
    tail = _TRAILING_STOPS.sub("", sent_s).lower()
    if tail.endswith(_BREAK_OFF_ENDS) or tail in _BREAK_OFFS:
        return "dangling", start
    if _FOLLOWING.search(tail):
        return "strong", start
    return "", start


# words that make a colon sentence a clause ("The reason is simple:", "Here's why:", "We
# found:"), not a noun phrase naming what the list holds
_CLAUSE_WORDS = frozenset('''is are was were be been being am isn't aren't wasn't weren't has have
    had having do does did don't doesn't didn't can could may might will would shall should must
    can't cannot won't wouldn't shouldn't need needs i you we they he she it it's there here
    what why how who which that this these those let let's see note read learn find try use
    take make get give keep ask call says say said found shows show means mean'''.split())


def _nominal(body: str) -> bool:
    """A noun phrase that names the list to come ("Medical conditions treated with systemic
    corticosteroids"): five or more words, capitalised, and no verb of a clause."""
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    return (len(words) >= 5 and body[:1].isupper()
            and not any(w.lower().replace("’", "'") in _CLAUSE_WORDS for w in words))


# "the following" as what is promised, not a time ("the following day") or a part of the
# page that is there ("the following sections", "the following link")
_FOLLOWING = re.compile(
    r"\bthe following\b(?!\s+(?:days?|weeks?|months?|years?|mornings?|evenings?|nights?|"
    r"seasons?|decades?|hours?|sections?|chapters?|articles?|pages?|paragraphs?|tables?|"
    r"figures?|charts?|videos?|links?|resources?|websites?|sites?|diagram|image|picture|"
    r"quote|example|case|study|is true|information)\b)")


def list_like(block, doc) -> bool:
    """A paragraph that is a list without list markup: lines of items, numbered or bold labels."""
    text = block.text.strip()
    if not text:
        return False
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) >= 2 and all(len(ln.split()) <= 14 for ln in lines):
        return True
    if 2 <= len(lines) and all(len(ln.split()) <= 40 for ln in lines) and all(ln.rstrip().endswith((".", "!", "?", ";", ":", "”", '"'))
                               for ln in lines[:-1]):
        return True  # one item per line, each a sentence (not hard-wrapped prose)
    if text[:1] in "“\"‘'":
        return True  # a quotation
    if _NUMBERED.match(text) or _BOLD_LABEL.match(doc.line_text(block.line)[block.col - 1:] or ""):
        return True
    if len(text.split()) <= 8 and not text.endswith((".", "!", "?")):
        return True  # a bare item line ("Calcium")
    if text[:1].islower():
        return True  # the sentence goes on after the colon
    return False
