"""The Document model: blocks, positions, front matter, formats."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.parsing.html import parse_html, parse_simple_fragment
from medlint.reading import build_document, detect_format

from .conftest import SEEDS, doc_of


def kinds(doc):
    return [(b.kind, b.line) for b in doc.flat]


def test_html_block_with_answer_on_next_line_is_heading_plus_paragraph():
    doc = doc_of("Intro.\n\n<h3>1. Is it serious?</h3>\nUsually not.\n\nNext.\n")
    assert ("heading", 3) in kinds(doc) and ("paragraph", 4) in kinds(doc)
    h = doc.headings[0]
    assert h.level == 3 and h.number == "1." and h.text == "1. Is it serious?"
    para = [b for b in doc.paragraphs if b.line == 4][0]
    assert para.text == "Usually not."


def test_seed_hugo_post_blocks_and_elements():
    doc = build_document("left-knee-twitching.md", (SEEDS / "left-knee-twitching.md").read_bytes())
    assert doc.format == "markdown"
    assert doc.body_start == 27
    faq = [h for h in doc.headings if h.line == 105][0]
    assert faq.number == "10." and faq.level == 3
    answer = [p for p in doc.paragraphs if p.line == 106]
    assert answer and answer[0].text.startswith("In some cases, surgery")
    iframe = [e for e in doc.elements if e.tag == "iframe"][0]
    assert (iframe.line, iframe.col) == (108, 75)
    img = doc.images[0]
    assert img.line == 29 and img.attrs["src"].startswith("https://tse1.mm.bing.net/th")


def test_front_matter_keys_positions_and_duplicates():
    doc = doc_of("---\ntitle: A\nmeta:\n  a: 1\n  a: 2\ntitle: B\n---\nBody.\n")
    fm = doc.front_matter
    assert [(k.dotted, k.line, k.col) for k in fm.keys] == [
        ("title", 2, 1), ("meta", 3, 1), ("meta.a", 4, 3), ("meta.a", 5, 3), ("title", 6, 1)]
    dups = [(d.first.line, d.second.line, d.values_equal) for d in fm.duplicates]
    assert dups == [(4, 5, False), (2, 6, False)]
    assert fm.data["title"] == "B"


def test_front_matter_error_position_and_unsafe_tags():
    doc = doc_of("---\ntitle: ok\nbad: [unclosed\n---\nBody\n")
    assert doc.front_matter.error is not None
    assert doc.front_matter.error.line >= 3
    doc = doc_of("---\nx: !!python/object/apply:os.system ['echo hi']\n---\nBody\n")
    assert doc.front_matter.error is not None and doc.front_matter.data == {}


def test_toml_front_matter():
    doc = doc_of('+++\ntitle = "Knee"\ntags = ["a"]\n[params]\nimage = "x.png"\n+++\n\n# Knee\n')
    fm = doc.front_matter
    assert fm.format == "toml" and fm.data["title"] == "Knee"
    assert [(k.dotted, k.line) for k in fm.keys] == [("title", 2), ("tags", 3),
                                                     ("params.image", 5)]
    assert doc.headings[0].line == 8


def test_unclosed_front_matter_is_an_error_not_a_crash():
    doc = doc_of("---\ntitle: x\n\nBody text\n")
    assert "never closed" in doc.front_matter.error.message


@pytest.mark.parametrize("text,data,body", [
    # the article starts at the first sentence, or at a heading after a blank line (a YAML
    # comment otherwise) whose next line is not metadata
    ("---\ntitle: x\n\nBody text\n", {"title": "x"}, [("paragraph", 4)]),
    ("---  \nid: a  \nsources:\n  - url: https://x.org/a  \n\n## Overview  \nText here.\n",
     {"id": "a", "sources": [{"url": "https://x.org/a"}]}, [("heading", 6), ("paragraph", 7)]),
    ("---\ntitle: x\n\n# Taxonomy\ntags: [a]\n\nBody\n", {"title": "x", "tags": ["a"]},
     [("paragraph", 7)]),
    ('+++\ntitle = "x"\n[params]\nk = 1\n\n# Heading\n\nBody\n',
     {"title": "x", "params": {"k": 1}}, [("heading", 6), ("paragraph", 8)]),
    # nothing looks like an article: all of it is front matter, and there is no body
    ("---\ntitle: x\ntags: [a]\n", {"title": "x", "tags": ["a"]}, []),
])
def test_unclosed_front_matter_keeps_its_keys_and_the_article(text, data, body):
    doc = doc_of(text)
    fm = doc.front_matter
    assert fm.data == data and fm.error.line == 1 and "never closed" in fm.error.message
    assert [(b.kind, b.line) for b in doc.flat] == body
    if body:
        assert "the rest as the article" in fm.error.message
        assert doc.body_start == fm.end_line + 1


def test_bullet_character_lines_become_list_items_in_markdown():
    doc = doc_of("Causes include:\n• Stress\n• Caffeine\n•\n")
    assert [b.kind for b in doc.flat] == ["paragraph", "list", "item", "item", "item"]
    assert [i.text for i in doc.items] == ["Stress", "Caffeine", ""]
    assert [i.line for i in doc.items] == [2, 3, 4]


def test_markdown_empty_list_item_and_numbering():
    doc = doc_of("1. One\n2.\n4. Four\n")
    assert [(i.number, i.text) for i in doc.items] == [("1", "One"), ("2", ""), ("4", "Four")]


def test_plain_text_headings_bullets_and_lists_across_blank_lines():
    doc = build_document("x.txt", (SEEDS / "what-causes-knee-twitching.txt").read_bytes())
    assert doc.format == "text"
    heads = [(h.line, h.level, h.text) for h in doc.headings]
    assert heads[0] == (1, 1, "What Causes Knee Twitching?")
    assert (18, 2, "Vitamin deficiency") in heads
    lists = doc.lists
    assert [len(lst.children) for lst in lists] == [5, 3, 2, 3]
    assert lists[0].children[0].line == 22 and lists[0].children[0].col == 3


def test_sentences_never_glue_heading_to_paragraph():
    doc = doc_of("# Knee twitching\nIt happens. It passes.\n\n- Rest\n- Ice\n")
    texts = [s.text for s in doc.sentences]
    assert texts == ["Knee twitching", "It happens.", "It passes.", "Rest", "Ice"]
    s = doc.sentences[2]
    assert (s.line, s.col) == (2, 13)


def test_sentence_split_respects_abbreviations():
    doc = doc_of("See Dr. Smith, e.g. for a test. Then rest.\n")
    assert [s.text for s in doc.sentences] == ["See Dr. Smith, e.g. for a test.", "Then rest."]



def test_sentence_spans_skip_whitespace_quotes_and_lower_case_continuations():
    from medlint.sentences import split_text

    text = '  Take 5 mg. approx. five times!  "Really?" he said.\n Next line '
    spans = split_text(text)
    assert spans == [(2, 32), (34, 43), (44, 52), (54, 63)]
    assert [text[a:b] for a, b in spans] == [
        "Take 5 mg. approx. five times!", '"Really?"', "he said.", "Next line"]
    assert split_text("Hmm...  Yes") == [(0, 6), (8, 11)]
    assert split_text("   ") == []


def test_sentence_positions_are_the_block_positions_of_their_offsets():
    """split_block places one-line blocks without pos_of: the same positions."""
    doc = doc_of("# Title. Here\n\nOne line. Two? Three!\n\n- Item one. Item two.\n"
                 "- Wrapped item. It goes\n  on here. End.\n\n| a. b | c |\n|---|---|\n"
                 "| Cell one. Cell two. | x |\n\n> Quote one. Quote\n> two.\n")
    assert len({s.block.text.count("\n") > 0 for s in doc.sentences}) == 2  # both kinds
    for s in doc.sentences:
        assert (s.line, s.col) == tuple(s.block.pos_of(s.start)), s.text
        assert (s.end_line, s.end_col) == tuple(s.block.pos_of(s.end)), s.text

def test_html_page_keeps_article_and_drops_chrome():
    page = """<!DOCTYPE html><html><head><title>Flu</title><script>var x = "<p>no</p>";</script>
<style>p{}</style></head><body>
<nav><ul><li>Home</li></ul></nav>
<header><h1>Site name</h1></header>
<div class="cookie-banner"><p>We use cookies</p></div>
<main>
<h1>Flu</h1>
<p>Flu is an illness caused by a virus. It spreads easily between people in winter months.
It can be serious for older people and those with long-term conditions, so vaccination helps.</p>
<ul><li>Fever</li><li></li></ul>
<iframe src="https://www.youtube.com/embed/D_xG_VlvalE"></iframe>
</main>
<footer><p>Copyright</p></footer>
<form><p>Subscribe</p></form>
</body></html>"""
    doc = build_document("page", page.encode())
    assert doc.format == "html" and doc.title_from_html == "Flu"
    texts = [b.text for b in doc.flat if b.text]
    assert "Flu" in texts and "Fever" in texts
    joined = " ".join(texts)
    for chrome in ("Home", "Site name", "cookies", "Copyright", "Subscribe", "no"):
        assert chrome not in joined
    assert [i.text for i in doc.items] == ["Fever", ""]
    assert doc.headings[0].line == 7
    para = doc.paragraphs[0]
    assert para.line == 8 and para.pos_of(para.text.index("It can")).line == 9
    assert [e.tag for e in doc.embeds] == ["iframe"] and doc.embeds[0].line == 11



def test_html_page_end_tags_inside_dropped_chrome_close_it_exactly():
    # a stray or mismatched end tag closes every element opened inside dropped chrome, and
    # an end tag of a live element closes the chrome inside it; text after it is kept
    page = """<html><head><title>Skin care</title><meta charset="utf-8"></head><body>
<section><nav><ul><li>Home<li><a href="/a">A</a></section>
<p>After the menu.</p>
<div class="sidebar"><span><p>Ad text</div><p>Kept <a href="/b">link</a>.</p>
<aside><div><svg><path d="M0"/></svg></aside>
<h2>Care</h2>
</body></html>"""
    doc = build_document("page.html", page.encode())
    assert doc.title_from_html == "Skin care"
    assert [(b.kind, b.line, b.col, b.text) for b in doc.flat] == [
        ("paragraph", 3, 4, "After the menu."),
        ("paragraph", 4, 47, "Kept link."),
        ("heading", 6, 5, "Care"),
    ]
    assert [(e.tag, e.line, e.col, e.text) for e in doc.elements] == [("a", 4, 52, "link")]

def test_format_detection():
    assert detect_format("a.md", "# x") == "markdown"
    assert detect_format("page", "<!DOCTYPE html><html></html>") == "html"
    assert detect_format("a.md", "\n<!DOCTYPE html>\n<html>") == "html"
    assert detect_format("a.txt", "Title\n\nText.") == "text"
    assert detect_format("noext", "---\ntitle: x\n---\n") == "markdown"
    assert detect_format("noext", "Just words.\n\nMore words.") == "text"


def test_shortcodes_are_elements_and_not_prose():
    doc = doc_of('Intro.\n\n{{< youtube D_xG_VlvalE >}}\n\n{{< vimeo id="146022717" >}}\n')
    sc = [(e.tag, e.line, e.col, e.attrs) for e in doc.elements]
    assert sc == [("shortcode:youtube", 3, 1, {0: "D_xG_VlvalE"}),
                  ("shortcode:vimeo", 5, 1, {"id": "146022717"})]
    assert all("youtube" not in s.text for s in doc.sentences)


def test_code_is_never_prose():
    doc = doc_of("```\nsee a doctor: now\n```\n\n    indented code.\n")
    assert all(b.kind == "code" for b in doc.flat)
    assert doc.sentences == []


def test_markdown_image_and_link_positions():
    doc = doc_of("Text ![knee](k.png) and [NHS](https://www.nhs.uk) here.\n")
    img, link = doc.images[0], doc.links[0]
    assert (img.line, img.col, img.attrs["alt"]) == (1, 6, "knee")
    assert (link.line, link.col, link.text) == (1, 25, "NHS")


def test_crlf_and_bom():
    doc = build_document("x.md", b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n# Head\r\n")
    assert doc.front_matter.data == {"title": "x"} and doc.headings[0].line == 4


# ---- the simple-fragment fast path builds exactly what the HTML builder builds

_TEXT = ["a", "Z", "1.", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "\f", "\v", "\r", "?", ".", ">",
         "•", "- ", "é", "{{% x %}}"]
_MARKUP = ["<", "&", "&amp;", "<b>", "</b>", "<br>", "<!-- c -->", "{{< x >}}"]
_text = st.lists(st.sampled_from(_TEXT), max_size=12).map("".join)
_any = st.lists(st.sampled_from(_TEXT + _MARKUP), max_size=12).map("".join)


@st.composite
def _simple(draw):
    tag = draw(st.sampled_from(["h1", "h2", "h3", "h4", "h5", "h6", "p"]))
    lead = draw(st.sampled_from(["", " ", "  ", "\t"]))
    return f"{lead}<{tag}>{draw(_text)}</{tag}>{draw(_text)}"


@st.composite
def _near_miss(draw):
    tag = draw(st.sampled_from(["h3", "p", "H3", "div", "li", "td", "a", "title", "h7"]))
    end = draw(st.sampled_from([tag, tag, "p", "h2", tag.upper(), tag + " "]))
    lead = draw(st.sampled_from(["", " ", "\n", " x"]))
    attrs = draw(st.sampled_from(["", "", ' class="q"', " "]))
    return f"{lead}<{tag}{attrs}>{draw(_any)}</{end}>{draw(_any)}"


def _same_as_builder(text: str, line0: int, col0: int) -> bool:
    fast = parse_simple_fragment(text, line0=line0, col0=col0, source="markdown-html")
    if fast is None:
        return False
    frag = parse_html(text, line0=line0, col0=col0, source="markdown-html")
    # dataclass equality covers every field (kind, positions, text, line_cols, tag, attrs,
    # level, children, ...) except the parent link, checked on its own
    assert fast == frag.blocks, text
    assert [b.parent for b in fast] == [b.parent for b in frag.blocks]
    assert not frag.elements and not frag.comments
    return True


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_simple(), _simple(), _near_miss()), st.integers(1, 50), st.integers(1, 9))
def test_simple_fragment_fast_path_builds_what_the_html_builder_builds(text, line0, col0):
    _same_as_builder(text, line0, col0)


def test_simple_fragment_fast_path_takes_generator_html_and_leaves_the_rest():
    taken = [
        "<h3>1. Muscle Spasms</h3>\n",
        "<h2>What Causes Twitching?</h2>\n",
        "<h3>1. What is X?</h3>\nAnswer text on the next line.\n  And a second line.\n",
        "  <p>Plain   text\twith\u00a0spaces</p>\n",
        "<h4>\n  Spread over\n  lines </h4> tail\n",
        "<p></p>\n",
        "<h3> </h3>\n• bullet\n• another\n",
    ]
    assert all(_same_as_builder(t, 7, 3) for t in taken)
    left = ['<h3 id="a">Q?</h3>\n', "<h3>A &amp; B</h3>\n", "<h3>A <em>b</em></h3>\n",
            "<H3>Q?</H3>\n", "<h3>Q?</h2>\n", "<div>x</div>\n", "<h3>Q?</h3>\n<p>A.</p>\n",
            "<!-- c --><h3>Q?</h3>\n"]
    assert not any(parse_simple_fragment(t) for t in left)


# ---- chrome that swallows the article ---------------------------------------------------

_ARTICLE = ("<h1>Cholera</h1>\n<p>Cholera is an infection of the small intestine caused by "
            "contaminated water or food. Most people have mild diarrhoea, but a few lose so much "
            "water that they become dehydrated within hours and need urgent treatment.</p>\n"
            "<p>Last Reviewed: October 2011</p>\n")


def _page(body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head><title>Cholera</title></head>\n<body>\n{body}</body></html>\n"


def test_a_div_end_tag_closes_a_list_left_open_by_a_broken_link():
    # health.ny.gov: `<li><a href="/contacnt of Health</a>` eats the next start tag, the <ul>
    # is never closed, and </div> must still close the banner as a browser does
    text = _page('<div id="banner">\n<ul>\n<li><a href="/contacnt of Health</a></h2>\n'
                 '<div id="global">\n<ul><li><a href="/">Home</a></li></ul>\n</div>\n</div>\n'
                 f'<div id="torso">\n{_ARTICLE}</div>\n')
    doc = doc_of(text, fmt="html")
    heading = next(b for b in doc.flat if b.kind == "heading")
    assert (heading.text, heading.line, heading.col) == ("Cholera", 12, 5)
    assert "Home" not in [b.text for b in doc.flat]
    assert any(b.text == "Last Reviewed: October 2011" and b.line == 14 for b in doc.flat)
    assert not doc.problems


def test_a_stray_div_end_tag_still_stops_at_a_table():
    doc = doc_of(_page("<div><table><tr><td>Cell one</div> text</td></tr></table>"
                       "<p>After.</p></div>\n"), fmt="html")
    cell = next(b for b in doc.flat if b.kind == "cell")
    assert cell.text == "Cell one text"


def test_chrome_holding_the_article_is_kept_and_positions_stay_exact():
    # ASP.NET wraps the whole page in one <form>; an unclosed header swallows the rest
    for open_tag in ('<form id="aspnetForm" method="post">', '<div class="site-header">'):
        doc = doc_of(_page(f"{open_tag}\n{_ARTICLE}"), fmt="html")
        texts = [(b.kind, b.text, b.line, b.col) for b in doc.flat]
        assert ("heading", "Cholera", 5, 5) in texts, texts
        assert ("paragraph", "Last Reviewed: October 2011", 7, 4) in texts
        assert not doc.problems


def test_a_menu_full_of_links_stays_chrome():
    links = "".join(f'<li><a href="/t{i}">Topic number {i} of the site</a></li>\n' for i in range(40))
    doc = doc_of(_page(f'<div class="sidebar"><ul>\n{links}</ul></div>\n{_ARTICLE}'), fmt="html")
    assert not any("Topic number" in b.text for b in doc.flat)
    assert any(b.text == "Cholera" for b in doc.flat)


def test_a_page_whose_text_is_all_lost_says_so():
    # an unclosed <nav> is chrome however much it holds: the page gets a reading problem
    body = "<nav><ul><li><a href='/'>Home</a></li></ul>\n" + _ARTICLE * 3
    doc = doc_of(_page(body), fmt="html")
    assert not [b for b in doc.flat if b.text]
    [(hint, message, line, col)] = doc.problems
    assert (hint, line, col) == ("html", 4, 1)
    assert "inside <nav> on line 4" in message and "unclosed" in message


def test_meta_dates_are_elements_of_html_pages_only():
    doc = doc_of('<!DOCTYPE html>\n<html><head>\n<META NAME="pubdate" CONTENT="06-11-1982">\n'
                 "</head><body><p>Text.</p></body></html>\n", fmt="html")
    [meta] = [e for e in doc.elements if e.tag == "meta"]
    assert (meta.attrs, meta.line, meta.col) == ({"name": "pubdate", "content": "06-11-1982"}, 3, 1)
    md = doc_of('Text.\n\n<meta name="pubdate" content="2019-01-01">\n')
    assert not [e for e in md.elements if e.tag == "meta"]


def test_a_list_ends_an_open_paragraph_as_in_a_browser():
    page = ("<html><body><p><b>In children</b><br>\nChildren may also have:<br>\n"
            "<ul><li>Fever</li>\n<li>Drowsiness</li></ul></p>\n<p>Testing follows.</p>\n"
            "</body></html>\n")
    doc = build_document("page.html", page.encode())
    kinds = [(b.kind, b.line) for b in doc.blocks if b.kind in ("paragraph", "list")]
    assert kinds == [("paragraph", 1), ("list", 3), ("paragraph", 5)]
    assert doc.blocks[0].text.endswith("Children may also have:")


def test_atx_heading_text_positions_start_after_the_marks():
    from medlint.reading import build_document

    for src, col in ((b"# Dehydration in the elderly\n", 3), (b"##   Two  spaces\n", 6),
                     (b"> ## quoted\n", 6), (b"Setext\n======\n", 1)):
        h = build_document("x.md", src).blocks[0]
        assert h.kind == "heading" and h.pos_of(0).col == col, src
    # the block itself starts at the marks
    assert build_document("x.md", b"## Causes\n").blocks[0].col == 1
