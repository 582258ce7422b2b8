"""Language rules: stigmatising and person-first wording, with clinical exceptions."""

from __future__ import annotations

from medlint.config import from_mapping
from medlint.rules.registry import lookup

from .conftest import codes, lint


def _lg(text, key="LG002", config=None):
    return codes(lint(f"# T\n\n{text}\n", select=[key], config=config))


def test_person_first_is_on_by_default_and_info():
    r = lookup("LG001")[0]
    assert r.enabled_by_default and str(r.severity) == "info"
    assert str(lookup("LG002")[0].severity) == "info"


def test_condition_labels_and_clinical_adjectives():
    assert _lg("Diabetics should check their feet.", "LG001") == ["LG001"]
    assert _lg("Epileptics may not drive.", "LG001") == ["LG001"]
    for ok in ("Diabetic neuropathy affects the feet.", "Check for diabetic foot ulcers.",
               "Diabetic retinopathy needs eye tests.", "Disabled people can get help."):
        assert _lg(ok, "LG001") == [], ok
    # disputed entries only on request
    assert _lg("Diabetic patients need checks.", "LG001") == []
    cfg = from_mapping({"rules": {"person-first-language": {"include_disputed": True}}})
    assert _lg("Diabetic patients need checks.", "LG001", cfg) == ["LG001"]


def test_stigmatising_terms_and_exceptions():
    for bad in ("She suffers from asthma.", "He is wheelchair-bound.", "Help for addicts.",
                "Care for the elderly.", "He committed suicide.", "An alcoholic needs help."):
        assert _lg(bad) == ["LG002"], bad
    for ok in ("Avoid alcoholic drinks.", "Alcoholic liver disease is serious.",
               "She was a victim of crime.", "Alcoholics Anonymous meets weekly.",
               "Addiction is treatable.", "Senile purpura is harmless.",
               "Substance abuse services can help."):  # disputed: off by default
        assert _lg(ok) == [], ok


def test_reported_once_per_term_with_its_source():
    found = lint("# T\n\nPeople suffering from gout. Others suffer from it too.\n",
                 select=["LG002"])
    assert len(found) == 1 and "NHS-inclusive" in found[0].message


def test_condition_victims_and_quoted_words():
    # seed-shaped sets: "concussion victims", "Carpal tunnel victims", "Victims of vertigo"
    # (the "victim of" pattern never matched before: a space before its lookahead)
    for text, term in (("We see concussion victims sent back onto the pitch.", "concussion"),
                       ("Carpal tunnel victims often wake up at night.", "Carpal tunnel"),
                       ("Victims of vertigo often feel anxious.", "Victims of"),
                       ("Stroke victims need rehabilitation.", "Stroke victims")):
        found = lint(f"# Health\n\n{text}\n", select=["LG002"])
        assert codes(found) == ["LG002"] and term in found[0].message, text
    for text in ("Victims of crime and flood victims need support.",
                 "No longer a victim of uncertainty, I moved on.",
                 "The victims were farmers.",
                 '"Some days I felt like a victim of my own stomach," one patient told us.',
                 'One mother said: "my son is a concussion victim and nobody helped".'):
        assert not lint(f"# Health\n\n{text}\n", select=["LG002"]), text


def test_once_per_term_in_the_front_matter_the_title_and_the_body():
    text = ("---\ntitle: \"Help for hay fever sufferers\"\ndescription: Tips for sufferers\n---\n\n"
            "# Dehydration in the elderly\n\nThe elderly drink less. The elderly also sweat "
            "less. Hay fever sufferers sneeze.\n")
    found = lint(text, select=["LG002"])
    # the front matter once (title and description are one place), the title, the body
    where = sorted((f.line, f.column) for f in found)
    assert where == [(2, 28), (6, 18), (8, 1), (8, 64)], where
    # a scraped text's first line is its title
    txt = lint("Dehydration in the Elderly\n\nThe elderly drink less.\n", select=["LG002"],
               fmt="text")
    assert [f.line for f in txt] == [1, 3]
    # section headings are a place of their own
    body = lint("# Eczema\n\n## Babies who suffer from eczema\n\nBabies who suffer from "
                "eczema wake often. Adults who suffer from it sleep badly.\n",
                select=["LG002"])
    assert [f.line for f in body] == [3, 5]


def test_obese_people_is_reported_by_default():
    found = lint("# Veins\n\nObese people are more likely to get varicose veins.\n",
                 select=["LG002"])
    assert codes(found) == ["LG002"] and "people with obesity" in found[0].message


def test_elderly_as_a_noun_in_a_list():
    found = lint("# Heat\n\nBe aware of personal risk: children, elderly, those with chronic "
                 "illness.\n", select=["LG002"])
    assert codes(found) == ["LG002"] and "older people" in found[0].message
    assert lint("# Heat\n\nElderly or chronically ill travellers should rest.\n",
                select=["LG002"]) == []
