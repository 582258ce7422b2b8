"""missing-list-items: lead-ins without their list, empty items, numbering, promised counts."""

from __future__ import annotations

import pytest

from .conftest import codes, lint


def li(text, fmt="markdown", select=("LI001",)):
    return lint(text, select=list(select), fmt=fmt)


@pytest.mark.parametrize("text", [
    # a lead-in then a paragraph that is not its list
    "# A\n\nSee a doctor if your twitching is accompanied by:\n\nIn most cases it is harmless.\n",
    "# A\n\nThe following factors contribute to knee twitching:\n\nDehydration is a common problem"
    " among many people.\n",
    # a lead-in before a heading of the same level
    "# A\n\n## Causes\n\nCommon causes include:\n\n## Treatment\n\nRest.\n",
    # a lead-in at the end of the article
    "# A\n\nSymptoms include:\n",
    # a sentence that breaks off at the promise
    "# A\n\nCommon symptoms include.\n\nMost people recover in a week or two without help.\n",
    # the last item of a list that promises a list
    "# A\n\n- Rest the knee.\n- Call a doctor if you have:\n\nMost twitches stop on their own.\n",
])
def test_lead_in_without_list_is_reported(text):
    assert codes(li(text)) == ["LI001"]


@pytest.mark.parametrize("text", [
    # fulfilled by a list, a table, a code block, an image, a quote
    "# A\n\nCommon causes include:\n\n- stress\n- caffeine\n",
    "# A\n\nDoses are as follows:\n\n| Age | Dose |\n|---|---|\n| 2 | 5 ml |\n",
    "# A\n\nRun this:\n\n```\npip install x\n```\n",
    "# A\n\nThe rash looks like this:\n\n![rash](rash.png)\n",
    "# A\n\nThe NHS says:\n\n> Drink plenty of fluids.\n",
    # sub-headings of a lower level, numbered headings, ### headings
    "# A\n\n## Causes\n\nCommon causes include:\n\n### Stress\n\nText.\n",
    "# A\n\n## Causes\n\nCommon causes include:\n\n## 1. Stress\n\nText.\n",
    "## A\n\n### B\n\nThere are many different brands of pill, made up of 3 main types:\n\n"
    "### Monophasic pills\n\nText.\n",
    # labels, times, URLs are not lead-ins
    "# A\n\nNote:\n\nThis page is not medical advice.\n",
    "# A\n\nLast reviewed:\n",
    "# A\n\nThe clinic opens at 10:\n\nIt closes at five.\n",
    # a colon before an explanation ("Here's why:") followed by a paragraph
    "# A\n\nRest matters more than you think. Here's why:\n\nMuscles repair themselves while "
    "you sleep, so a tired muscle twitches more.\n",
    # the list written without markup: short lines, one item per line, a promised count
    "# A\n\nSymptoms include:\n\nFever\nCough\nHeadache\n",
    "# A\n\nTwo possible reasons for this are:\n\nThe air before a storm is humid and close.\n"
    "Thunderstorms break pollen into tiny particles that reach the lungs.\n",
    # the promise passed on to the next lead-in that has its list
    "# A\n\nCall 999 if you notice any of the following:\n\nFrom the NHS:\n\n- blue lips\n",
])
def test_fulfilled_or_not_a_lead_in(text):
    assert li(text) == []


def test_bullets_written_with_the_bullet_character_fulfil(today):
    text = "Vitamins\n\nImportant nutrients include:\n\n  • Calcium\n  • Magnesium\n"
    assert lint(text, select=["LI001"], fmt="text", today=today) == []


def test_plain_text_heading_after_lead_in_fulfils():
    text = "Causes\n\nThe main causes are:\n\nDehydration\n\nNot drinking enough water.\n"
    assert li(text, fmt="text") == []


def test_plain_text_heading_after_the_gap_of_a_lost_list_does_not_fulfil():
    text = ("When to see a doctor\n\nSee a GP if you keep getting vertigo.\n\n"
            "Go to A&E or call 999 if you have vertigo and:\n\n\nFAQs\n\nIs it serious? No.\n")
    got = li(text, fmt="text")
    assert codes(got) == ["LI001"] and got[0].line == 5 and "heading at line 8" in got[0].message


def test_lead_in_position_is_the_sentence():
    f = li("# A\n\nIt hurts. See a doctor if it comes with:\n\nMost pain goes away.\n")[0]
    assert (f.line, f.column) == (3, 11)
    assert "line 5" in f.message


@pytest.mark.parametrize("text,n", [
    ("# A\n\n- Calcium\n-\n- Vitamin D\n", 1),
    ("<ul><li>Calcium</li><li></li></ul>\n", 1),
    ("# A\n\n- Calcium\n- ![x](x.png)\n", 0),
    ("<ul><li><img src='x.png' alt='x'></li></ul>\n", 0),
])
def test_empty_list_item(text, n):
    assert codes(li(text, select=["LI002"])) == ["LI002"] * n


def test_empty_bullet_in_plain_text():
    assert codes(li("A\n\nNutrients:\n\n• Calcium\n•\n• Zinc\n", fmt="text",
                    select=["LI002"])) == ["LI002"]


@pytest.mark.parametrize("text,code,n", [
    ("# A\n\n## 1. Rest\n\nx\n\n## 2. Ice\n\nx\n\n## 4. Heat\n\nx\n", "ST009", 1),
    ("# A\n\n## 1. Rest\n\nx\n\n## 2. Ice\n\nx\n\n## 2. Heat\n\nx\n", "ST009", 1),
    ("1. one\n2. two\n4. four\n", "LI003", 1),
    # lazy Markdown numbering, restarts under another parent, a new run
    ("1. one\n1. two\n1. three\n", "LI003", 0),
    ("5. five\n4. four\n3. three\n2. two\n1. one\n", "LI003", 0),  # a countdown
    ("5. five\n4. four\n2. two\n1. one\n", "LI003", 1),
    ("# A\n\n## X\n\n### 1. a\n\n### 2. b\n\n## Y\n\n### 1. c\n\n### 2. d\n", "ST009", 0),
    ("# A\n\n## 1. a\n\n## 2. b\n\n## 1. c\n", "ST009", 0),
])
def test_numbering_gap(text, code, n):
    # numbered sections are structure (ST009), the items of a numbered list a list (LI003)
    assert codes(li(text, select=["LI003", "ST009"])) == [code] * n


@pytest.mark.parametrize("text,n", [
    ("# A\n\n## 5 Causes of Twitching\n\n### Stress\n\nx\n\n### Caffeine\n\nx\n\n### Sleep\n\nx\n", 1),
    ("# A\n\nHere are 4 tips:\n\n- rest\n- ice\n", 1),
    ("---\ntitle: 7 Tips for Better Sleep\n---\n\n## 1. A\n\nx\n\n## 2. B\n\nx\n", 1),
    # the title with a gap in its numbered sections: the gap is ST009's
    ("---\ntitle: 7 Tips for Better Sleep\n---\n\n## 1. A\n\nx\n\n## 3. B\n\nx\n", 0),
    # right counts, extra sections not counted, a run across an inserted heading
    ("# A\n\n## 3 Causes\n\n### Stress\n\nx\n\n### Caffeine\n\nx\n\n### Sleep\n\nx\n\n"
     "### Conclusion\n\nx\n", 0),
    ("# A\n\n## The 3 Stages\n\n### Stage 1: a\n\nx\n\n### Stage 2: b\n\nx\n\n## Advert\n\n"
     "### Stage 3: c\n\nx\n", 0),
    # not counts: units and years
    ("# A\n\n## Rest for 24 hours\n\n### Day one\n\nx\n\n### Day two\n\nx\n", 0),
    ("# A\n\nThere are 2 types of diabetes:\n\n- type 1\n- type 2\n- gestational\n", 0),
])
def test_promised_count(text, n):
    # a lead-in against its list is LI004; a title or heading against its sections ST010
    found = codes(li(text, select=["LI004", "ST010"]))
    assert len(found) == n and all(c == ("LI004" if "tips:" in text else "ST010")
                                   for c in found)


@pytest.mark.parametrize("text,fmt", [
    # a condition that stops at its subject, a colon sentence pointing at "these"
    ("# Fever\n\nCall your pediatrician within 24 hours if your toddler:\n\nMost fevers go "
     "away within three days.\n", "markdown"),
    ("# Acne\n\nLook for products that contain one of these ingredients:\n\nStart with a low "
     "strength and use it every other night.\n", "markdown"),
    # scraped text: the gap of blank lines a lost list left after a plain colon sentence
    ("Sleep\n\nSome foods help. Add them to your evening meal:\n\n\nWarm milk is often "
     "mentioned, although the evidence is weak.\n", "text"),
])
def test_lead_in_without_list_recall_cases(text, fmt):
    assert codes(li(text, fmt=fmt)) == ["LI001"]


def test_plain_colon_sentence_without_a_gap_is_not_a_lead_in():
    assert li("Sleep\n\nSome foods help. Add them to your evening meal:\n\nWarm milk is often "
              "mentioned, although the evidence is weak.\n", fmt="text") == []
    assert li("# Fever\n\nThis is what happened when you called:\n\nThe nurse answered.\n") == []


def test_the_following_without_a_colon_and_a_scraped_title_line_that_breaks_off():
    bad = "# Food poisoning\n\nDoctors point to the following as the usual culprits.\n\nNorovirus spreads easily.\n"
    assert codes(lint(bad, select=["LI001"])) == ["LI001"]
    ok = bad.replace("\n\nNorovirus spreads easily.\n", "\n\n- norovirus\n- salmonella\n")
    assert codes(lint(ok, select=["LI001"])) == []
    for fine in ("It eased the following day.", "See the following sections for details.",
                 "Read the following link for more."):
        assert codes(lint(f"# T\n\n{fine}\n\nMore text here.\n", select=["LI001"])) == [], fine
    text = ("Shingles\n\nEarly signs of shingles often include\n\nSome people feel unwell with a "
            "headache or a mild fever for a day or two before anything appears.\n")
    assert codes(lint(text, select=["LI001"], fmt="text")) == ["LI001"]
    assert codes(lint(text.replace("often include", "explained"), select=["LI001"],
                      fmt="text")) == []


def test_lost_list_before_a_lead_in_with_its_own_list_in_scraped_text():
    text = ("Symptoms of a UTI\n\nThe most common signs of a bladder infection include:\n\n\n"
            "If the infection spreads to your kidneys, you may also have:\na high temperature\n"
            "pain in your back\n")
    found = [f for f in lint(text, select=["LI001"], fmt="text")]
    assert [f.line for f in found] == [3]
    # a label for a group of the list ("In adults:") is the list's first part
    text = ("Symptoms\n\nThe most common signs include:\n\n\nIn adults:\nfever\ncough\n")
    assert [f.line for f in lint(text, select=["LI001"], fmt="text")] == []


def test_a_noun_phrase_lead_in_followed_by_prose():
    text = ("# Corticosteroids\n\nMedical conditions treated with systemic corticosteroids:\n\n"
            "Topical formulations are also available for the skin and eyes.\n")
    assert [f.line for f in lint(text, select=["LI001"])] == [3]
    # clauses ending with a colon may be followed by their explanation
    for lead in ("The reason for this is simple:", "Here is what the research found:",
                 "Doctors now know much more about it:", "Short label here:"):
        text = f"# A\n\n{lead}\n\nMost twitches are harmless and settle within a few days.\n"
        assert [f.line for f in lint(text, select=["LI001"])] == [], lead


def test_a_lead_in_naming_a_number_of_things():
    # real page (Wikipedia export): the list of side effects after the colon was lost
    text = ("# Corticosteroid\n\nUse of corticosteroids has numerous side-effects, some of "
            "which may be severe:\n\nThe corticosteroids are synthesized from cholesterol "
            "within the adrenal cortex.\n")
    assert [f.code for f in lint(text, select=["LI001"])] == ["LI001"]
    assert not lint(text.replace("\n\nThe corticosteroids are synthesized from cholesterol "
                                 "within the adrenal cortex.\n",
                                 "\n\n- weight gain\n- thin skin\n"), select=["LI001"])


def test_a_title_line_that_counts_against_its_list():
    # plain text: "8 home remedies" is a heading left as a short line over its list
    items = "".join(f"{k}. Remedy {k} helps.\n" for k in (1, 2, 4, 5, 6, 7))
    text = f"Mouth ulcers\n\nThey are common.\n\n8 home remedies\n\n{items}"
    found = li(text, select=["LI004"], fmt="text")
    assert codes(found) == ["LI004"] and found[0].line == 5 and "6 list items" in found[0].message
    # a sentence is no title line, and a count the list meets is fine
    assert codes(li(text.replace("8 home remedies", "6 home remedies"), select=["LI004"],
                    fmt="text")) == []
    assert codes(li(text.replace("8 home remedies", "We tried 8 home remedies."),
                    select=["LI004"], fmt="text")) == []


def test_steps_written_as_lines_of_text():
    steps = "".join(f"Step {n}: Do thing {n}.\n" for n in (1, 2, 4, 5))
    found = li(f"Cleaning up\n\n{steps}", select=["LI003"], fmt="text")
    assert codes(found) == ["LI003"] and found[0].line == 5 and "3 is missing" in found[0].message
    ok = "".join(f"Step {n}: Do thing {n}.\n" for n in (1, 2, 3))
    assert li(f"Cleaning up\n\n{ok}", select=["LI003"], fmt="text") == []
    # a step named in a sentence, with no run from step 1, is no list
    assert li("# A\n\nSee Step 4: it explains the rest.\n", select=["LI003"]) == []


def test_scraped_lead_in_followed_by_one_section_then_another_topic():
    text = ("Tinnitus\n\nThings that can make tinnitus worse include the following.\n\n"
            "Medicines and tinnitus\n\nSome medicines can cause it.\n\nHow common is it?\n\n"
            "About 1 in 7 adults have it.\n")
    found = li(text, fmt="text")
    assert codes(found) == ["LI001"] and found[0].line == 3
    # two item-like sub-headings hold the items
    items = text.replace("How common is it?", "Loud noise")
    assert li(items, fmt="text") == []


def test_a_lead_in_followed_by_an_empty_html_list():
    page = ("<html><body><main><h1>Sleep apnoea</h1><p>Symptoms that your partner might notice "
            "include:</p>\n<ul>\n</ul>\n<p>During the day you may feel sleepy.</p></main></body>"
            "</html>")
    found = li(page, select=["LI002"], fmt="html")
    assert codes(found) == ["LI002"] and found[0].line == 2
    # an empty list after text that promises nothing is malformed markup, not a lost list
    assert li(page.replace("include:", "include snoring."), select=["LI002"], fmt="html") == []
