"""The language layer: word forms, cue scope, evidence, laziness and caching."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint import nlp
from medlint.nlp import PhraseIndex, Prefilter, analyse, base_forms, word_lists, word_set
from medlint.rules.registry import packs_dir

from .conftest import doc_of


def _info(text: str, fmt: str = "markdown"):
    an = analyse(doc_of(text, fmt))
    return an, an.info(0)


def test_word_forms_match_case_insensitively():
    for w in ("treats", "Treated", "TREATING", "treat"):
        assert "treat" in base_forms(w)
    assert "cure" in base_forms("Curing") and "stop" in base_forms("stopped")
    idx = PhraseIndex(["reduce the risk of"])
    assert idx.find(["it", "reduces", "the", "risk", "of", "flu"]) == [(1, 5, "reduce the risk of")]


def test_prefilter_needs_every_word_of_a_phrase():
    pre = Prefilter(["studies show"])
    assert pre.hit(word_set("Studies have shown ... studies show it"))
    assert not pre.hit(word_set("Several studies were done."))


def test_phrase_index_finds_longest_phrases_without_overlap():
    idx = PhraseIndex(["heat", "heat pad", "pad", "cold pack"])
    toks = ["use", "a", "heating", "pad", "then", "cold", "packs", "and", "a", "pad"]
    assert idx.find(toks) == [(2, 4, "heat pad"), (5, 7, "cold pack"), (9, 10, "pad")]
    assert idx.find([]) == [] and idx.find(["nothing", "here"]) == []


def test_word_lists_equal_one_search_per_text():
    """The words of all sentences, found together, are those of a search per text, also for
    letters that lower-case to ASCII ones ("İ", the Kelvin sign), other scripts, control
    characters, and around a text that holds the break character."""
    texts = ["Garlic CURES colds.", "", "It’s 100% true: don't stop", "a\x01b c", "ΟΔΟΣ",
             "ΟΔΟΣ. Next", "one\ntwo\x1ftab\tend", "İstanbul 5\u212aM café–naïve", "x?"]
    want = [re.findall(r"[a-z0-9']+|%", t.lower().replace("’", "'")) for t in texts]
    assert want[2] == ["it's", "100", "%", "true", "don't", "stop"]  # "%" is its own word
    assert word_lists(texts) == want
    clean = [t for t in texts if "\x01" not in t]
    assert word_lists(clean) == [w for t, w in zip(texts, want, strict=True) if "\x01" not in t]
    assert word_lists([]) == [] and word_lists([""]) == [[]]
    assert [frozenset(w) for w in word_lists(clean)] == [word_set(t) for t in clean]


def test_matching_equals_testing_every_sentence():
    """The word index gives the same sentences as testing each one, also for a prefilter
    built after the document's index (the index is rebuilt with its key words)."""
    text = ("Garlic cures colds. Rest helps. Studies show it works.\n\n"
            "- Ice packs reduce swelling.\n- Stop using heat.\n\nNothing here.")
    an = analyse(doc_of(text))

    def every(pre):
        return [i for i in range(len(an.sentences)) if pre.hit(an.words(i))]

    first = Prefilter(["cure", "studies show"])
    assert an.matching(first) == every(first) == [0, 2]
    later = Prefilter(["ice pack", "heat", "rest"])  # key words the index has not seen
    assert an.matching(later) == every(later) == [1, 3, 4]
    assert an.matching(Prefilter(["no such phrase"])) == []
    # a key word with nothing else to test passes at once; "studies" needs "show" as well
    assert {"cure", "cures", "cured"} <= first.sure and "studies" not in first.sure
    assert an.holding(frozenset({"heat", "colds"})) == [0, 4]


def test_sentence_find_equals_phrase_index_find():
    """SentInfo.find (token forms computed once, a sentence without a phrase start skipped
    at once) finds what PhraseIndex.find finds in the tokens."""
    an = analyse(doc_of("Turmeric reduces the risk of colds and cures it. Nothing here. "
                        "Studies have shown heating pads help; use a heat pad."))
    indexes = [PhraseIndex(p) for p in (["reduce the risk of", "cure"], ["heat pad", "heat"],
                                        ["studies show", "have shown"], ["absent words"], [])]
    for i in range(len(an.sentences)):
        inf = an.info(i)
        for idx in indexes:
            assert inf.find(idx) == idx.find(inf.tokens)
    assert an.info(0).find(indexes[0]) == [(1, 5, "reduce the risk of"), (7, 8, "cure")]


_CITED = st.text(alphabet=st.sampled_from(list("Smith et al. (2019)10./doiDOI:PMID Pmc123456"
                                               "pubMEDncbi.httpswww.x/ According to the CDC"
                                               "ıİſK\n\t\u00a0")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_CITED)
def test_citation_pre_tests_pass_every_text_the_pattern_matches(text):
    """A citation pattern's pre-test never rules out a text the pattern matches (so the
    evidence found is the same with and without pre-tests)."""
    for kind, rx, pre in nlp._CITATION_RES:
        if pre is not None and rx.search(text):
            assert pre(text), (kind, text)


@pytest.mark.parametrize("text", [
    "Smith et al. (2019) found it.", "Smith et\nal 2019", "See DOI: 10.1000/xyz123.",
    "PMID: 12345678", "pmc1234567", "PUBMED.NCBI.nlm", "https://example.org", "www.nhs.uk",
    "According to the NHS", "according to 2019 figures"])
def test_citation_pre_tests_pass_citations(text):
    assert any(rx.search(text) for _k, rx, pre in nlp._CITATION_RES if pre is not None)
    for kind, rx, pre in nlp._CITATION_RES:
        if pre is not None and rx.search(text):
            assert pre(text), (kind, text)


def test_lower_case_pre_tests_hold_only_for_letters_with_ascii_cases():
    """_holds_lower looks for lower-case letters in the lower-cased text: right for a
    pattern that ignores case only if no other character matches those letters (as "ı"
    matches "i"); and the DOI's "10." has no other case."""
    for ch in "pmubed10.":  # the letters of "pm" and "pubmed", and "10."
        rx = re.compile(re.escape(ch), re.I)
        assert {c for c in map(chr, range(sys.maxunicode + 1)) if rx.fullmatch(c)} == {
            ch, ch.upper()}, ch


def test_evidence_except_finds_the_first_source_and_text_evidence():
    doc = doc_of("It works [shop](https://shop.example/buy).\n\n"
                 "It really works [NHS](https://www.nhs.uk/x).\n\nMore text.\n")
    an = analyse(doc)
    assert [(e.kind, e.line) for e in an.evidence_except()] == [("link", 1)]
    shop = an.evidence_except(lambda href: "shop." in href)
    assert [(e.kind, e.line) for e in shop] == [("link", 3)]
    assert an.evidence_except(lambda href: True) == []
    for text, kind in (("Plain.\n\nIt is proven (12).\n\nMore.", "numbered reference"),
                       ("Plain.\n\nThe NHS\n\nsays so.", None),
                       ("Plain.\n\nSee doi:10.1000/xyz123 here.", "DOI")):
        got = [e.kind for e in analyse(doc_of(text)).evidence_except()]
        assert got == ([kind] if kind else []), text


def test_negation_scope_inside_the_sentence():
    _an, inf = _info("There is no cure for arthritis.")
    cure = inf.tokens.index("cure")
    assert inf.negated(cure)
    _an, inf = _info("Turmeric cures arthritis, but it is not cheap.")
    assert not inf.negated(inf.tokens.index("cures"))


def test_pseudo_negation_is_not_a_cue():
    _an, inf = _info("There is no doubt that rest cures it.")
    assert not inf.negated(inf.tokens.index("cures"))


def test_hedges_and_conditions():
    _an, inf = _info("Rest may help with twitching.")
    assert inf.hedged(inf.tokens.index("help"))
    _an, inf = _info("If you are pregnant, avoid caffeine.")
    assert inf.conditions()[0].text.lower().startswith("if")
    _an, inf = _info("See a doctor, especially if it hurts.")
    assert not inf.conditions()


def test_evidence_levels():
    an = analyse(doc_of("Turmeric cures arthritis [1]. Nothing else here.\n\n"
                        "Ginger cures nausea.\n\nGarlic cures colds.\n\n## References\n\n1. X\n"))
    assert an.sentence_evidence(0) and not an.sentence_evidence(1)
    assert an.paragraph_evidence(1)  # same paragraph as the [1]
    assert not an.paragraph_evidence(2)
    assert an.supported(2, "article") and not an.supported(2, "paragraph")
    for text in ("Smith et al. (2019) found it.", "It works (Smith, 2019).",
                 "See doi:10.1000/xyz123.", "PMID: 12345678 says so.",
                 "According to the CDC, it works.", "The NHS recommends it.",
                 "It helps[^2].", "It helps.¹", "[It helps](https://example.org)."):
        assert analyse(doc_of(text)).sentence_evidence(0), text


def test_sentences_are_prose_only():
    text = "---\ntitle: Cures\n---\n\n# Garlic cures colds\n\n```\ngarlic cures colds\n```\n\nBody.\n"
    an = analyse(doc_of(text))
    assert [s.text for s in an.sentences] == ["Body."]


def test_analysis_is_cached_and_lazy():
    doc = doc_of("Garlic cures colds. Rest helps.")
    an = analyse(doc)
    assert analyse(doc) is an
    assert an._info == {}
    an.info(1)
    assert list(an._info) == [1]


def test_pack_lists_are_strings():
    for name in ("cues.yaml", "claims.yaml", "advice.yaml"):
        data = yaml.safe_load((packs_dir() / name).read_text(encoding="utf-8"))

        def walk(x, where, name=name):
            if isinstance(x, dict):
                for k, v in x.items():
                    walk(v, f"{where}.{k}", name)
            elif isinstance(x, list):
                for v in x:
                    if isinstance(v, dict):  # an entry with fields (health-myth's myths)
                        walk(v, where, name)
                        continue
                    assert isinstance(v, str), f"{name}{where}: {v!r} (quote it in YAML)"

        walk(data, "")


def test_structural_rules_do_not_import_spacy(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: x\n---\n\nGarlic cures colds.\n", encoding="utf-8")
    code = ("import sys; from medlint.cli import main\n"
            "sys.argv=['medlint','check','--select','FM','--today','2026-11-21',"
            f"{str(f)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NOSPACY')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().endswith("NOSPACY"), out.stdout + out.stderr


_TOKEN_TRAPS = [
    "Studies show it works.", "'Studies show' it works.", "Doctors’ advice helps.",
    "Don't stop.", "It cannot cure colds.", "Dont worry, it's gonna be fine.",
    "Take 5mg daily.", "Take 5 mg daily at 10am.", "It cuts the risk by 50%.",
    "Anti-inflammatory drugs help; see e.g. the U.S. data.", "Café remedies cure naïve people.",
    "Rest (and fluids) help!", "COVID-19 vaccines reduce risk.", "Call 111/999 now.",
    "İstanbul doctors recommend it.", "Whos there? Its fine."]


def _every_word_token_is_a_word(an, i) -> bool:
    words = an.words(i)
    return all(t in words for t in an.info(i).tokens if nlp._WORD_RE.fullmatch(t))


def test_words_are_tokens_only_when_every_word_token_is_a_word():
    an = analyse(doc_of("\n\n".join(_TOKEN_TRAPS)))
    plain = [an.sentences[i].text for i in range(len(an.sentences)) if an.words_are_tokens(i)]
    for i in range(len(an.sentences)):
        if an.words_are_tokens(i):
            assert _every_word_token_is_a_word(an, i), an.sentences[i].text
    assert "Studies show it works." in plain and "COVID-19 vaccines reduce risk." in plain
    for text in ("'Studies show' it works.", "Don't stop.", "It cannot cure colds.",
                 "Take 5mg daily.", "It cuts the risk by 50%.", "Doctors’ advice helps."):
        assert text not in plain


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["cure", "cures", "can", "not", "cannot", "dont", "'s", "'",
                                 "’", "5", "mg", "%", "-", ".", " ", "  ", "gonna", "x", "é",
                                 "\n", "(", ")", "/", "10am", "studies", "show"]),
                max_size=25).map("".join))
def test_words_are_tokens_holds_for_any_text(text):
    an = analyse(doc_of(f"Start {text} end."))
    for i in range(len(an.sentences)):
        if an.words_are_tokens(i):
            assert _every_word_token_is_a_word(an, i), an.sentences[i].text


def _pack_phrase_lists() -> dict:
    out = {}
    for pack in ("claims.yaml", "advice.yaml"):
        rules = yaml.safe_load((packs_dir() / pack).read_text(encoding="utf-8"))["rules"]
        for rule, opts in rules.items():
            for key, value in (opts or {}).items():
                if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                    out[f"{rule}.{key}"] = tuple(value)
    return out


def test_a_word_is_among_the_inflections_of_each_of_its_base_forms():
    """What makes a prefilter complete: a token a phrase word stands for (the word is one
    of the token's base forms) is one of the word's inflections; for the words prefilters
    require of three letters or more (a two-letter key, "up" of "up to", gets no doubled
    last letter), and the words of the seeds and English inflections of the words."""
    from medlint.nlp import inflections

    from .conftest import FIXTURES

    required = set()  # each phrase's key and its longer words
    for phrases in _pack_phrase_lists().values():
        for p in phrases:
            t = [w for w in nlp.phrase_tuple(p) if nlp._WORD_RE.fullmatch(w)]
            content = [w for w in t if w not in nlp._PREFILTER_STOP] or t
            key = max(content, key=len) if t else ""
            required |= {w for w in t if (w == key or len(w) > 2) and len(w) > 2}
    tokens = set(word_set(" ".join(p.read_text(encoding="utf-8")
                                   for p in sorted(FIXTURES.glob("seed*/*")))))
    for w in required:
        forms = {w + e for e in ("s", "es", "ed", "ing", "'s")} | set(nlp._IRREGULAR)
        if w.endswith("e"):
            forms |= {w + "d", w[:-1] + "ing"}
        if w.endswith("y"):
            forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        if w[-1] not in "aeiouwy":  # English doubles consonants: "stopped", "stopping"
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
        for x in forms | tokens:
            if w in base_forms(x):
                assert x in inflections(w), (w, x)


def test_prefilters_pass_every_sentence_whose_phrases_the_index_finds():
    """Completeness, for every phrase list of the packs: in a sentence whose tokens are its
    words, a prefilter passes wherever its phrase index finds a phrase (rules skip such
    sentences on the prefilter's word without tokenising them)."""
    from medlint.rules.registry import all_rules
    from medlint.rules.unsupported_claim._claims import index_of, prefilter

    from .conftest import FIXTURES

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("seed*/*"))
             if p.suffix != ".yaml"]
    texts += [t for r in all_rules() for t in (r.bad, r.good)] + ["\n\n".join(_TOKEN_TRAPS)]
    lists = [(index_of(v), prefilter(v)) for v in _pack_phrase_lists().values()]
    found = 0
    for text in texts:
        an = analyse(doc_of(text))
        for i in range(len(an.sentences)):
            if not an.words_are_tokens(i):
                continue
            for idx, pre in lists:
                if an.info(i).find(idx):
                    found += 1
                    assert pre.hit(an.words(i)), an.sentences[i].text
    assert found > 100


def test_sources_lines_start_with_one_of_the_pre_tested_characters():
    """article_evidence tests a paragraph's first character before matching _REF_LINE: the
    characters its alternatives start with, in any case ("ſ" matches "s" without case)."""
    letters = re.compile("[src]", re.I)
    starts = {chr(c) for c in range(sys.maxunicode + 1) if letters.fullmatch(chr(c))} | {"["}
    assert starts == set(nlp._REF_LINE_STARTS)
    for text in ("Sources: NHS", "ſources: x", "References", "citation needed", "[^1]: x",
                 "[2] Smith"):
        assert nlp._REF_LINE.match(text) and text[0] in nlp._REF_LINE_STARTS
