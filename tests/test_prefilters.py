"""Pre-filters of the structure, missing-list-items and duplicate-faq rules are complete: each
cheap test that lets a rule skip a block, a pattern or a document never skips one that the
full check (the rule's test on every block) would report. Each is compared with that full
check over inputs chosen to break it."""

from __future__ import annotations

import os
import re

import pytest

from medlint.config import Config
from medlint.model import Block, ProseText
from medlint.rules.structure import st005_leftover_residue as st005
from medlint.rules.structure import st007_literal_markup as st007

from .conftest import doc_of

# block texts with what breaks offset arithmetic: empty and blank blocks, a character that
# lower-cases to two ('İ'), line breaks inside blocks, text at the very start and end
TEXTS = [
    [],
    [""],
    ["", "", ""],
    ["here", "", "there\nwhere", "   ", "HERE"],
    ["İzmir here", "Sure! Here is it", "x\nhere's an article"],
    ["ab", "c", "abc\nab", "b\nc"],
    ["© Crown copyright", "Body.\n© 2024 Example", "copyright law"],
    ["[insert", "image]", "[insert image]\n[your name]"],
    ["Home » Skin", "Home » Skin » Acne", "home / a / b\nmore"],
    ["ΑΣ", "Σ end", "λόγοΣ\nΣ"],
    ["  ", "\n\nhere", "a\n here\nb", "b", "c"],
    ["here\nc", "a\nhere", "\n"],
]
LITERALS = ["here", "HERE", "", "\n", "c\nab", "b\nc", "ab", "©", "[insert", "i̇zmir", "σ", "ς",
            "image]\n[", "x"]


def _blocks(texts):
    return [Block(kind="paragraph", line=i + 1, col=1, end_line=i + 1, text=t)
            for i, t in enumerate(texts)]


@pytest.mark.parametrize("texts", TEXTS)
def test_prose_blocks_with_finds_exactly_the_blocks_holding_the_literal(texts):
    prose = ProseText(_blocks(texts))
    for lit in LITERALS:
        for lowered in (False, True):
            want = {i for i, t in enumerate(texts) if lit in (t.lower() if lowered else t)}
            assert prose.blocks_with(lit, lowered) == want, (lit, lowered)


@pytest.mark.parametrize("texts", TEXTS)
def test_prose_block_at_maps_every_offset_to_its_block(texts):
    prose = ProseText(_blocks(texts))
    at = 0
    for i, t in enumerate(texts):
        for k in range(len(t) + 1):  # every character and the newline after the block
            assert prose.block_at(at + k) == i
        at += len(t) + 1


def _residue_patterns(extra=()):
    o = Config(root=os.getcwd()).options_for(st005.LeftoverResidue)
    return (st005._compile(st005._listed(o, "text_patterns") + tuple(extra), False)
            + st005._compile(st005._listed(o, "page_patterns"), True))


# patterns whose matches reach to or past the ends of a block
EXTRA_PATTERNS = (r"^$", r"\w$", r"^\W*\w", r"^\s*here", r"^(?:a|b)$", r"^[^\n]*\n?c",
                  r"(?:a|b)\s+c", r"ab|b$", r"[^\]]{1,40}\]", r"(?s)b.c", r"\bhere\b",
                  r"(?-m:$)", r"(?>\s*)$", r"\s*+$", r"(?<=a)b", r"re\b(?!\w)", r"\Ahere",
                  r"here\Z")


@pytest.mark.parametrize("pattern,texts", [
    (r"(?-m:$)", ["a here", "b"]), (r"(?>\s*)$", ["a here", "b"]), (r"\s*+$", ["a here", "b"]),
    (r"here\Z", ["a here", "b"]), (r"\Ahere", ["a", "here"]), (r"(?<!\n)here", ["a", "here"]),
    (r"here(?!\n)", ["a here", "b"]),
])
def test_patterns_that_need_their_block_alone_are_never_searched_across_blocks(pattern, texts):
    # what _CONTEXT guards against: the pattern matches in the second or first block alone,
    # but a search of the joined text finds no match starting in that block
    rx = re.compile(pattern, re.I | re.M)
    i = next(i for i, t in enumerate(texts) if rx.search(t))
    prose = ProseText(_blocks(texts))
    assert i not in {prose.block_at(m.start()) for m in rx.finditer(prose.text)}
    assert st005._CONTEXT.search(pattern)


@pytest.mark.parametrize("texts", TEXTS)
def test_residue_patterns_found_in_every_block_where_they_match(texts):
    """ST005's search per pattern (literal pre-test, or a search of the joined prose) finds,
    for each block, the first pattern that matches in it: what searching every block with
    every pattern finds."""
    pats = _residue_patterns(EXTRA_PATTERNS)
    prose = ProseText(_blocks(texts))
    got = {i: (m.span(), m.re.pattern) for i, (m, _) in st005._pattern_hits(pats, prose).items()}
    want = {}
    for i, t in enumerate(texts):
        for p in pats:
            if t.strip() and (not p.lit or p.lit in t.lower()) and (m := p.rx.search(t)):
                want[i] = (m.span(), p.rx.pattern)
                break
    assert got == want


def test_match_starts_holds_every_block_a_pattern_matches():
    pats = [p for p in _residue_patterns(EXTRA_PATTERNS) if p.whole_ok]
    assert any(p.line_rx for p in pats) and any(not p.line_rx for p in pats)
    for texts in TEXTS:
        prose = ProseText(_blocks(texts))
        for p in pats:
            want = {i for i, t in enumerate(texts) if p.rx.search(t)}
            assert want <= st005._match_starts(p, prose), (texts, p.rx.pattern)


MARKUP = [
    "# A\n\nText :contentReference[oaicite:0]{index=0}\n\n### \\#\\#\\# Q?\n\nOK.\n",
    "# A\n\n[iframe](https://x.test/a)\n\nUse it.\\n\\nThen.\n\n| a | b |\n|---|---|\n| \\# x | y |\n",
    "# A\n\nİzmir \\n\\nX and IFRAME\n\n- item :contentReference[oaicite:1]\n",
    "<html><body><h1>T</h1><p>&#35;&#35; Not a heading</p><p>&#92;nEscaped</p>"
    "<p>[oaicite:2]</p></body></html>",
]


@pytest.mark.parametrize("text", MARKUP)
def test_literal_markup_found_in_every_block_the_full_search_reports(text):
    """ST007 searches only the blocks that hold an entry's text (found in the joined prose):
    the same findings as searching every block that holds it."""
    fmt = "html" if text.startswith("<html") else "markdown"
    doc = doc_of(text, fmt=fmt)
    from medlint.engine import Linter

    cfg = Config()
    lin = Linter(cfg, [st007.LiteralMarkup])
    rule = lin.rules[0]
    ctx = lin._ctx(rule, doc.path)
    rule.check(doc, ctx)
    got = [(f.line, f.column, f.message) for f in ctx.findings]
    want = []
    low_doc = doc.text.lower()
    entries = [e for e in ctx.shared[("ST007", id(ctx.options))]
               if (e[3] is None or doc.format in e[3]) and e[0] in low_doc]
    for b in doc.flat:
        if b.kind not in ("heading", "paragraph", "item", "cell") or not b.text:
            continue
        for lit, rx, why, _ in entries:
            if lit in (b.text if lit.upper() == lit else b.text.lower()) and (m := rx.search(b.text)):
                p = b.pos_of(m.start())
                want.append((p.line, p.col, f"'{st007.short(m.group(0), 40)}': {why} "
                             f"({rule.cite})"))
    assert got == want
    assert want or fmt == "html"


def _may_lead_in_full(text):
    """LI001's lead-in pre-check written without shortcuts."""
    from medlint.rules.missing_list_items.li001_lead_in_without_list import _TAILS

    t = text.rstrip()
    if t.endswith((":", "：")) or "following" in t[t.rfind(".", 0, len(t) - 1) + 1:]:
        return True
    return t.rstrip(".…").rstrip()[-16:].lower().endswith(_TAILS)


@pytest.mark.parametrize("end", ["include", "INCLUDES", "Including", "such as", "SUCH AS",
                                 "the following", "FOLLOWS", "below", "These Are", "include.",
                                 "include…", "include . .", "include. ", "includeK", "İnclude",
                                 "includİng", "belOW", "x", "", "following.", "the following. x",
                                 "following x.", "following,\nx", "sıch as", "such aſ", ":", "：",
                                 "a: ", "a:.", "a\u00a0:\u2003", "below\u2029"])
@pytest.mark.parametrize("start", ["", "Symptoms ", "Signs. ", "The following. Then ", " \n"])
def test_lead_in_precheck_agrees_with_the_full_test(start, end):
    from medlint.rules.missing_list_items.li001_lead_in_without_list import _may_lead

    assert _may_lead(start + end) == _may_lead_in_full(start + end)


HEADINGS = ["FAQ", "faq", "F.A.Q.", "Causes", "CAUSES!", "causes…", "Causes and  risks",
            "causes & risks", "1. Causes", "Été", "ÉTÉ", "été", "İstanbul", "i̇stanbul",
            "Kelvin K", "kelvin k", "Σίσυφος", "ΣΊΣΥΦΟΣ", "", "  ", "...", "Treat\nment",
            "treat ment", "A_b", "a b", "TEA", "eat"]


def test_headings_with_the_same_words_share_letter_counts():
    """ST003 normalises only sibling headings that hold as many e, t and a (case aside)."""
    from medlint.rules.structure._norm import norm

    def key(x):
        return x.count("e") + x.count("E"), x.count("t") + x.count("T"), x.count("a") + x.count("A")

    for a in HEADINGS:
        for b in HEADINGS:
            if norm(a) == norm(b):
                assert key(a) == key(b), (a, b)


def test_duplicate_sibling_headings_found_whatever_their_case_and_marks():
    from .conftest import lint

    text = "# A\n\n## Causes\n\nText.\n\n## CAUSES!\n\nText.\n\n## Été\n\nOther.\n\n## ÉTÉ\n\nOther.\n"
    assert [f.line for f in lint(text, select=["ST003"])] == [7, 15]


@pytest.mark.parametrize("text", ["FAQ", "  FAQ  ", "\tFrequently asked questions\n", " # FAQs",
                                  "FAQ\u00a0", "\u2003People also ask", "faqs and more", "Q & A",
                                  "", "   ", "Common questions about a very long heading that "
                                  "goes on and on past twelve words in all"])
def test_faq_heading_test_needs_no_strip(text):
    from medlint.faq import FAQ_HEADING, is_faq_heading

    assert is_faq_heading(text) == (bool(FAQ_HEADING.match(text.strip()))
                                    and len(text.split()) <= 12)


@pytest.mark.parametrize("text", [
    "the following:", "see the following", "x-the following", "nothe following", "the followings",
    "these", "these-days", "include", "(include)", "\ninclude", "a\u00a0include", "so-include",
    "include-d", "such as", "such  as", "e.g. such as this", "here are", "hereare",
    "Include", "word: here are", "",
])
def test_promise_phrase_search_agrees_with_the_phrase_boundaries(text):
    """LI001's promise phrases are searched with the boundary test after their first letter
    (so the regex engine can skip ahead): the same as testing before it."""
    from medlint.rules.missing_list_items._leadin import _phrase_rx

    phrases = ("the following", "these", "include", "such as", "here are", "e", "as follows:")
    rx, _ = _phrase_rx(phrases)
    inner = [p for p in phrases if not p.endswith(":")]
    full = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, inner)) + r")(?![\w-])")
    assert bool(rx.search(text.lower())) == bool(full.search(text.lower()))


@pytest.mark.parametrize("text", [
    "# A\n\n## [Tips](/a) [More](/b)\n\nText [x](/x).\n\n## [Tips](/a) [More](/b)\n",
    "# A\n\n[Sleep](/s) · [Diet](/d)\n[Stress](/t)\n\nText with a [link](/l) in it.\n",
    "<html><body><h2><a href='/a'>Tips</a></h2><p>Text <a href='/b'>here</a> and more "
    "words.</p><ul><li><a href='/c'>Card title</a></li></ul></body></html>",
])
def test_navigation_test_normalises_only_the_links_on_the_block_lines(text):
    """is_navigation normalises the link texts of the block's own lines, not every link of
    the document: the same answer as summing over a table of every link."""
    from medlint.rules.structure._norm import is_navigation, norm

    doc = doc_of(text, fmt="html" if text.startswith("<html") else "markdown")
    linked: dict = {}
    for e in doc.links:
        linked[e.line] = linked.get(e.line, 0) + len(norm(e.text))
    for b in doc.flat:
        t = norm(b.text)
        want = bool(doc.links and t) and sum(
            linked.get(ln, 0) for ln in range(b.line, max(b.end_line, b.line) + 1)) >= 0.8 * len(t)
        assert is_navigation(doc, b) == want, b.text
    assert any(is_navigation(doc, b) for b in doc.flat)


def test_tfidf_counts_each_passage_once_per_word_whatever_its_forms():
    """TfIdf finds the body words of the answers through their surface forms and counts a
    passage once per word: the same IDF as stemming every word of every passage."""
    import math

    from medlint.rules.duplicate_faq._similar import TfIdf, content_words, is_content, stem, tokens

    answers = [content_words(t) for t in ("Pain and pains ease with rest.", "Rest eases the pain.",
                                          "Babies cry; a baby cried. Studies studied.")]
    body = [tokens(t) for t in ("Pains, pain and more pain.", "Resting rests; the rested rest.",
                                "Nothing here.", "", "babies baby babied 2024 the",
                                "study studies studying studied easily eased")]
    n = len(answers) + len(body)
    words = {w for a in answers for w in a}
    want = {w: math.log((1 + n) / (1 + sum(w in a for a in answers) + sum(
        any(is_content(t) and stem(t) == w for t in p) for p in body))) + 1.0 for w in words}
    assert TfIdf(answers, body).idf == want


COUNT_HEADINGS = ["5 Causes of knee pain", "Top 5", "Tips", "5-step plan", "5/10 tips", "1.5 tips",
                  "Three Signs", "three", "ways to rest", "Step 2: ice", "Twenty-one tips",
                  "10 Ways", "-7 ways", "x7 ways", "Seven  \t ways", "7", "ways", "", "Causes:"]


def test_count_search_of_joined_headings_finds_every_heading_count():
    """ST010 searches headings one by one only when the headings joined by newlines hold a
    count: every heading's own count is found in the joined text."""
    import itertools

    from medlint.rules.missing_list_items.li004_promised_count_mismatch import (
        PromisedCountMismatch,
        count_pattern,
    )

    opts = Config(root=os.getcwd()).options_for(PromisedCountMismatch)
    rx = count_pattern(tuple(opts["nouns"]))
    assert any(rx.search(h) for h in COUNT_HEADINGS)
    for pair in itertools.permutations(COUNT_HEADINGS, 2):
        if any(rx.search(h) for h in pair):
            assert rx.search("\n".join(pair)), pair


@pytest.mark.parametrize("headings", [
    ["Causes", "FAQ"], ["  Frequently asked questions", "Outlook"], ["**People also ask**"],
    ["Q & A", "x"], ["Intro", "Common questions\nabout gout"], ["Your questions answered"],
    ["Related questions about knee pain and what to do", "A"], ["FAQs?", "Sources"],
])
def test_faq_headings_found_in_the_joined_headings(headings):
    """find_faq looks at each block only when the headings joined by newlines have an FAQ
    heading at a line's start: every FAQ heading is one there."""
    from medlint.faq import _FAQ_LINE, is_faq_heading

    assert any(is_faq_heading(h) for h in headings)
    assert _FAQ_LINE.search("\n".join(headings))
    assert not _FAQ_LINE.search("Causes\nTreatment of questions\nOutlook")


# --- rxguard.finder: a case-insensitive pattern searched in lower-cased text -----------------

FINDER_PATTERNS = [
    r"\bDVT\b|deep vein",
    r"(?P<how>Use|Take)\s+(?:a|the)\s+(?P=how)?\w+",
    r"[A-Z]{2,}\d",
    r"\Sfoo\W+BAR\b",
    r"(?:sudden|severe) (?:chest pain|pain in (?:the|your) chest)",
    r"can(?:no|\W?)t breathe",
    r"İzmir|straße|Σ",
    r"Σ|λόγος",
    r"stra(?:ss|ß)e",
    r"(?<![\w-])(?:A&E|a & e)(?![\w-])",
]
FINDER_TEXTS = ["", "DVT", "dvt signs", "a Deep Vein clot", "USE the Take pill", "AB1 ab1",
                "xfoo  bar", "XFOO-BAR!", "Severe CHEST PAIN", "I CAN'T Breathe", "can t breathe",
                "İZMİR", "izmir", "STRASSE", "λόγοΣ", "go to A&E now", "re-a&e", "no match here"]


@pytest.mark.parametrize("pattern", FINDER_PATTERNS)
def test_finder_agrees_with_a_case_insensitive_search(pattern):
    from medlint.rxguard import finder

    found = finder(pattern, re.I)
    full = re.compile(pattern, re.I)
    for text in FINDER_TEXTS:
        if any(len(c.lower()) != 1 or c in "ſı" for c in text):
            continue  # characters that case-fold specially: not promised
        assert found(text) == (full.search(text) is not None), (pattern, text)


def test_caseless_leaves_escapes_group_names_and_case_sensitive_patterns_alone():
    from medlint.rxguard import caseless

    assert caseless(r"(?P<How>Use)\S\W\B(?P=How)") == r"(?P<How>use)\S\W\B(?P=How)"
    assert caseless(r"(?-i:ABC)") is None
    assert caseless(r"\N{GREEK CAPITAL LETTER SIGMA}") is None
    assert caseless("İzmir") is None
    assert caseless("Σ") is None
    assert caseless("A » B ©") == "a » b ©"


def test_any_finder_joins_only_what_can_be_joined():
    from medlint.rxguard import any_finder

    found = any_finder((r"\[insert link\]", r"lorem ipsum", r"\bTBD\b"), re.I)
    assert found("See [Insert Link] here") and found("LOREM IPSUM") and found("tbd")
    assert not found("a tbdx link") and not found("")
    assert any_finder((r"(a)\1", "b"), re.I) is None  # a back-reference cannot be joined
    assert any_finder(("(", "b"), re.I) is None  # nor a pattern that does not compile
