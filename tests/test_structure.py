"""structure: repeated title, empty sections, duplicate headings, repeated paragraphs,
leftover residue, sections without their heading."""

from __future__ import annotations

import pytest

from medlint.config import Config

from .conftest import codes, lint


def st(text, code, fmt="markdown", config=None):
    return [f for f in lint(text, select=[code], fmt=fmt, config=config) if f.code == code]


# ---------------------------------------------------------------- ST001

def test_title_line_repeated_in_scraped_text():
    (f,) = st("What Causes Knee Twitching?\n\nWhat Causes Knee Twitching?\n\nBody text here.\n",
              "ST001", fmt="text")
    assert f.line == 3 and "line 1" in f.message


def test_title_repeated_after_a_breadcrumb_but_not_after_a_paragraph():
    (f,) = st("How to Get Rid of Acne Fast\n\nHome » Skin Care » Acne\n\nHow to Get Rid of Acne "
              "Fast\n\nBody text here.\n", "ST001", fmt="text")
    assert f.line == 5 and "line 1" in f.message
    # a heading repeated after the lead paragraph (an encyclopaedia page) is left alone
    assert st("Smallpox\n\nSmallpox (variola) is an infectious disease caused by a DNA virus of "
              "the genus orthopox.\n\nSmallpox\n\nBody text here.\n", "ST001", fmt="text") == []


def test_title_as_plain_paragraph_after_an_image():
    text = ("---\ntitle: \"why is my left knee twitching\"\n---\n\n![x](x.png)\n\n"
            "Why is My Left Knee Twitching?\n\nBody.\n")
    (f,) = st(text, "ST001")
    assert f.line == 7 and "plain paragraph" in f.message


@pytest.mark.parametrize("text", [
    "---\ntitle: Knee pain\n---\n\n# Knee pain\n\nBody.\n",  # an H1 equal to the title is fine
    "---\ntitle: Knee pain\n---\n\nBody.\n\n## Causes\n\nKnee pain\n",  # not at the top
    "# Flu\n\n- menu\n\n# Flu\n\nText.\n",  # not consecutive
])
def test_title_not_repeated(text):
    assert st(text, "ST001") == []


# ---------------------------------------------------------------- ST002

def test_empty_section():
    (f,) = st("# A\n\n## Causes\n\n## Treatment\n\nRest.\n", "ST002")
    assert f.line == 3 and "line 5" in f.message


@pytest.mark.parametrize("text", [
    "# A\n\n## Causes\n\n### Stress\n\nText.\n",  # a sub-heading is content
    "# A\n\n## Contents\n\n## Causes\n\nText.\n",  # allowed
    "# A\n\n##### [Tip sheet](/tips)\n\n## Causes\n\nText.\n",  # a link card
    "# A\n\n## Causes\n\n<ul><li>stress</li></ul>\n\n## Treatment\n\nRest.\n",
])
def test_not_empty_section(text):
    assert st(text, "ST002") == []


def test_empty_section_skips_plain_text_and_html_pages():
    assert st("Title\n\nCauses\n\nTreatment\n\nRest and ice help.\n", "ST002", fmt="text") == []
    page = "<html><body><h2>Site</h2><h2>Ebola</h2><p>Text.</p></body></html>"
    assert st(page, "ST002", fmt="html") == []


# ---------------------------------------------------------------- ST003

def test_duplicate_sibling_heading_with_copied_section():
    text = ("# A\n\n## Causes\n\nStress and caffeine cause most twitches in the knee.\n\n"
            "## Treatment\n\nRest.\n\n## Causes\n\nStress and caffeine cause most twitches in "
            "the knee.\n")
    (f,) = st(text, "ST003")
    assert f.line == 11 and "line 3" in f.message


def test_a_standard_section_for_the_topic_twice():
    text = ("# Rosacea\n\n## Treatments for rosacea\n\nCreams and gels.\n\n## Living with it\n\n"
            "Wear sunscreen.\n\n## Treatments for rosacea\n\nLaser treatment.\n")
    (f,) = st(text, "ST003")
    assert f.line == 11


def test_a_standard_section_twice_whatever_it_says():
    text = ("# Gallstones\n\n## Treatment\n\nSurgery to remove the gallbladder.\n\n"
            "## Diet\n\nEat less fat.\n\n## Treatment\n\nA gallbladder flush dissolves "
            "stones.\n")
    (f,) = st(text, "ST003")
    assert f.line == 11 and "line 3" in f.message


@pytest.mark.parametrize("text", [
    # same heading under different parents
    "# A\n\n## Knee\n\n### Symptoms\n\nx\n\n## Hip\n\n### Symptoms\n\ny\n",
    # sibling cards with the same title and different content
    "# A\n\n### Protein\n\nEat beans and lentils every week.\n\n### Protein\n\nTry fish twice "
    "a week for omega-3 fats.\n",
])
def test_not_duplicate_heading(text):
    assert st(text, "ST003") == []


# ---------------------------------------------------------------- ST004


def test_a_paragraph_that_repeats_the_second_half_of_the_introduction():
    intro = ("Bronchiolitis is a common chest infection in babies. Most cases are mild and clear "
             "up within 2 to 3 weeks, but some babies need to be looked after in hospital.")
    text = (f"# Bronchiolitis\n\n{intro}\n\n## At home\n\nKeep your baby upright.\n\nMost "
            "cases are mild and clear up within 2 to 3 weeks, but some babies need to be looked "
            "after in hospital.\n")
    (f,) = st(text, "ST004")
    assert f.line == 9 and "repeats sentences of line 3" in f.message
    # a sentence that only starts like one above is no copy
    other = text.rsplit("Most cases", 1)[0] + ("Most cases are mild and clear up within a week "
                                               "with rest, fluids and small feeds.\n")
    assert st(other, "ST004") == []

def test_repeated_paragraph():
    text = ("# A\n\nMost twitches are harmless and stop on their own within a few days.\n\n"
            "## Outlook\n\nMost twitches are harmless and stop on their own within a few days.\n")
    (f,) = st(text, "ST004")
    assert f.line == 7 and "line 3" in f.message


@pytest.mark.parametrize("text", [
    "# A\n\nSee a doctor.\n\n## B\n\nSee a doctor.\n",  # short
    "# A\n\n- Severe fatigue: cannot get out of bed\n\n## When to see a doctor\n\n"
    "- Severe fatigue: cannot get out of bed\n",  # a short item in two lists
])
def test_not_repeated_paragraph(text):
    assert st(text, "ST004") == []


def test_repeated_paragraph_ignores_case_spacing_and_final_punctuation():
    # only blocks with the same letter counts are compared word by word: copies that differ
    # in case, line breaks and the final full stop still share them
    first = "Most twitches are harmless and stop on their own within a few days."
    copy = "MOST twitches are  harmless and stop on\ntheir own within a few days"
    text = f"# A\n\n{first}\n\n## Outlook\n\n{copy}\n\n## C\n\nSomething else entirely, said once here.\n"
    (f,) = st(text, "ST004")
    assert f.line == 7 and "line 3" in f.message


def test_faq_answers_are_left_to_duplicate_faq():
    body = "Stress can also cause twitching in the knee and the thigh muscles.\n"
    text = f"# A\n\n{body}\n## FAQ\n\n### Can stress cause it?\n\n{body}"
    assert st(text, "ST004") == []


# ---------------------------------------------------------------- ST005

@pytest.mark.parametrize("text,line", [
    ("# A\n\nBody.\n\nRecent posts\n", 5),
    ("# A\n\nSure! Here is an article about knee pain.\n\nBody.\n", 3),
    ("# A\n\nAs an AI language model, I cannot diagnose you.\n", 3),
    ("# A\n\nBody. Let me know if you need any other tips!\n", 3),
    ("# A\n\nHere are the 8 parts in over 2000 words:\n\n## B\n", 3),
    ("# A\n\n## Share this\n\nBody.\n", 3),
    # scraped docus.ai pages: the ask-a-question widget and the related-pages widget
    ("# A\n\nIntro.\n\nAsk Question\n\nGout is a form of arthritis.\n", 5),
    ("# A\n\nGout is a form of arthritis.\n\n## Recommended Topics\n\n[Gout in the heel](https://docus.ai/x)\n", 5),
    # notes to the chatbot left in a RAG knowledge-base article
    ("# A\n\n- Rest.\n- **Voice-first / multilingual systems:** Use short prompts like \u201cRaise legs.\u201d\n", 4),
    ("# A\n\n- Rest.\n- Voice-first prompts: \u201cUse eye drops,\u201d \u201cSee eye clinic if pain.\u201d\n", 4),
    # SEO fields and model disclaimers a generator left in the body
    ("# A\n\n**Meta description:** Learn what causes knee pain.\n\nBody.\n", 3),
    ("# A\n\nBody.\n\nFocus keyword: knee pain\n", 5),
    ("# A\n\nAs of my last knowledge update, ginger may help.\n", 3),
    ("Title\n\nCertainly! Below is a warm, informative blog post about dehydration.\n\nBody.\n",
     3),
])
def test_residue(text, line):
    (f,) = st(text, "ST005")
    assert f.line == line


@pytest.mark.parametrize("text", [
    "# A\n\nShare this information with your family doctor at your next visit, it helps.\n",
    "# A\n\nRecent posts on social media claim that ice cures arthritis; it does not.\n",
    "# A\n\nThe study followed 2000 people for ten years.\n",
    "# A\n\n- Ask questions about side effects.\n- Bring a list of medicines.\n",
    "# A\n\n## Recommended topics to discuss with your doctor at your next visit today\n\nBody.\n",
    "# A\n\nSmart speakers can read out reminders to take medicines.\n",
    "# A\n\nA slug: a small snail without a shell, is harmless to touch.\n\nThe meta description of a page.\n",
])
def test_not_residue(text):
    assert st(text, "ST005") == []


def test_residue_found_among_blocks_holding_its_literal():
    # "here" also stands in "there" and "where": every block holding it is searched, and the
    # match is reported in its own block
    text = ("# A\n\nThere is pain where the knee bends.\n\nBody.\n\n"
            "Sure! Here is an article about knee pain.\n")
    (f,) = st(text, "ST005")
    assert (f.line, f.column) == (7, 1)
    # a character that lower-cases to two (İ) shifts offsets: every block is searched then
    (f,) = st("# A\n\nİzmir clinic.\n\nBody.\n\nI hope this helps!\n", "ST005")
    assert (f.line, f.column) == (7, 1)


def test_residue_pattern_with_alternatives_outside_groups():
    # "as told by|lorem ipsum" has no text every match contains: it is searched as it is
    cfg = Config()
    cfg.rules = {"leftover-residue": {"extra_text_patterns": ["as told by|lorem ipsum"]}}
    assert codes(st("# A\n\nBody, as told by the model.\n", "ST005", config=cfg)) == ["ST005"]


def test_residue_list_is_extensible():
    cfg = Config()
    cfg.rules = {"leftover-residue": {"extra_block_phrases": ["back to the blog"]}}
    assert codes(st("# A\n\nBody.\n\nBack to the blog\n", "ST005", config=cfg)) == ["ST005"]


# ---------------------------------------------------------------- ST006

SCRAPED = """What causes knee twitching

The following factors contribute to knee twitching:

Dehydration is a common problem. Drink enough water every day.

Vitamin deficiency

Low calcium or magnesium can cause twitching.

Stimulant overdose

Too much caffeine can cause twitching.
"""


def test_section_without_heading_in_scraped_text():
    (f,) = st(SCRAPED, "ST006", fmt="text")
    assert f.line == 5 and f.severity.name == "INFO"


def test_section_without_heading_needs_sibling_sections():
    text = SCRAPED.split("Stimulant overdose")[0]
    assert st(text, "ST006", fmt="text") == []
    assert st(SCRAPED, "ST006", fmt="markdown") == []


@pytest.mark.parametrize("text,lines", [
    # scraped widgets: the title on its own line, its entries on the lines below
    ("Title\n\nBody text.\n\nRelated Posts\n10 Best Pillows for Side Sleepers in 2022\n"
     "Is It Bad to Sleep With Wet Hair?\n\nLeave a Reply\nYour email address will not be "
     "published. Required fields are marked *\n", [5, 9]),
    ("Title\n\nBody text.\n\nWas this article helpful?\nYes\nNo\n\nYou May Also Like\n"
     "How to Tape an Ankle\n", [5, 9]),
    # a breadcrumb trail
    ("Title\n\nHome » Skin Care » Acne\n\nBody text.\n", [3]),
])
def test_residue_in_scraped_text(text, lines):
    assert [f.line for f in st(text, "ST005", fmt="text")] == lines


@pytest.mark.parametrize("footer", [
    "© Crown copyright", "© 2025 Docus, Inc.", "© 1998-2024 Mayo Foundation for Medical "
    "Education and Research (MFMER). All rights reserved.", "Copyright © 2023 Example Media",
    "&copy; 2021 Health Site", "Copyright 2019 Clinic Ltd",
])
def test_page_footer_left_in_scraped_text(footer):
    (f,) = st(f"Title\n\nBody text.\n\n{footer}\n", "ST005", fmt="text")
    assert f.line == 5 and "page residue" in f.message
    (f,) = st(f"# Title\n\nBody text.\n\n{footer}\n", "ST005")
    assert f.line == 5


@pytest.mark.parametrize("text", [
    # the sign inside a sentence, a licence note, and a whole HTML page's own footer
    "Title\n\nThe image is © Jane Doe and used with permission in this article.\n",
    "Title\n\nCopyright law lets you quote short passages.\n",
])
def test_copyright_mentions_are_not_footers(text):
    assert st(text, "ST005", fmt="text") == []


def test_page_footer_of_a_whole_html_page_is_its_own():
    page = ("<html><body><main><h1>Title</h1><p>Body text.</p></main>"
            "<p>© 2024 Example Health</p></body></html>")
    assert st(page, "ST005", fmt="html") == []


def test_not_residue_in_scraped_text():
    text = ("Title\n\nFollow us? No: follow the advice of your doctor when the pain lasts.\n\n"
            "Home remedies / natural options can help a little.\n")
    assert st(text, "ST005", fmt="text") == []


def test_section_without_heading_only_in_the_introduction():
    # inside a numbered section, the paragraph after a lost list continues that section
    text = ("Lower blood pressure naturally\n\n1. Eat less salt\n\nCut down on salt.\n\n"
            "2. Follow the DASH diet\n\nThe DASH diet focuses on:\n\nFruit and vegetables "
            "provide potassium.\n\n3. Eat garlic\n\nGarlic is tasty.\n\n4. Walk\n\nWalk daily.\n")
    assert st(text, "ST006", fmt="text") == []
    # the title repeated at the top is not a section heading
    assert len(st("What causes knee twitching\n\n" + SCRAPED, "ST006", fmt="text")) == 1


def test_literal_markup_tokens_marks_placeholders_and_escapes():
    text = ("# Rashes\n\nMost rashes fade. :contentReference[oaicite:0]{index=0}\n\n"
            "### \\#\\#\\# When should I worry?\n\nSee a GP.\n\n"
            "[iframe](https://td.doubleclick.net/x)[iframe](https://td.doubleclick.net/y)\n\n"
            "Use it daily.\\n\\nThen stop.\n")
    found = [f for f in lint(text, select=["ST007"])]
    assert [(f.line, f.message.split("': ")[0]) for f in found] == [
        (3, "':contentReference[oaicite:0]{index=0}"), (5, "'###"), (9, "'iframeiframe"),
        (11, "'\\n\\n")]
    assert "ChatGPT citation token" in found[0].message


def test_literal_markup_leaves_plain_text_marks_and_real_markup_alone():
    # a plain text file may number with '#'; Markdown headings, code and ordinary words
    assert codes(lint("Title\n\n## Causes\n\nText here.\n", select=["ST007"], fmt="text")) == []
    ok = ("# Rashes\n\n## When to worry\n\nThe iframe element embeds a page.\n\n"
          "```\nprint('a\\nb')\n```\n\nUse C:\\new only as an example of a path.\n")
    assert codes(lint(ok, select=["ST007"])) == []


@pytest.mark.parametrize("line", [
    "Related posts", "**Related Posts**", "\u00a0Related posts", "\t**Skip** to content",
    "“Share this”", "...Read more", "(Advertisement)", "*Subscribe* to our newsletter",
    "RELATED POSTS:", "[Skip to main content](#main)", "Related posts - diet, sleep",
])
def test_st005_line_start_prefilter_finds_every_phrase_line(line):
    """ST005 looks only at blocks where its line-start pattern matches: it must match every
    line whose normalised text is, or starts with, a phrase."""
    from medlint.rules.structure._norm import norm
    from medlint.rules.structure.st005_leftover_residue import _line_starts

    phrases = ["related posts", "skip to content", "skip to main content", "share this",
               "read more", "advertisement", "subscribe to our newsletter"]
    t = norm(line)
    assert any(t == p or t.startswith(p + " ") for p in phrases)
    text = ("\nSome text.\n" + line + "\nMore text.").lower()
    assert [m.start() for m in _line_starts(phrases).finditer(text)] == [text.index(line.lower()) - 1]
    assert not _line_starts(phrases).search("\nrelated postscript\nshare thisnow")


def test_empty_section_in_the_article_of_an_html_page():
    page = ("<html><body><nav><h2>Menu</h2><h2>Topics</h2></nav><main><h1>Varicose veins</h1>"
            "<h2 class='subtitle'>What you need to know</h2><h2>Causes</h2><p>Weak valves in "
            "the veins let blood pool, and the veins swell and twist over the years.</p>"
            "<h2>Recovery after treatment</h2>\n<h2>Frequently asked questions</h2>"
            "<h3>Q?</h3><p>Most people walk the same day after the treatment.</p></main>"
            "</body></html>")
    assert [f.message.split('"')[1] for f in st(page, "ST002", fmt="html")] == [
        "Recovery after treatment"]
    # a page without <main> or <article>: its headings may be the template's
    assert st(page.replace("<main>", "<div>").replace("</main>", "</div>"), "ST002",
              fmt="html") == []


def test_title_repeated_inside_one_block_with_a_byline_between():
    text = ("Urinary Tract Infection in Women: Causes and Treatment\nBy HealthyHer Team | Updated "
            "on 12 March 2021 | 6 min read\nUrinary Tract Infection in Women: Causes and "
            "Treatment\n\nA UTI is an infection of the bladder.\n")
    (f,) = st(text, "ST001", fmt="text")
    assert (f.line, f.column) == (3, 1) and "repeats line 1" in f.message
    # a sentence of prose between the copies: not a repeated title
    text = ("Knee pain\nKnee pain is common in runners and usually settles with rest within a few "
            "weeks of easier training.\nKnee pain\n")
    assert st(text, "ST001", fmt="text") == []


def test_mojibake_on_each_line_with_the_count_and_not_foreign_words():
    text = ("# Formula\n\nAsk your childâ€™s doctor.\n\nSee CDCa\u0302\u201a\u00acTMs page.\n\n"
            "Caf\u00e9 au lait, S\u00e3o Paulo, \u00c2mbito, na\u00efve, 38\u00b0C, \u00bd cup.\n")
    f, g = st(text, "ST103")
    assert (f.line, f.column) == (3, 15) and "(2 places in the file)" in f.message
    assert g.line == 5 and "places in the file" not in g.message
    assert st("# Caf\u00e9\n\nS\u00e3o Paulo \u00c2mbito na\u00efve 38\u00b0C.\n", "ST103") == []
    # one finding per line; at most max_per_file lines, the last saying how many are left
    many = "# F\n\n" + "".join(f"Line {k}: childâ€™s and momâ€™s.\n\n" for k in range(25))
    found = st(many, "ST103")
    assert len(found) == 20 and "(50 places in the file)" in found[0].message
    assert "(and 5 more lines not reported)" in found[-1].message


def test_empty_heading_names_the_line_its_text_fell_onto():
    text = "Intro.\n\n# \n \n Warfarin\n Find out how warfarin works.\n\n### \n\nA long line of text.\n"
    found = st(text, "ST008")
    assert [(f.line, "Warfarin" in f.message) for f in found] == [(3, True), (8, False)]
    assert st("# Title\n\nText.\n", "ST008") == [] and st("Title\n\n#\n\nText.\n", "ST008",
                                                         fmt="text") == []


def test_scraped_promotion_widgets_are_page_residue():
    text = ("# A\n\nQuestion on this topic?Get an instant answer from AI Doctor.\n\nAsk Question\n\n"
            "Gout is a form of arthritis.\n\nTry Docus for Free\n")
    assert [f.line for f in st(text, "ST005")] == [3, 5, 9]


def test_encyclopaedia_cleanup_tags_are_literal_markup():
    text = "# A\n\nIt spreads in winter.[clarification needed]\n\nRates fell.[needs update]\n"
    assert [f.message.split("'")[1] for f in lint(text, select=["ST007"])] == [
        "[clarification needed]", "[needs update]"]


def test_a_cookie_banner_scraped_with_the_page():
    text = ("Athlete's foot\n\nWe use cookies to give you the best experience on our website. "
            "Accept all | Manage preferences\n\nAthlete's foot is a common fungal infection.\n")
    found = lint(text, select=["ST005"], fmt="text")
    assert [(f.code, f.line) for f in found] == [("ST005", 3)]
    assert not lint("Cookies\n\nSome people say we use cookies too often as a treat for "
                    "children.\n", select=["ST005"], fmt="text")


def test_a_scraped_title_with_the_site_name_repeated_without_it():
    # set 5: the title line carries the site's name; its copy two blocks down, after a
    # cookie banner, does not
    text = ("Athlete's Foot: Symptoms, Causes and How to Get Rid of It - FootCare Daily\n\n"
            "We use cookies to give you the best experience on our website. Accept all | Manage "
            "preferences\n\nAthlete's Foot: Symptoms, Causes and How to Get Rid of It\n\n"
            "Athlete's foot is a common fungal infection.\n")
    found = lint(text, select=["ST001"], fmt="text")
    assert [(f.code, f.line) for f in found] == [("ST001", 5)]
    # a title with a dash of its own is not cut: "Vitamin D - what you need to know"
    assert not lint("Vitamin D - what you need to know\n\nVitamin D\n\nIt keeps bones "
                    "healthy.\n", select=["ST001"], fmt="text")


def test_product_promotions_of_a_scraped_symptom_guide():
    # docus.ai pages in the dev corpus: "## Docus AI Symptom Checker" and "## Docus Medical
    # Experts" promotion blocks between the article's sections
    text = ("# Bladder infection\n\nA bladder infection is a UTI.\n\n## Docus AI Symptom Checker\n\n"
            "Just 3 simple steps to understand your symptoms.\n\n## Docus Medical Experts\n\n"
            "Docus partners with top medical experts.\n")
    found = lint(text, select=["ST005"])
    assert [(f.code, f.line) for f in found] == [("ST005", 5), ("ST005", 9)]


def test_mayo_clinic_page_widgets_scraped_into_the_text():
    text = ("# Baby fat\n\nBaby fat is normal.\n\n[Appointments at Mayo Clinic\n\n[Sections](#)\n"
            "1. [Basics](/healthy-lifestyle/basics)\n")
    found = lint(text, select=["ST005"])
    assert [f.line for f in found] == [5, 7]


# ---------------------------------------------------------------- session 7 recall cases

def test_title_repeated_without_its_bracketed_tag_or_site_name():
    fm = "---\ntitle: \"How To Bring Down A Fever Fast (Mom-Approved Tips)\"\n---\n\n"
    (f,) = st(fm + "How To Bring Down A Fever Fast\n\nBody text here.\n", "ST001")
    assert f.line == 5 and "plain paragraph" in f.message
    fm2 = "---\ntitle: \"Gout in the knee | Health Site\"\n---\n\n"
    assert len(st(fm2 + "Gout in the knee\n\nBody text here.\n", "ST001")) == 1
    # two words left after the tag is dropped: too little to call a copy of the title
    fm3 = "---\ntitle: \"Gout flares (2024 update)\"\n---\n\n"
    assert st(fm3 + "Gout flares\n\nBody text here.\n", "ST001") == []


def test_affiliate_button_and_chatbot_offer_are_residue():
    (f,) = st("Heel pain\n\nDoctors recommend the ComfortStride insoles for heel pain.\nCheck "
              "price on Amazon\n\nRest your foot.\n", "ST005", fmt="text")
    assert f.line == 4 and "page residue" in f.message
    (g,) = st("# Hiccups\n\nHold your breath.\n\nI hope these tips help! Let me know if you'd "
              "like a shorter version of this article for social media.\n", "ST005")
    assert g.line == 5 and "text-generator" in g.message
    # a person who would like something is not a chatbot
    assert st("# Hiccups\n\nTell your GP what you would like to try first.\n", "ST005") == []


LOST_CAUSES = ("Athlete's foot\n\nAthlete's foot is a common fungal infection of the feet.\n\n"
               "Symptoms of athlete's foot include:\n\n\nAthlete's foot is caused by a fungus "
               "that grows in warm, damp places.\n\nHow to treat athlete's foot\n\nUse an "
               "antifungal cream.\n")


def test_a_lost_list_then_a_paragraph_on_the_causes_starts_a_section_without_heading():
    (f,) = st(LOST_CAUSES, "ST006", fmt="text")
    assert f.line == 8 and "causes" in f.message and "line 5" in f.message
    # the list is there: the causes paragraph follows it, no heading lost with a list
    ok = LOST_CAUSES.replace("include:\n\n\n", "include:\n\n- itching\n- cracked skin\n\n")
    assert st(ok, "ST006", fmt="text") == []
    # a lead-in about the causes goes on about them
    about = LOST_CAUSES.replace("Symptoms of athlete's foot include:",
                                "Things that raise the risk include:")
    assert st(about, "ST006", fmt="text") == []
    # "These symptoms are caused by ..." continues the section
    cont = LOST_CAUSES.replace("Athlete's foot is caused by", "These symptoms are caused by")
    assert st(cont, "ST006", fmt="text") == []


def test_a_lost_list_then_a_definition_of_a_new_term_starts_a_section_without_heading():
    text = ("Insomnia\n\nFoods that help you sleep\n\nTry adding these to your evening meal:\n\n\n"
            "Warm milk and cherries are often mentioned, although the evidence is weak.\n\n"
            "CBT-I is a structured program that helps you change the habits that keep you "
            "awake.\n\nWhen to see a doctor\n\nSee a GP if it lasts weeks.\n")
    (f,) = st(text, "ST006", fmt="text")
    assert f.line == 10 and "CBT-I" in f.message
    # a term the article has named before is not a new section's topic
    named = text.replace("Foods that help you sleep\n\n", "CBT-I works best.\n\n")
    assert st(named, "ST006", fmt="text") == []


def test_a_heading_that_counts_against_the_one_list_under_it():
    text = ("# Hay fever\n\n## 10 Tips to Survive Pollen Season\n\n" +
            "".join(f"{i}. Tip number {i}.\n" for i in range(1, 9)) + "\nMore text.\n")
    # the list holds what the heading counts: promised-count-mismatch (missing-list-items)
    (f,) = st(text, "LI004")
    assert f.line == 3 and "promises 10" in f.message and "8 items" in f.message
    assert st(text, "ST010") == []
    assert st(text.replace("10 Tips", "8 Tips"), "LI004") == []
    # two lists under it: which one the count is for is not clear
    two = text + "\n- another\n- list\n- here\n"
    assert st(two, "LI004") == []


def test_a_scraped_title_line_that_counts_against_its_numbered_section_lines():
    secs = "".join(f"{i}. Step {i}\nText of step {i}.\n\n" for i in range(1, 8))
    text = "Plantar Fasciitis: 8 Best Treatments to Cure Heel Pain\n\nIntro text.\n\n" + secs
    (f,) = st(text, "ST010", fmt="text")
    assert f.line == 1 and "promises 8 treatments" in f.message and "7 numbered" in f.message
    assert st(text.replace("8 Best", "7 Best"), "ST010", fmt="text") == []


def test_a_mid_sentence_piece_of_the_paragraph_above_pasted_again():
    text = ("# Whooping cough\n\nIt is also recommended that women who are pregnant receive a "
            "booster. Tdap can be given at any time regardless of when the last booster shot was "
            "received.\n\ncan be given at any time regardless of when the last booster shot was "
            "received.\n\nThe next paragraph.\n")
    (f,) = st(text, "ST004")
    assert f.line == 5 and "piece of line 3" in f.message
    # a sentence of its own (a pull quote) is not a broken-off piece
    quote = text.replace("\ncan be given", "\nTdap can be given")
    assert st(quote, "ST004") == []


def test_tag_attributes_run_into_the_text_are_literal_markup():
    html = ("<html><body><h1>Cough</h1><p>Over the next few days the cough will become more and "
            "dry-cough-causes/\" target=\"_blank\">persistent, with bouts of coughing.</p>"
            "</body></html>")
    (f,) = st(html, "ST007", fmt="html")
    assert "inside of an HTML tag" in f.message
    # a tag written out on purpose, in full ("link to this page" boxes), is not cut markup
    ok = ("<html><body><h1>Cite</h1><p>Link to us: &lt;a href=&quot;https://example.org/a&quot;"
          "&gt;Cough&lt;/a&gt;</p></body></html>")
    assert st(ok, "ST007", fmt="html") == []


def test_a_paragraph_written_twice_in_a_row():
    once = ("If your children are eligible for CHIP, they would not be eligible for cost breaks "
            "on Marketplace insurance.")
    (f,) = st("# CHIP\n\n" + once + once + "\n", "ST004")
    assert f.line == 3 and "written twice in a row" in f.message
    assert st("# CHIP\n\n" + once + " " + once[:-1] + " too.\n", "ST004") == []


def test_a_docus_promotion_heading_with_its_button_is_one_finding():
    text = ("# Gout\n\nGout is painful.\n\n## You’re only one click away from a life-changing "
            "journey\n\n[Try Docus for Free](https://my.docus.ai/auth/signup)\n\n## Next\n\n"
            "More text about gout and what to do about it today.\n")
    (f,) = st(text, "ST005")
    assert f.line == 5 and f.end_line == 7 and "one click away" in f.message


def test_nhs_pagination_links_are_residue():
    text = ("# Causes\n\nText.\n\n* [Previous\n:\nPulmonary hypertension](/conditions/ph/)\n"
            "* [Next\n:\nDiagnosis](/conditions/ph/diagnosis/)\n")
    found = st(text, "ST005")
    assert [f.line for f in found] == [5, 8] and "Previous : Pulmonary" in found[0].message
    # a step that starts with "Next:" is not pagination
    assert st("# Steps\n\n- Next: take the tablet with water.\n", "ST005") == []


def test_unparsed_emphasis_marks_shown_as_text():
    (f,) = st("# Skin\n\nPractice ** relaxation techniques** daily.\n", "ST007")
    assert "emphasis marks" in f.message
    assert st("# Skin\n\nPractice **relaxation techniques** daily.\n", "ST007") == []
    # plain text and HTML pages have no Markdown emphasis: asterisks there are the author's
    assert st("Skin\n\nFootnote marks *** are used below.\n", "ST007", fmt="text") == []


def test_a_gap_in_a_scraped_page_numbered_section_lines():
    secs = "".join(f"{i}. Step {i}\nText of step {i}.\n\n" for i in (1, 2, 4, 5))
    (f,) = st("Heel pain treatments\n\nIntro text.\n\n" + secs, "ST009", fmt="text")
    assert f.line == 11 and "3 is missing" in f.message
    # a list of short steps, one after the other, is a list (LI003's), not sections
    assert st("Heel pain\n\nIntro text.\n\n1. Rest\n2. Ice\n4. Shoes\n", "ST009",
              fmt="text") == []


def test_a_list_marker_without_its_space_above_the_list():
    text = ("# Forms\n\n*[Sample SBC form](https://example.org/sbc.pdf) (PDF)\n"
            "* [Uniform Glossary](https://example.org/glossary.pdf) (PDF)\n")
    found = lint(text, select=["ST007"])
    assert [(f.code, f.line, f.column) for f in found] == [("ST007", 3, 1)]
    # emphasis, or a line that is not above a list with that marker, is not one
    assert not lint("# Forms\n\n*Products and services*\n* [Uniform Glossary](https://x.org/)\n",
                    select=["ST007"])
    assert not lint("# Forms\n\n-5 degrees is cold.\n* one\n* two\n", select=["ST007"])


def test_lone_widget_labels_and_share_button_rows_are_residue():
    text = "MENU\n\nPanic attacks\n\nText about panic.\n\nShare   Tweet   Pin   Email\n"
    assert [f.line for f in st(text, "ST005", fmt="text")] == [1, 7]
    # a menu of food in a sentence is not a widget
    assert st("# Diet\n\nMenu planning helps you eat well.\n", "ST005") == []


def test_title_repeated_after_a_breadcrumb_trail():
    text = ("Heat exhaustion and heatstroke: symptoms and first aid\n\nHome > Health > First aid > "
            "Heat exhaustion and heatstroke: symptoms and first aid\n\nHeat exhaustion and "
            "heatstroke: symptoms and first aid\n\nHeat exhaustion happens when you get too hot.\n")
    assert [f.line for f in st(text, "ST001", fmt="text")] == [5]


def test_empty_section_in_plain_text_only_between_two_long_heading_lines():
    intro = "Glandular fever\n\nGlandular fever is a viral infection that mostly affects young adults.\n\n"
    text = intro + ("Glandular fever in children\n\nReturning to school, work and sport\n\n"
                    "You can usually go back when you feel well.\n")
    assert [f.line for f in st(text, "ST002", fmt="text")] == [5]
    # a question or a numbered line under it is its sub-heading; short lines may be a list
    for under in ("How long does glandular fever last?", "1. Rest at home"):
        assert st(intro + f"Frequently asked things here\n\n{under}\n\nMost people feel better.\n",
                  "ST002", fmt="text") == [], under
