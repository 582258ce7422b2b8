"""duplicate-faq: FAQ detection in the model, repeated answers, duplicate questions."""

from __future__ import annotations

import pytest

from .conftest import SEEDS, codes, doc_of, lint

BODY = """# Knee twitching

## Stress

Stress can also cause twitching in the knee. Stress can cause the muscles to tense up,
resulting in twitching and pain.

## Treatment

Over-the-counter medications such as ibuprofen can help reduce pain and swelling. Your
doctor may prescribe a muscle relaxer if the twitching is caused by nerve damage.

"""


# ---------------------------------------------------------------- the model: Document.faq

def test_faq_of_the_hugo_seed():
    doc = doc_of((SEEDS / "left-knee-twitching.md").read_text(encoding="utf-8"))
    faq = doc.faq
    assert len(faq) == 10
    first = faq[0]
    assert first.question == "What is twitching in the left knee?"
    assert (first.line, first.answer_line, first.answer_end_line) == (78, 79, 79)
    assert faq[-1].answer.startswith("In some cases, surgery")
    assert all(e.section_line == 76 for e in faq)


@pytest.mark.parametrize("text,questions", [
    ("## FAQ\n\n**Is it serious?**\n\nUsually not.\n\n**Can I run?**\n\nYes, gently.\n", 2),
    ("## Frequently asked questions\n\n**Is it serious?** Usually not.\n\n"
     "**Can I run?** Yes, gently.\n", 2),
    ("## People also ask\n\n1. Is it serious?\n\n   Usually not.\n\n2. Can I run?\n\n   Yes.\n", 2),
    ("Q: Is it serious?\nA: Usually not, it goes away.\n\nQ: Can I run?\nA: Yes, gently.\n", 2),
    ("<details><summary>Is it serious?</summary>\n\nUsually not.\n\n</details>\n", 1),
    ("---\ntitle: x\nfaq:\n  - question: Is it serious?\n    answer: Usually not.\n---\n\nBody.\n", 1),
    # question headings outside an FAQ section are ordinary sections
    ("## What causes it?\n\nStress.\n\n## How is it treated?\n\nRest.\n", 0),
])
def test_faq_forms(text, questions):
    faq = doc_of(text).faq
    assert len(faq) == questions
    assert all(e.answer for e in faq)


def test_faq_answer_lines_and_sub_headings():
    text = "## FAQ\n\n### Is it serious?\n\nUsually not.\n\n#### When to worry\n\nIf it spreads.\n"
    (e,) = doc_of(text).faq
    assert (e.answer_line, e.answer_end_line) == (5, 9)
    assert "If it spreads." in e.answer


def test_scraped_faq_with_same_level_question_headings():
    text = ("Knee\n\nFAQ\n\nIs it serious?\n\nUsually not, most twitches stop.\n\n"
            "Can I run?\n\nYes, gently, if it does not hurt.\n")
    faq = doc_of(text, fmt="text").faq
    assert [e.question for e in faq] == ["Is it serious?", "Can I run?"]


# ---------------------------------------------------------------- FQ001

def test_answer_repeating_the_body_names_the_passage():
    text = BODY + ("## FAQ\n\n### Can stress cause knee twitching?\n\nYes, stress can cause "
                   "twitching in the knee. Stress can cause the muscles to tense up, resulting "
                   "in twitching and pain.\n")
    (f,) = lint(text, select=["FQ001"])
    assert f.line == 17
    assert "of this FAQ answer repeats lines 5–6 of the article" in f.message
    assert "%" in f.message


def test_answer_repeating_an_earlier_answer():
    text = BODY + """## FAQ

### What is knee twitching?

Knee twitching is an involuntary jerking of the thigh muscles. It can be caused by muscle
spasms, nerve damage or injury, overuse, or stress.

### What are the common causes of knee twitching?

The most common causes of knee twitching are muscle spasms, nerve damage or injury,
overuse, and stress.

### Is knee twitching serious?

Knee twitching can be serious if it is caused by nerve damage or injury. If it is caused by
muscle spasms, overuse, or stress, it is usually not serious.
"""
    found = lint(text, select=["FQ001"])
    assert [f.line for f in found] == [22]
    assert "answer at line 17" in found[0].message


def test_different_answers_on_the_same_topic_are_not_reported():
    text = BODY + """## FAQ

### How long does it last?

Most twitching stops within a few days once you rest and drink enough water.

### When should I see a doctor?

See a doctor if the twitching lasts more than two weeks, spreads, or comes with weakness.
"""
    assert lint(text, select=["FQ001"]) == []


def test_one_finding_per_answer():
    text = BODY + ("## FAQ\n\n### Can stress cause it?\n\nStress can also cause twitching in the "
                   "knee. Stress can cause the muscles to tense up, resulting in twitching and "
                   "pain.\n\n### Does stress cause it?\n\nStress can also cause twitching in the "
                   "knee. Stress can cause the muscles to tense up, resulting in twitching and "
                   "pain.\n")
    found = lint(text, select=["FQ001"])
    assert len(found) == 2 and len({f.line for f in found}) == 2


def test_short_answers_are_not_compared():
    text = BODY + "## FAQ\n\n### Is it stress?\n\nStress can also cause it.\n"
    assert lint(text, select=["FQ001"]) == []


# ---------------------------------------------------------------- FQ002 / FQ003

def test_duplicate_question():
    text = ("## FAQ\n\n### What causes gout?\n\nUric acid.\n\n### Why is my uric acid high?\n\n"
            "Diet.\n\n### What causes gout?\n\nCrystals.\n")
    (f,) = lint(text, select=["FQ002"])
    assert f.line == 11 and "line 3" in f.message


def test_different_question_words_are_different_questions():
    text = ("## FAQ\n\n### Why is my ratio high?\n\nDehydration.\n\n"
            "### What should I do if my ratio is high?\n\nDrink water.\n")
    assert lint(text, select=["FQ002"]) == []


def test_empty_and_bare_answers():
    text = ("## FAQ\n\n### What causes gout?\n\n### Can diet help?\n\nYes.\n\n"
            "### Is it hereditary?\n\nPartly: it runs in families.\n")
    assert [(f.code, f.line) for f in lint(text, select=["FQ003"])] == [("FQ003", 3), ("FQ003", 7)]


def test_list_of_linked_questions_is_not_an_faq_with_empty_answers():
    text = "## Related questions\n\n- [Is it serious?](/a)\n- [Can I run?](/b)\n"
    assert codes(lint(text, select=["FQ003"])) == []


# ---------------------------------------------------------------- FAQPage JSON-LD

def _json_ld(*questions, graph=False) -> str:
    import json

    faq = {"@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": q,
         "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in questions]}
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, faq]} if graph \
        else dict(faq, **{"@context": "https://schema.org"})
    return json.dumps(data, indent=2)


def _page(script: str, body: str = "") -> str:
    return (f"<!doctype html>\n<html><head><title>Knee twitching</title>\n"
            f"<script type=\"application/ld+json\">\n{script}\n</script>\n</head>\n"
            f"<body><main>\n<h1>Knee twitching</h1>\n{body}\n</main></body></html>\n")


STRESS = ("Stress can also cause twitching in the knee. Stress can cause the muscles to tense up, "
          "resulting in twitching and pain.")
BODY_HTML = (f"<h2>Stress</h2>\n<p>{STRESS}</p>\n<h2>Treatment</h2>\n<p>Rest and ice help "
             "most strains. See a doctor if the knee gives way or swells quickly.</p>\n")


def test_json_ld_faq_entries_and_positions():
    script = _json_ld(("Is it serious?", "<p>Usually <b>not</b>.</p><p>See a doctor if it "
                                          "spreads.</p>"), ("Can I run?", "Yes, gently."), graph=True)
    text = _page(script, BODY_HTML)
    doc = doc_of(text, fmt="html", path="page.html")
    assert len(doc.structured_data) == 1
    first, second = doc.faq
    assert first.source == second.source == "json-ld"
    assert first.answer.split("\n") == ["Usually not.", "See a doctor if it spreads."]
    lines = text.split("\n")
    for e in (first, second):  # the question's string, where it stands in the script
        assert lines[e.line - 1][e.col - 1:].startswith(e.question)
        assert e.section_line == 3  # the script's line
    assert second.answer_line == second.line + 3


def test_json_ld_faq_answer_text_is_plain():
    script = _json_ld(("Is it serious?", "<p>Usually not &amp; it passes.</p><ul><li>Rest</li>"
                                          "<li>Ice</li></ul>"))
    (e,) = doc_of(_page(script, BODY_HTML), fmt="html", path="page.html").faq
    assert e.answer.split("\n") == ["Usually not & it passes.", "Rest", "Ice"]


def test_json_ld_answer_repeating_the_body_and_another_answer():
    script = _json_ld(("Can stress cause knee twitching?", "Yes. " + STRESS),
                      ("Does stress make the knee twitch?", "Yes. " + STRESS))
    found = lint(_page(script, BODY_HTML), select=["duplicate-faq"], fmt="html")
    assert codes(found) == ["FQ001", "FQ001"]
    assert all("line 31 " in f.message for f in found)  # the Stress paragraph of the body


def test_json_ld_duplicate_question_and_empty_answer():
    script = _json_ld(("What causes knee twitching?", "Mostly tired or tense muscles."),
                      ("What causes knee twitching?", "Sometimes a pinched nerve in the back."),
                      ("Is it serious?", ""))
    found = lint(_page(script, BODY_HTML), select=["duplicate-faq"], fmt="html")
    assert sorted(codes(found)) == ["FQ002", "FQ003"]


def test_json_ld_faq_with_different_answers_is_clean():
    script = _json_ld(
        ("How long does stress-related twitching last?",
         "It usually settles within a few days once the stress eases."),
        ("When should I see a doctor?",
         "If the twitching lasts longer than two weeks or comes with weakness or numbness."),
        ("Can magnesium help?", "Low magnesium can cause cramps; a blood test shows whether "
                                "you are short of it."))
    assert lint(_page(script, BODY_HTML), select=["duplicate-faq"], fmt="html") == []


def test_json_ld_that_marks_up_the_visible_faq_is_not_a_second_faq():
    qa = [("Is it serious?", "Usually not. See a doctor if it spreads or comes with weakness."),
          ("Can I run?", "Yes, gently, once it no longer hurts to walk.")]
    visible = "<h2>FAQ</h2>\n" + "".join(f"<h3>{q}</h3>\n<p>{a}</p>\n" for q, a in qa)
    text = _page(_json_ld(*qa), BODY_HTML + visible)
    assert [e.source for e in doc_of(text, fmt="html", path="page.html").faq] == ["heading"] * 2
    assert lint(text, select=["duplicate-faq"], fmt="html") == []


@pytest.mark.parametrize("script", [
    '{"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Is it serious?",',
    "not json at all",
    "[" * 100_000,
    '{"@type": "HowTo", "name": "How to ice a knee?", "step": [{"@type": "HowToStep", '
    '"text": "Wrap ice in a towel."}, {"@type": "HowToStep", "text": "Wrap ice in a towel."}]}',
    '{"@type": "Article", "headline": "Is knee twitching serious?", "mainEntity": '
    '{"@type": "Question", "name": "Is it serious?", "acceptedAnswer": {"text": ""}}}',
])
def test_json_ld_that_is_not_a_faq_is_ignored(script):
    doc = doc_of(_page(script, BODY_HTML), fmt="html", path="page.html")
    assert doc.faq == []
    assert lint(_page(script, BODY_HTML), select=["duplicate-faq"], fmt="html") == []


def test_json_ld_faq_in_markdown():
    script = _json_ld(("Can stress cause knee twitching?", "Yes. " + STRESS),
                      ("Is it serious?", ""))
    text = BODY + f'<script type="application/ld+json">\n{script}\n</script>\n'
    found = lint(text, select=["duplicate-faq"])
    assert sorted(codes(found)) == ["FQ001", "FQ003"]
    fq001 = next(f for f in found if f.code == "FQ001")
    assert "lines 5–6 " in fq001.message
    assert text.split("\n")[fq001.line - 1].lstrip().startswith('"text": "Yes. Stress')


def test_other_scripts_stay_out_of_the_model():
    text = _page('{"@type": "Article"}', BODY_HTML + "<script>var q = 'Is it serious?';</script>")
    doc = doc_of(text, fmt="html", path="page.html")
    assert [t for _, _, t in doc.structured_data] == ['\n{"@type": "Article"}\n']
    assert not any("var q" in b.text for b in doc.flat)


# ---------------------------------------------------------------- FQ004 restated sub-headings

TREATMENT = """# Knee twitching

## How to treat knee twitching

The treatment for knee twitching depends on the underlying cause.

### 1. Rest and ice

Rest the knee and apply an ice pack for 15-20 minutes at a time.

### 2. Medication

Ibuprofen or acetaminophen can reduce pain and swelling.

### 3. Physical therapy

Exercises strengthen the muscles around the knee.

### 4. Surgery

Surgery may be needed when a nerve or tendon is badly damaged.

## FAQ

### How can I treat knee twitching?

{answer}
"""


def test_answer_that_lists_the_sub_headings():
    text = TREATMENT.format(answer="Treatment depends on the underlying cause. Common treatments "
                                   "include rest and ice, over-the-counter medications, physical "
                                   "therapy, and in some cases, surgery.")
    (f,) = lint(text, select=["FQ004"])
    assert f.line == 27
    assert '4 of the 4 sub-headings of the section "How to treat knee twitching" (line 3)' \
        in f.message


def test_answer_that_lists_most_sub_headings():
    text = TREATMENT.format(answer="Rest and ice, medication and physical therapy.")
    assert codes(lint(text, select=["FQ004"])) == ["FQ004"]


@pytest.mark.parametrize("answer", [
    # two of four: not most of them
    "Rest and ice, and physical therapy.",
    # names them, then says which one when: an answer
    "Start with rest and ice; if it is still there after a week, medication or physical "
    "therapy. Surgery is only for a torn tendon.",
    # something said of some of them and something else of others
    "Rest and ice and medication are enough for most people. Physical therapy and surgery "
    "are for nerve damage.",
    # adds its own advice
    "Rest and ice, medication, physical therapy or surgery; see a doctor if the knee swells "
    "or gives way.",
    # related but different: none of the headings
    "Most twitching stops by itself within a few days; magnesium-rich food may help.",
])
def test_answers_that_say_more_than_the_sub_headings(answer):
    assert lint(TREATMENT.format(answer=answer), select=["FQ004"]) == []


def test_sub_headings_below_the_faq_or_questions_are_not_an_outline():
    below = TREATMENT.split("## FAQ")
    faq_first = ("# Knee twitching\n\n## FAQ" + below[1].format(
        answer="Rest and ice, medication, physical therapy and surgery.")
        + below[0].split("\n", 1)[1])
    assert lint(faq_first, select=["FQ004"]) == []
    questions = TREATMENT.replace("### 1. Rest and ice", "### Does rest and ice help?")
    questions = questions.replace("### 2. Medication", "### Does medication help?")
    assert lint(questions.format(answer="Rest and ice, medication, physical therapy and surgery."),
                select=["FQ004"]) == []


def test_sub_headings_with_letters_and_subtitles():
    text = """# Vitamins for sciatica

## Vitamins that help

These vitamins support the nerves.

### Vitamin B12: the nerve protector

Text.

### Vitamin D: bones and muscles

Text.

### Omega-3 fatty acids

Text.

## FAQ

### Which vitamins help sciatica?

Vitamin B12, vitamin D and omega-3 fatty acids.
"""
    assert codes(lint(text, select=["FQ004"])) == ["FQ004"]


def test_faq_in_scraped_text_question_lines_with_their_answers():
    text = ("Acne\n\nChocolate and greasy food cause acne, so cutting them out of your diet is "
            "the quickest way to clear your skin.\n\nDaily care\n\nWash twice a day with a mild "
            "cleanser and lukewarm water.\n\nFrequently asked questions\n\n"
            "How long does treatment take?\nMost treatments take six to eight weeks to show a "
            "real improvement in the skin.\n\n"
            "Can diet affect acne?\nChocolate and greasy food cause acne, so cutting them out of "
            "your diet is the quickest way to clear your skin.\n\n"
            "About the author\nJenna is a beauty blogger who loves sharing tips with readers.\n")
    got = lint(text, select=["FQ001"], fmt="text")
    assert [(f.line, f.code) for f in got] == [(15, "FQ001")] and "line 3" in got[0].message


def test_answer_pasted_together_from_two_passages_apart():
    text = ("# Heartburn\n\nRaise the head of your bed by 10 to 20 centimetres so that gravity "
            "keeps acid in your stomach at night.\n\n## Food\n\nEat smaller meals.\n\n## Sleep\n\n"
            "Stop eating at least three hours before you lie down, because a full stomach pushes "
            "acid up into the food pipe.\n\n## FAQ\n\n### How can I stop heartburn at night?\n\n"
            "Stop eating at least three hours before you lie down, because a full stomach pushes "
            "acid up into the food pipe. Raise the head of your bed by 10 to 20 centimetres so "
            "that gravity keeps acid in your stomach at night.\n")
    (f,) = lint(text, select=["FQ001"])
    assert f.line == 17 and "line 3 and line 11" in f.message and "pasted together" in f.message


def test_an_answer_that_restates_a_passage_in_other_words():
    text = ("# Baby neck rash\n\nBaby neck rash is a common condition that manifests as red, "
            "irritated skin in the neck area of infants. Often resulting from moisture, friction, "
            "or infections, this condition can cause discomfort for babies.\n\n## Highlights\n\n"
            "- Prevention strategies for UTIs include staying hydrated, practicing good hygiene, "
            "urinating after sexual activity, and wearing breathable, cotton underwear.\n"
            "- Most rashes clear in a week.\n\n"
            "## FAQ\n\n### What is a baby neck rash?\n\nA baby neck rash is a common condition "
            "characterized by red, irritated skin in the neck area, often caused by moisture, "
            "friction, and sometimes infections in infants.\n\n### How can I prevent it?\n\n"
            "Preventing UTIs involves several key strategies, such as staying hydrated to flush "
            "out bacteria, urinating when needed (especially after sexual activity), maintaining "
            "good hygiene, and choosing breathable, cotton underwear.\n\n"
            "### When should I see a doctor?\n\n"
            "See a GP if the rash spreads, blisters, weeps or comes with a fever, or if your "
            "baby seems unwell or stops feeding.\n")
    found = [f for f in lint(text, select=["FQ001"])]
    assert [(f.line, "reworded" in f.message) for f in found] == [(14, True), (18, True)]
    assert "line 3 " in found[0].message and "line 7 " in found[1].message


def test_a_question_with_a_stray_letter_after_its_mark_is_a_question():
    from medlint.faq import is_question

    # real page (docus.ai): "### What exactly sets a bladder infection apart from other UTIs?n"
    assert is_question("What exactly sets a bladder infection apart from other UTIs?n")
    assert not is_question("What exactly sets a bladder infection apart")
    assert not is_question("Is it?no")


def test_an_answer_printed_twice_in_a_row():
    once = ("BV can lead to pelvic floor dysfunction, causing increased muscle tension and "
            "inflammation, which results in pelvic pain.")
    text = ("# BV\n\nBV is common.\n\n## FAQ\n\n### Does BV cause pelvic pain?\n\n" + once + once
            + "\n")
    found = [f for f in lint(text, select=["FQ001"])]
    assert len(found) == 1 and "printed twice" in found[0].message and found[0].line == 9
    # one copy: nothing to report
    assert lint(text.replace(once + once, once), select=["FQ001"]) == []


def test_a_balanced_rewording_of_a_body_paragraph():
    # the chickenpox FAQ of set 4: 9 content words shared, about half of each side
    text = ("# Chickenpox\n\n## Symptoms\n\nBefore the rash appears, your child may have a mild "
            "fever, aches, a headache and loss of appetite. The spots usually appear on the "
            "chest, back and face first, then spread over the body.\n\n## FAQ\n\n"
            "### What are the first signs of chickenpox?\n\nBefore any spots show up, your child "
            "may have a slight temperature, feel achy, have a headache and not want to eat. The "
            "spots tend to appear on the chest, back and face first before spreading.\n")
    (f,) = lint(text, select=["FQ001"])
    assert f.line == 11 and "reworded, what line 5" in f.message
    # off: only the strict test
    from medlint.config import from_mapping

    cfg = from_mapping({"rules": {"faq-answer-repeats": {"reworded_balanced": 0}}})
    assert lint(text, select=["FQ001"], config=cfg) == []


def test_a_related_answer_with_few_shared_words_is_not_a_rewording():
    text = ("# Athlete's foot\n\n## Prevention\n\nDry between your toes after washing, wear "
            "clean cotton socks and change them every day.\n\n## FAQ\n\n"
            "### Can I go swimming?\n\nYes. Wear flip-flops around the pool, dry your toes "
            "carefully afterwards and do not share towels.\n")
    assert lint(text, select=["FQ001"]) == []


def test_two_questions_asking_how_the_same_things_differ():
    text = ("# Bladder infection vs UTI\n\n## FAQ\n\n### What are the main differences between a "
            "bladder infection and a UTI?\n\nA bladder infection affects only the bladder.\n\n"
            "### What exactly sets a bladder infection apart from other UTIs?\n\nThe main "
            "difference lies in where the infection is.\n")
    found = [f for f in lint(text, select=["FQ002"])]
    assert [f.code for f in found] == ["FQ002"]
    assert (found[0].line, found[0].end_line) == (9, 11) and "line 5" in found[0].message
    # the same question about other things is another question
    other = text.replace("apart from other UTIs", "apart from a kidney infection")
    assert not lint(other, select=["FQ002"])
