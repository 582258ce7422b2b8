"""The language layer: cue detection with scope, word-form matching and evidence detection.

One spaCy pipeline per process, built on first use (``spacy.blank("en")`` + sentencizer +
a PhraseMatcher over the cue lists of ``rules/cues.yaml``); nothing is downloaded. spaCy is
imported only inside :func:`pipeline`, so rules that do not need the language layer never pay
for it.

``analyse(doc)`` returns an :class:`Analysis` of a Document, cached on the Document, that
several rules share:

- ``analysis.sentences``: the prose sentences of the Document (``Document.sentences`` without
  headings, code or front matter), each with its paragraph, section heading and FAQ flag;
- ``analysis.info(i)``: the tokens of sentence ``i`` with cue spans (negation, hedge,
  condition, absolute) and their scope, tokenised lazily and cached, so a rule first filters
  sentences with a cheap regular expression and only pays for the ones it looks at;
- evidence at three levels: ``sentence_evidence(i)``, ``paragraph_evidence(i)`` and
  ``article_evidence`` (links, footnotes, numbered references, superscripts, author-year
  citations, "according to <organisation>", DOIs, PubMed IDs, a references section).

Word forms are matched case-insensitively through :func:`base_forms`, a small deinflector
("treats", "treated", "treating" -> "treat"; "cures", "curing" -> "cure"). spaCy's lookup
lemmatizer is case-sensitive and needs a 99 MB data package, so it is not used.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .model import Block, Document, Sentence
from .rxguard import guarded

CUE_KINDS = ("negation", "hedge", "condition", "absolute", "pseudo", "terminator")
LISTS = CUE_KINDS + ("organisations",)

# --------------------------------------------------------------------------- word forms

_IRREGULAR = {
    "led": "lead", "fought": "fight", "took": "take", "taken": "take", "ate": "eat",
    "eaten": "eat", "drank": "drink", "drunk": "drink", "gave": "give", "given": "give",
    "saw": "see", "seen": "see", "went": "go", "gone": "go", "made": "make", "kept": "keep",
    "slept": "sleep", "felt": "feel", "shown": "show", "proven": "prove", "found": "find",
    "did": "do", "does": "do", "done": "do", "has": "have", "had": "have", "is": "be",
    "are": "be", "was": "be", "were": "be", "been": "be", "children": "child",
    "women": "woman", "men": "man", "people": "person", "feet": "foot", "teeth": "tooth",
}


@lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """Possible base forms of ``word`` (lower-cased): itself plus deinflected candidates."""
    w = word.lower().replace("’", "'")
    out = {w}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])
    n = len(w)
    if n > 3 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
        if w.endswith("ies") and n > 4:
            out.add(w[:-3] + "y")
        if w.endswith("es") and n > 4:
            out.add(w[:-2])
    if n > 4 and w.endswith("ed"):
        out.add(w[:-1])  # cured -> cure
        out.add(w[:-2])  # treated -> treat
        if w.endswith("ied"):
            out.add(w[:-3] + "y")
        if n > 5 and w[-3] == w[-4]:
            out.add(w[:-3])  # stopped -> stop
    if n > 5 and w.endswith("ing"):
        stem = w[:-3]
        out.add(stem)  # treating -> treat
        out.add(stem + "e")  # curing -> cure
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.add(stem[:-1])  # stopping -> stop
    return frozenset(out)


_PHRASE_TOKEN = re.compile(r"\w+(?:&\w+)+|[\w']+|[^\w\s]")
# a contraction's second part, a token of its own for the tokenizer ("don't" -> "do" "n't",
# "can't" -> "ca" "n't", "it's" -> "it" "'s")
_CLITIC = re.compile(r"(\w+)(n't|'s|'re|'ll|'ve|'d|'m)")


@lru_cache(maxsize=16384)
def phrase_tuple(phrase: str) -> tuple[str, ...]:
    """The phrase's tokens as the tokenizer splits text ("100% of the time" -> "100" "%"
    "of" "the" "time"; "don't wait" -> "do" "n't" "wait"; "A&E" is one token)."""
    out: list[str] = []
    for t in _PHRASE_TOKEN.findall(phrase.lower().replace("’", "'")):
        m = _CLITIC.fullmatch(t) if "'" in t else None
        out.extend(m.groups() if m else (t,))
    return tuple(out)


class PhraseIndex:
    """Multi-word phrases matched on token base forms (first word indexes the phrase)."""

    def __init__(self, phrases: Iterable[str], gaps: frozenset[str] = frozenset()):
        # words that may stand inside a phrase without breaking it ("is *also* effective
        # for"), one between two of its words; empty: phrases match only as written
        self.gaps = gaps
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for p in phrases:
            t = phrase_tuple(str(p))
            if t:
                self.by_first.setdefault(t[0], []).append((t, str(p)))
        for v in self.by_first.values():
            v.sort(key=lambda x: -len(x[0]))
        self.firsts = frozenset(self.by_first)

    def find(self, norms: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, phrase) token spans, longest first at each start, not overlapping."""
        return self.find_forms(list(map(base_forms, norms)))

    def find_forms(self, forms: list[frozenset[str]],
                   every: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
        """:meth:`find` over the base forms of the tokens; ``every`` (all those forms, when
        the caller has them) rules out at once a sentence where no phrase can start."""
        firsts, by_first = self.firsts, self.by_first
        if every is not None and firsts.isdisjoint(every):
            return []
        out: list[tuple[int, int, str]] = []
        n = len(forms)
        free = 0  # tokens before this one are inside a phrase found already
        # only tokens with a form that starts some phrase are tried (one C-level test each)
        for i in [i for i, f in enumerate(forms) if not firsts.isdisjoint(f)]:
            if i < free:
                continue
            hit = None
            for cand in forms[i]:
                for toks, phrase in by_first.get(cand, ()):
                    k = len(toks)
                    if i + k <= n and all(toks[j] in forms[i + j] for j in range(1, k)):
                        end = i + k
                    elif self.gaps and k > 1:
                        end = self._gapped(forms, i, toks)
                        if end < 0:
                            continue
                    else:
                        continue
                    if hit is None or end - i > hit[1] - hit[0]:
                        hit = (i, end, phrase)
                    break
            if hit:
                out.append(hit)
                free = hit[1]
        return out

    def _gapped(self, forms: list[frozenset[str]], i: int, toks: tuple[str, ...]) -> int:
        """End of a match of ``toks`` at token ``i`` with at most one gap word between two of
        its words, or -1."""
        n, p = len(forms), i + 1
        for t in toks[1:]:
            if p < n and t in forms[p]:
                p += 1
            elif p + 1 < n and not self.gaps.isdisjoint(forms[p]) and t in forms[p + 1]:
                p += 2
            else:
                return -1
        return p


def inflections(word: str) -> set[str]:
    """Word forms of a base word (the inverse of :func:`base_forms`, over-generating)."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "d", w + "ed", w + "ing", w + "'s"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwy":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    for k, v in _IRREGULAR.items():
        if v == w:
            out.add(k)
    return out


# "%" is a word of its own, as the tokenizer makes it ("100%" -> "100" "%")
_WORD_RE = re.compile(r"[a-z0-9']+|%")


# a number and a unit written together ("5mg"): two tokens, one word
_DIGIT_LETTER = re.compile(r"[0-9][a-z]")


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``, what a prefilter tests: the definition that
    :func:`word_lists` (which gives a document's sentences their word sets) keeps to."""
    return frozenset(_WORD_RE.findall(_lowered(text)))


_BREAK = "\x01"
# every ASCII character that is not a word character (nor the break) -> a space
_TO_SPACE = str.maketrans({chr(c): " " for c in range(128)
                           if not _WORD_RE.fullmatch(chr(c)) and chr(c) != _BREAK} | {"%": " % "})


def word_lists(texts: list[str]) -> list[list[str]]:
    """The words of each text, as :func:`word_set` finds them (in order, repeats kept),
    without a regular-expression search: the texts are joined by a break character and
    lower-cased once, every character that is not a word character becomes a space (those
    outside ASCII first become "?", none of them is a word character), and the result is
    split at the breaks and then at spaces, all by C loops. Lower-casing the joined text
    gives the ASCII letters each text's own lower-casing gives (only the Greek final sigma
    looks at its neighbours). Texts that hold the break character are read one by one."""
    joined = _BREAK.join(texts)
    if joined.count(_BREAK) != max(len(texts) - 1, 0):
        return [_WORD_RE.findall(_lowered(t)) for t in texts]
    if not texts:
        return []
    ascii_only = _lowered(joined).encode("ascii", "replace").decode("ascii")
    return [part.split() for part in ascii_only.translate(_TO_SPACE).split(_BREAK)]


_PREFILTER_STOP = frozenset("""the a an to of and or in on at it is are be do does not no you your
    go get can may will for with by as from this that""".split())


class Prefilter:
    """A cheap test before tokenising: does the sentence hold every word of some phrase (the
    longest word in any of its forms, the others as written or inflected)?

    Every live prefilter is registered (weakly), so that :meth:`Analysis.matching` can index a
    document's sentences once by the key words of all of them (:func:`key_words`) instead of
    testing every sentence against each prefilter.
    """

    _live: weakref.WeakSet[Prefilter] = weakref.WeakSet()
    _newest = 0  # serial of the newest prefilter

    def __init__(self, phrases: Iterable[str]):
        self.by_key: dict[str, list[list[frozenset[str]]]] = {}
        for p in phrases:
            t = [w for w in phrase_tuple(str(p)) if _WORD_RE.fullmatch(w)]
            if not t:
                continue
            content = [w for w in t if w not in _PREFILTER_STOP] or t
            key = max(content, key=len)
            others = [frozenset(inflections(w)) for w in t if w != key and len(w) > 2]
            for form in inflections(key):
                self.by_key.setdefault(form, []).append(others)
        self.keys = frozenset(self.by_key)
        # key words of a phrase that has no other word to test: holding one is a hit
        self.sure = frozenset(k for k, entries in self.by_key.items() if [] in entries)
        # registered before it takes its serial: a key-word set computed in between already
        # holds its keys, and one computed before is older than its serial
        Prefilter._live.add(self)
        Prefilter._newest += 1
        self.serial = Prefilter._newest

    def hit(self, words: frozenset[str]) -> bool:
        """Whether a sentence with these words passes."""
        if self.keys.isdisjoint(words):
            return False  # most sentences: no allocation on the common path
        for k in self.keys.intersection(words):
            for others in self.by_key[k]:
                if not any(map(words.isdisjoint, others)):  # every other word is there
                    return True
        return False


def key_words() -> tuple[int, frozenset[str]]:
    """(serial of the newest prefilter, the key words of every live prefilter up to it)."""
    newest = Prefilter._newest
    return newest, _key_words(newest)


@lru_cache(maxsize=1)
def _key_words(newest: int) -> frozenset[str]:
    return frozenset().union(*(p.keys for p in list(Prefilter._live)))


# --------------------------------------------------------------------------- cue lists


def cue_lists(extra: dict | None = None) -> dict[str, list[str]]:
    from .rules.registry import load_pack

    data = load_pack("cues.yaml") or {}
    out = {}
    for kind in LISTS:
        entry = data.get(kind) or {}
        terms = list(entry.get("terms") or [])
        if extra and extra.get(kind):
            terms += [str(t) for t in extra[kind]]
        out[kind] = terms
    out["_window"] = [int((data.get("negation") or {}).get("window", 8))]
    return out


class Pipeline:
    """spaCy blank English + sentencizer + a PhraseMatcher over the cue lists."""

    def __init__(self, cues: dict[str, list[str]]):
        from .spacy_loader import import_spacy  # imported here only: the layer is lazy

        spacy = import_spacy()
        from spacy.attrs import IS_PUNCT, LOWER
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        # spaCy computes every lexical attribute it has a getter for (shape, stop word,
        # like_num, like_url, ...) for each word it meets first, which is half the cost of
        # tokenising new text; the language layer reads only the lower-cased form (tokens
        # and the matcher) and punctuation (the sentencizer), so only those are computed.
        getters = self.nlp.vocab.lex_attr_getters
        self.nlp.vocab.lex_attr_getters = {a: getters[a] for a in (LOWER, IS_PUNCT)}
        self.sentencizer = self.nlp.add_pipe("sentencizer")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for kind in CUE_KINDS:
            pats = []
            for t in cues[kind]:
                t = str(t)
                pats.append(self.nlp.make_doc(t))
                if "’" in t:
                    pats.append(self.nlp.make_doc(t.replace("’", "'")))
            if pats:
                self.matcher.add(kind, pats)
        self.window = cues["_window"][0]

    def __call__(self, text: str):
        return self.nlp(text)

    @cached_property
    def split_words(self) -> frozenset[str]:
        """Words of word characters only that the tokenizer splits into several tokens by a
        rule of its own ("cannot" -> "can" "not", "dont" -> "do" "nt"), lower-cased."""
        return frozenset(k.lower() for k, pieces in self.nlp.tokenizer.rules.items()
                         if len(pieces) > 1 and _WORD_RE.fullmatch(k.lower()))


@lru_cache(maxsize=8)
def _pipeline(key: tuple) -> Pipeline:
    extra = {k: list(v) for k, v in key}
    return Pipeline(cue_lists(extra))


def pipeline(extra: dict | None = None) -> Pipeline:
    """The process-wide pipeline (one per set of extra cues; normally exactly one)."""
    key = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items() if v))
    return _pipeline(key)


# --------------------------------------------------------------------------- per sentence


@dataclass
class Cue:
    kind: str
    start: int  # token index
    end: int
    text: str
    scope_end: int  # exclusive token index the cue governs up to


@dataclass
class SentInfo:
    """Tokens and cues of one sentence."""

    index: int
    sentence: Sentence
    tokens: list[str]  # lower-cased token texts (’ normalised to ')
    offsets: list[int]  # character offset of each token in the sentence text
    cues: list[Cue] = field(default_factory=list)

    @cached_property
    def forms(self) -> list[frozenset[str]]:
        """The base forms of each token (:func:`base_forms`)."""
        return list(map(base_forms, self.tokens))

    @cached_property
    def every_form(self) -> frozenset[str]:
        """The base forms of all the tokens."""
        return frozenset().union(*self.forms)

    def find(self, index: PhraseIndex) -> list[tuple[int, int, str]]:
        """``index.find(self.tokens)``, with the token forms computed once per sentence."""
        return index.find_forms(self.forms, self.every_form)

    def cues_of(self, kind: str) -> list[Cue]:
        return [c for c in self.cues if c.kind == kind]

    def negated(self, start: int, end: int | None = None) -> Cue | None:
        """The negation cue whose scope covers token ``start`` (outside ``start..end``)."""
        end = start + 1 if end is None else end
        for c in self.cues:
            if c.kind == "negation" and c.start < start < c.scope_end and not (
                    start <= c.start < end):
                return c
        return None

    def hedged(self, start: int | None = None, ignore: Iterable[str] = ()) -> Cue | None:
        """A hedge cue before token ``start`` in its clause (any hedge when start is None)."""
        skip = {str(x).lower() for x in ignore}
        for c in self.cues:
            if c.kind != "hedge" or c.text.lower() in skip:
                continue
            if start is None or c.start < start < c.scope_end or c.start == start:
                return c
        return None

    def conditions(self) -> list[Cue]:
        return self.cues_of("condition")

    def condition_text(self, cue: Cue) -> str:
        a = self.offsets[cue.start]
        b = self.offsets[cue.scope_end] if cue.scope_end < len(self.offsets) else len(
            self.sentence.text)
        return self.sentence.text[a:b].strip(" ,;:.")

    def span_text(self, start: int, end: int) -> str:
        a = self.offsets[start]
        b = self.offsets[end] if end < len(self.offsets) else len(self.sentence.text)
        return self.sentence.text[a:b].strip()

    def pos(self, token: int) -> tuple[int, int]:
        s = self.sentence
        p = s.block.pos_of(s.start + (self.offsets[token] if token < len(self.offsets) else 0))
        return p.line, p.col


_CLAUSE_END = {".", ";", ":", "!", "?"}


_TEXT_CACHE: dict[tuple, tuple] = {}


def _analyse_sentence(pipe: Pipeline, i: int, sent: Sentence) -> SentInfo:
    """Tokens and cues depend only on the sentence's text and the pipeline: they are
    memoised per process, so an editor's re-lint after a keystroke re-analyses only the
    sentences that changed, and boilerplate repeated across a site is analysed once."""
    key = (id(pipe), sent.text)
    hit = _TEXT_CACHE.get(key)
    if hit is None:
        probe = _analyse_text(pipe, sent)
        hit = (probe.tokens, probe.offsets, tuple(probe.cues))
        if len(_TEXT_CACHE) > 100_000:
            _TEXT_CACHE.clear()
        _TEXT_CACHE[key] = hit
    tokens, offsets, cues = hit
    return SentInfo(index=i, sentence=sent, tokens=tokens, offsets=offsets, cues=list(cues))


def _analyse_text(pipe: Pipeline, sent: Sentence) -> SentInfo:
    i = 0
    doc = pipe.nlp.make_doc(sent.text)
    if len(doc) > 40:
        doc = pipe.sentencizer(doc)  # long "sentences" (scraped text) are split for scope
    tokens = [t.lower_.replace("’", "'") for t in doc]
    offsets = [t.idx for t in doc]
    info = SentInfo(index=i, sentence=sent, tokens=tokens, offsets=offsets)
    # sub-sentence ends (spaCy's sentencizer) bound every scope
    ends = sorted({s.end for s in doc.sents}) if doc.has_annotation("SENT_START") else [
        len(doc)]
    raw = []
    for match_id, a, b in pipe.matcher(doc):
        raw.append((pipe.nlp.vocab.strings[match_id], a, b))
    pseudo = [(a, b) for k, a, b in raw if k == "pseudo"]
    terms = sorted(a for k, a, b in raw if k == "terminator") + [
        j for j, t in enumerate(tokens) if t in _CLAUSE_END]
    # keep the longest match per start and kind; drop cues inside a pseudo-trigger
    raw.sort(key=lambda x: (x[1], -(x[2] - x[1])))
    seen: set = set()
    for kind, a, b in raw:
        if kind in ("pseudo", "terminator"):
            continue
        if any(pa < b and a < pb for pa, pb in pseudo):
            continue
        if any(k == kind and sa <= a < sb for k, sa, sb in seen):
            continue
        seen.add((kind, a, b))
        sent_end = next((e for e in ends if e > a), len(tokens))
        stop = next((t for t in terms if t >= b), sent_end)
        stop = min(stop, sent_end)
        if kind == "negation":
            stop = min(stop, b + pipe.window)
        text = doc[a:b].text
        info.cues.append(Cue(kind, a, b, text, stop))
    return info


# --------------------------------------------------------------------------- evidence

def _holds(*literals: str):
    """A pre-test for a citation pattern every match of which holds one of ``literals``: the
    text must hold one (found by ``in``, far faster than the pattern's own search)."""
    return lambda text: any(x in text for x in literals)


def _holds_lower(*literals: str):
    """:func:`_holds` for a pattern that ignores case, with lower-case ``literals`` looked
    for in the lower-cased text (only for letters no character but their capitals matches
    without case; tests check which)."""
    def test(text: str) -> bool:
        low = text.lower()
        return any(x in low for x in literals)
    return test


# anchored at the end of the text: the only citation pattern that looks beyond its match
# (see Analysis._may_hold_evidence)
_NUMBERED_AT_END = guarded(r"\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)\s*[.!]?\s*$")
# searched in every sentence and block: compiled with a first-character guard (same matches),
# and, for a pattern that the engine cannot search fast, a pre-test of what every match holds
# (None: no pre-test); (kind, pattern, pre-test)
_CITATION_RES = [
    ("footnote", guarded(r"\[\^[\w-]+\]"), None),
    ("numbered reference", guarded(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"), None),
    ("numbered reference", _NUMBERED_AT_END, None),
    ("superscript reference", guarded(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]"), None),
    ("author-year citation", guarded(
        r"\(\s*[A-Z][A-Za-z'’\-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'’\-]+)?,?\s+"
        r"(?:19|20)\d\d[a-z]?(?:\s*[;,][^)]*)?\)"), None),
    ("author-year citation", guarded(r"\b[A-Z][A-Za-z'’\-]+\s+et\s+al\.?\s*\(?(?:19|20)\d\d"),
     re.compile(r"et\s+al").search),
    # a reference in brackets that names its authors and, later, its year ("(Tunkel et al.,
    # Clinical Practice Guideline: Nosebleed (Epistaxis), Otolaryngology-Head and Neck
    # Surgery, 2020)")
    ("author-year citation", guarded(r"\(\s*[A-Z][A-Za-z'’\-]+\s+et\s+al\.?,?\s[^\n]{0,200}?"
                                     r"\b(?:19|20)\d\d[a-z]?\)"), re.compile(r"et\s+al").search),
    # an organisation or several authors and a year in brackets: "(British Tinnitus
    # Association, \"Tinnitus facts and figures\", 2023)", "(NHS, 2023)"
    ("author-year citation", guarded(
        r"\(\s*(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*,\s[^()\n]{0,160}?\b(?:19|20)\d\d[a-z]?"
        r"\s*\)"), _holds(", ")),
    ("DOI", guarded(r"\b(?:doi:\s*)?10\.\d{4,9}/\S+", re.I), _holds("10.")),
    ("PubMed ID", guarded(r"\bPMID:?\s*\d{5,9}\b|\bPMC\d{5,9}\b|pubmed\.ncbi", re.I),
     _holds_lower("pm", "pubmed")),
    ("URL", guarded(r"\bhttps?://\S+|\bwww\.[\w-]+\.\w+"), _holds("http", "www.")),
    ("named source", guarded(
        r"\b[Aa]ccording to (?:the |a |an )?(?:[A-Z][\w&.'’-]*|(?:19|20)\d\d\b)"),
     _holds("ccording to ")),
    ("named source", guarded(
        r"\b(?:[Pp]ublished|[Rr]eported|[Aa]ppeared) in (?:the )?[A-Z]|\b(?:19|20)\d\d (?:study|review|"
        r"trial|meta-analysis|survey|report|analysis)\b|\bJournal of\b|\bThe Lancet\b|"
        r"\bCochrane\b|\bBMJ\b|\bJAMA\b|\bNEJM\b"), None),
]


def _cites(rx: re.Pattern, pre_test, text: str) -> bool:
    """Whether citation pattern ``rx`` (with its pre-test) matches ``text``."""
    return (pre_test is None or pre_test(text)) and rx.search(text) is not None


@lru_cache(maxsize=8)
def _org_regex(names: tuple) -> re.Pattern | None:
    if not names:
        return None
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) or "(?!)"
    # an organisation named as the one who says / recommends / reports
    return guarded(
        r"\b(?:" + alt + r")\b(?:[’']s)?\s+(?:\w+\s+){0,3}?(?:says?|said|states?|recommends?|"
        r"advises?|reports?|estimates?|guidelines?|guidance|data|figures|statistics|"
        r"suggests?|found|finds|warns?|notes?)\b")


_REF_HEADING = re.compile(
    r"^\W*(?:\d+\.?\s*)?(?:references?|sources?|bibliography|citations?|works cited|"
    r"literature(?: cited)?|notes and references|scientific references|further reading|"
    r"sources and references|references and sources|research sources|studies cited|"
    r"resources and references)\b\W*$", re.I)
_REF_LINE = re.compile(r"^\s*(?:sources?|references?|citations?|\[\^[\w-]+\]:|\[\d+\]\s)", re.I)
# the characters a _REF_LINE match can start with after the spaces (a test checks them)
_REF_LINE_STARTS = frozenset("sSſrRcC[")
_FAQ_HEADING = re.compile(
    r"\b(?:faqs?|frequently asked questions?|common questions|questions and answers|"
    r"people also ask|q\s?&\s?a)\b", re.I)
_MYTH = guarded(r"\b(?:myths?|misconceptions?|fact or fiction|facts? vs\.? myths?|"
                   r"true or false|debunk\w*)\b", re.I)
_STOP = set("""a an the of in on to for and or with your my you it its is are be this that
    these those why what how when which who can do does my our their there here from by at as
    about into left right causes cause caused""".split())


@dataclass
class Evidence:
    kind: str
    line: int


class Analysis:
    """The language view of one Document; build with :func:`analyse`."""

    def __init__(self, doc: Document, extra_cues: dict | None = None):
        self.doc = doc
        self.extra_cues = extra_cues or {}
        self.sentences: list[Sentence] = [
            s for s in doc.sentences if s.block.kind in ("paragraph", "item", "cell")]
        self._info: dict[int, SentInfo] = {}
        self._word_lists: list[list[str]] | None = None
        self._words: dict[int, frozenset[str]] = {}
        self._matching: dict[int, tuple[Prefilter, list[int]]] = {}
        self._postings: dict[str, list[int]] | None = None  # built by _index_words
        self._indexed_upto = 0  # the newest prefilter whose key words are in _postings
        self._indexed: frozenset[str] = frozenset()  # the words of _postings
        self._pipe: Pipeline | None = None
        self._org_re = _org_regex(tuple(cue_lists(self.extra_cues).get("organisations") or ()))
        self._sent_ev: dict[int, list[Evidence]] = {}
        self._block_ev: dict[int, list[Evidence]] = {}
        self._links_by_line: dict[int, list] = {}
        self._link_filter = None  # links that are no evidence (see drop_links)
        for e in doc.links:
            href = str(e.attrs.get("href") or "").strip().lower()
            if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
                continue
            self._links_by_line.setdefault(e.line, []).append(e)
        self._section: dict[int, Block | None] = {}
        self._faq_blocks: set[int] = set()
        self._index_sections()

    # ---- structure

    def _index_sections(self) -> None:
        heading = None
        faq_level = 0
        for b in self.doc.flat:
            if b.kind == "heading":
                lvl = b.level or 1
                if faq_level and lvl <= faq_level:
                    faq_level = 0
                if _FAQ_HEADING.search(b.text):
                    faq_level = lvl
                heading = b
                continue
            self._section[id(b)] = heading
            if faq_level:
                self._faq_blocks.add(id(b))

    def section_of(self, i: int) -> Block | None:
        return self._section.get(id(self._para(self.sentences[i])))

    def in_myth_section(self, i: int) -> bool:
        """Under a heading about myths or misconceptions (claims quoted to be debunked)."""
        h = self.section_of(i)
        s = self.sentences[i].text.lower()
        return bool(_MYTH.search(h.text if h is not None else "") or s.startswith(("myth", "fact")))

    def in_references(self, i: int) -> bool:
        """Under a references / sources heading (citations, not prose)."""
        h = self.section_of(i)
        return h is not None and bool(_REF_HEADING.match(h.text.strip()))

    def in_faq(self, i: int) -> bool:
        return id(self._para(self.sentences[i])) in self._faq_blocks

    @staticmethod
    def _para(s: Sentence) -> Block:
        b = s.block
        while b.parent is not None and b.kind in ("item", "cell", "row") and b.parent.kind in (
                "list", "row", "table"):
            if b.kind == "item":
                break
            b = b.parent
        return b

    def paragraph_of(self, i: int) -> Block:
        return self._para(self.sentences[i])

    @property
    def title_text(self) -> str:
        """The title (front matter, HTML, a scraped text's first line) or the first heading."""
        return self.doc.title or next((h.text for h in self.doc.headings), "")

    @property
    def title_words(self) -> set[str]:
        """Every word of the title (or first heading), lower-cased."""
        return set(re.findall(r"[a-z]+", self.title_text.lower()))

    @property
    def topic_words(self) -> set[str]:
        if not hasattr(self, "_topic"):
            title = self.title_text
            self._topic = {w for w in re.findall(r"[a-z]+", title.lower()) if w not in _STOP}
            self._topic |= {w[:-1] for w in self._topic if w.endswith("s")}
            self._topic |= {w[:-3] for w in self._topic if w.endswith("ing")}
        return self._topic

    # ---- tokens and cues

    def words(self, i: int) -> frozenset[str]:
        """The word set of sentence ``i`` (:func:`word_set`), built on first use."""
        got = self._words.get(i)
        if got is None:
            got = self._words[i] = frozenset(self.word_lists[i])
        return got

    @property
    def word_lists(self) -> list[list[str]]:
        """The words of every sentence, found together (:func:`word_lists`): the word index
        needs them all, most sentences only for that."""
        if self._word_lists is None:
            self._word_lists = word_lists([s.text for s in self.sentences])
        return self._word_lists

    def holding(self, words: frozenset[str]) -> list[int]:
        """Indices of the sentences that hold any of ``words``, in order."""
        return [i for i, ws in enumerate(self.word_lists) if not words.isdisjoint(ws)]

    def _index_words(self) -> None:
        """Each key word of a prefilter -> the indices of the sentences that hold it, in order."""
        self._indexed_upto, keys = key_words()
        post: dict[str, list[int]] = {}
        for i, words in enumerate(self.word_lists):
            for w in keys.intersection(words):
                got = post.get(w)
                if got is None:
                    post[w] = [i]
                else:
                    got.append(i)
        self._postings = post
        self._indexed = frozenset(post)

    def matching(self, pre: Prefilter) -> list[int]:
        """Indices of the sentences that pass ``pre``, in order. Only the sentences that hold
        one of its key words are considered: they are looked up in a per-document index of the
        key words of all prefilters (built once, again only if a newer prefilter comes), not
        found by testing every sentence; those that hold one of its sure key words pass
        without a test. Cached per prefilter (the prefilter is kept with its result, so its id
        stays valid): rules that share a phrase list share the work."""
        got = self._matching.get(id(pre))
        if got is None:
            if self._postings is None or pre.serial > self._indexed_upto:
                self._index_words()
            post = self._postings
            sure: set[int] = set()
            maybe: set[int] = set()
            for k in pre.keys & self._indexed:  # a C-level pass over the smaller set
                (sure if k in pre.sure else maybe).update(post[k])
            hit, words = pre.hit, self.words
            sure.update([i for i in maybe - sure if hit(words(i))])
            got = self._matching[id(pre)] = (pre, sorted(sure))
        return got[1]

    @property
    def pipe(self) -> Pipeline:
        """The spaCy pipeline, loaded on first use."""
        if self._pipe is None:
            self._pipe = pipeline(self.extra_cues)
        return self._pipe

    def info(self, i: int) -> SentInfo:
        got = self._info.get(i)
        if got is None:
            got = self._info[i] = _analyse_sentence(self.pipe, i, self.sentences[i])
        return got

    def words_are_tokens(self, i: int) -> bool:
        """Whether every token of sentence ``i`` made of word characters only is one of its
        words (:meth:`words`), told without tokenising: the tokenizer splits a run of word
        characters only at an apostrophe, before "%", between a number and a unit ("5mg") and
        in the words it has a rule for ("cannot", "dont"). In such a sentence a prefilter
        passes whenever its phrase index finds a phrase in the tokens (a token a phrase word
        stands for is one of that word's inflections), so a rule may take a prefilter's "no"
        there for the index's answer and leave the sentence untokenised."""
        low = _lowered(self.sentences[i].text)
        return ("'" not in low and "%" not in low and not _DIGIT_LETTER.search(low)
                and self.pipe.split_words.isdisjoint(self.word_lists[i]))

    # ---- evidence

    def _text_evidence(self, text: str, line: int) -> list[Evidence]:
        out = []
        for kind, rx, pre_test in _CITATION_RES:
            if _cites(rx, pre_test, text):
                out.append(Evidence(kind, line))
        if self._org_re is not None and self._org_re.search(text):
            out.append(Evidence("named organisation", line))
        return out

    def drop_links(self, not_a_source) -> None:
        """Stop counting the links for which ``not_a_source(href)`` is true (shop and affiliate
        links) as evidence for a sentence or paragraph, once per Analysis (the evidence found
        so far is forgotten). ``evidence_except`` still reads every link, with its own test."""
        if self._link_filter is not None or not_a_source is None:
            return
        self._link_filter = not_a_source
        self._sent_ev.clear()
        self._block_ev.clear()

    def _source_links(self, line: int) -> list:
        """The links on a line that may count as evidence (see ``drop_links``)."""
        links = self._links_by_line.get(line, ())
        test = self._link_filter
        return [e for e in links if not test(str(e.attrs.get("href") or "").strip())] \
            if test is not None and links else list(links)

    def _link_evidence(self, line: int, end_line: int) -> list[Evidence]:
        out = []
        for ln in range(line, end_line + 1):
            for _e in self._source_links(ln):
                out.append(Evidence("link", ln))
        return out

    def sentence_evidence(self, i: int) -> list[Evidence]:
        got = self._sent_ev.get(i)
        if got is None:
            s = self.sentences[i]
            got = self._text_evidence(s.text, s.line)
            if not got:
                for ln in range(s.line, s.end_line + 1):
                    for e in self._source_links(ln):
                        t = (e.text or "").strip()
                        inside = (t in s.text) if t else (
                            (s.line, s.col) <= (ln, e.col) <= (s.end_line, s.end_col + 1))
                        if inside:
                            got.append(Evidence("link", ln))
            self._sent_ev[i] = got
        return got

    def paragraph_evidence(self, i: int) -> list[Evidence]:
        b = self.paragraph_of(i)
        got = self._block_ev.get(id(b))
        if got is None:
            got = self._text_evidence(b.text, b.line) + self._link_evidence(b.line, b.end_line)
            if not got and b.kind == "item":
                got = self._lead_in_evidence(b)
            self._block_ev[id(b)] = got
        return got

    def _lead_in_evidence(self, item: Block) -> list[Evidence]:
        """Evidence in the lead-in sentence of a list ("According to the CDC [link]:"): the
        last sentence of the paragraph just before the item's outermost list, when it ends
        with a colon and so introduces the list."""
        lst = item.parent
        while lst is not None and lst.parent is not None and lst.parent.kind in ("item", "list"):
            lst = lst.parent
        if lst is None or lst.kind != "list":
            return []
        flat = self.doc.flat
        idx = next((k for k, x in enumerate(flat) if x is lst), None)
        lead = None
        for k in range((idx or 0) - 1, -1, -1):
            x = flat[k]
            if x.kind == "paragraph" and x.text.strip():
                lead = x
                break
            if x.kind not in ("image", "embed", "hr"):
                break
        if idx is None or lead is None or not lead.text.rstrip().endswith(":"):
            return []
        last = next((k for k in range(len(self.sentences) - 1, -1, -1)
                     if self.sentences[k].block is lead), None)
        return list(self.sentence_evidence(last)) if last is not None else []

    def supported(self, i: int, scope: str = "paragraph") -> list[Evidence]:
        """Evidence for sentence ``i`` within ``scope`` (sentence, paragraph or article)."""
        ev = self.sentence_evidence(i)
        if ev or scope == "sentence":
            return ev
        ev = self.paragraph_evidence(i)
        if ev or scope == "paragraph":
            return ev
        return self.article_evidence

    @property
    def article_evidence(self) -> list[Evidence]:
        """A references/sources section, footnote definitions or a 'Sources:' line."""
        if not hasattr(self, "_article_ev"):
            out = []
            for b in self.doc.flat:
                if b.kind == "heading":
                    if _REF_HEADING.match(b.text.strip().split("\n", 1)[0]):
                        out.append(Evidence("references section", b.line))
                elif b.kind in ("paragraph", "item") and b.text.lstrip()[:1] in _REF_LINE_STARTS:
                    first = b.text.strip().split("\n", 1)[0]
                    if _REF_LINE.match(first) and len(first) < 300:
                        out.append(Evidence("sources line", b.line))
            self._article_ev = out
        return self._article_ev

    @property
    def any_evidence(self) -> list[Evidence]:
        """Anything that looks like a source anywhere in the article (for the no-sources rule)."""
        if not hasattr(self, "_any_ev"):
            self._any_ev = self.evidence_except()
        return self._any_ev

    def evidence_except(self, not_a_source=None) -> list[Evidence]:
        """Like ``any_evidence``, but links for which ``not_a_source(href)`` is true (shop or
        affiliate links, say) do not count as sources."""
        out = list(self.article_evidence)
        # the first line with a source link (lines in order: the test stops at the first)
        line = next((ln for ln in sorted(self._links_by_line) if not_a_source is None or any(
            not not_a_source(str(e.attrs.get("href") or "").strip())
            for e in self._links_by_line[ln])), None)
        if line is not None:
            out.append(Evidence("link", line))
        if not out:
            blocks = [b for b in self.doc.flat if b.kind in ("paragraph", "item", "cell", "heading")]
            if self._may_hold_evidence([b.text for b in blocks]):
                for b in blocks:
                    ev = self._text_evidence(b.text, b.line)
                    if ev:
                        out.extend(ev)
                        break
        return out

    def _may_hold_evidence(self, texts: list[str]) -> bool:
        """False when none of ``texts`` holds text evidence, found with one search per pattern
        over all of them joined by blank lines rather than one per text (most articles without
        links have none). A match inside one text is a match in the joined text: the patterns
        look at nothing around their match but word boundaries, which a line break keeps; only
        the end-anchored one is searched per text."""
        joined = "\n\n".join(texts)
        rxs = [(rx, pre) for _kind, rx, pre in _CITATION_RES if rx is not _NUMBERED_AT_END]
        if self._org_re is not None:
            rxs.append((self._org_re, None))
        return any(_cites(rx, pre, joined) for rx, pre in rxs) or any(
            _NUMBERED_AT_END.search(t) for t in texts)

def analyse(doc: Document, extra_cues: dict | None = None) -> Analysis:
    """The Document's shared Analysis (cached on the Document, one per cue configuration)."""
    cache = doc.__dict__.setdefault("_medlint_language", {})
    key = tuple(sorted((k, tuple(v)) for k, v in (extra_cues or {}).items() if v))
    got = cache.get(key)
    if got is None:
        got = cache[key] = Analysis(doc, extra_cues)
    return got
