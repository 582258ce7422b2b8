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
