"""front-matter rules, including the seed expectations for this category."""

from __future__ import annotations

import yaml

from medlint.config import from_mapping

from .conftest import SEEDS, codes, lint


def seed_findings(name, category):
    data = (SEEDS / name).read_bytes()
    fmt = "text" if name.endswith(".txt") else "markdown"
    return [f for f in lint(data, fmt=fmt, path=name) if f.category == category]


def test_seed_expectations_for_front_matter():
    exp = yaml.safe_load((SEEDS / "expected.yaml").read_text())
    for name, kinds in exp.items():
        got = seed_findings(name, "front-matter")
        for kind in ("must", "should"):
            for e in kinds.get(kind) or []:
                if e["category"] != "front-matter":
                    continue
                hit = [f for f in got if f.line - 1 <= e["line"] <= f.end_line + 1]
                assert hit, f"{name}: {kind} front-matter at line {e['line']}: {e['why']}"
                if "ref" in e:
                    assert f"line {e['ref']}" in hit[0].message
        for e in kinds.get("must_not") or []:
            if e["category"] == "front-matter":
                assert not [f for f in got if f.line - 1 <= e["line"] <= f.end_line + 1]


def test_duplicate_key_equal_values_says_so():
    f = lint("---\ntitle: a\ntitle: a\n---\n", select=["FM002"])[0]
    assert (f.line, f.column) == (3, 1) and "same value" in f.message and "line 2" in f.message


def test_duplicate_key_nested_and_in_list_items():
    text = "---\ncover:\n  image: a.png\n  image: b.png\nfaq:\n  - q: x\n    q: y\n---\n"
    got = lint(text, select=["FM002"])
    assert [(f.line, f.column) for f in got] == [(4, 3), (7, 5)]
    assert "cover.image" in got[0].message and "conflicting" in got[0].message


def test_invalid_yaml_is_reported_at_the_parser_position():
    got = lint("---\ntitle: Knee pain: causes\n---\nBody\n", select=["FM001"])
    assert len(got) == 1 and got[0].line == 2 and got[0].severity.name == "ERROR"


def test_alias_bomb_is_not_expanded():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=False)) + "---\nBody\n"
    got = lint(bomb, select=["FM"])
    assert isinstance(got, list)  # finishes quickly; nothing explodes


def test_empty_fields_and_non_content_fields():
    text = "---\ntitle: ''\ndescription:\ntags: []\naliases:\nweight:\n---\n"
    got = lint(text, select=["FM003"])
    assert [f.line for f in got] == [2, 3, 4]


def test_missing_required_field_configurable():
    assert codes(lint("---\ndate: 2024-01-01\n---\n", select=["FM004"])) == ["FM004"]
    assert lint("No front matter at all.\n", select=["FM004"]) == []
    cfg = from_mapping({"rules": {"front-matter-missing-field": {"required": ["title", "author"]}}})
    got = lint("---\ntitle: x\n---\n", select=["FM004"], config=cfg)
    assert len(got) == 1 and "author" in got[0].message


def test_wrong_types():
    text = ("---\ndate: 2024-02-30\nlastmod: '2024-03-01T10:00:00Z'\ntags: knee\n"
            "keywords: knee, leg\naliases: /old\ndraft: 'false'\npublished: true\n"
            "next_review: March 2027\n---\n")
    got = lint(text, select=["FM005"])
    assert [f.line for f in got] == [2, 5, 6, 7]  # tags as a string is fine (Jekyll)


def test_jekyll_and_hugo_date_formats_are_dates():
    for value in ("2013-10-01 12:00:00 -0400", "2024-01-05T08:00:00+05:30", "Jan 5, 2024",
                  "5 January 2024", "2024/01/05"):
        assert lint(f"---\ndate: {value}\n---\n", select=["FM005"]) == [], value


def test_unclosed_front_matter_is_still_checked_and_a_second_error_is_reported():
    # the keys of an unclosed front matter are read: the other front-matter rules see them
    text = "---\ntitle: Knee\nlast_reviewed: 2025\u201111\u201110\n\n## Overview\n\nText.\n"
    assert [(f.code, f.line) for f in lint(text, select=["front-matter"])] == [
        ("FM001", 1), ("FM005", 3)]
    # unclosed and not YAML either: both errors, and no rule reads the broken keys
    text = "---\ntitle: Knee: causes\ndescription: \"\"\n\n## Overview\n\nText.\n"
    found = lint(text, select=["front-matter"])
    assert [(f.code, f.line) for f in found] == [("FM001", 1), ("FM001", 2)]
    assert found[0].message.startswith("the front matter opened with '---' on line 1 is never "
                                       "closed (medlint read lines 2-4")


def test_urls_and_dates_of_front_matter_that_does_not_load():
    # corpus (healthcare-chatbot first-aid pages): YAML that does not load, whose dates and
    # source URLs are written with U+2011 non-breaking hyphens
    text = ("---\ntitle: Heat stroke\nlast_reviewed: 2025\u201111\u201110\nsources:\n"
            "  - name: NHS\n    url: https://www.nhs.uk/conditions/heat\u2011exhaustion/\n"
            "bad: [unclosed\n---\n\n# Heat stroke\n\nCool the person down.\n")
    found = lint(text, select=["FM005", "LK005"])
    assert [(f.code, f.line) for f in found] == [("FM005", 3), ("LK005", 6)]
    assert "U+2011" in found[0].message and "U+2011" in found[1].message
    # a readable front matter: the usual checks, no double report
    ok = text.replace("bad: [unclosed\n", "")
    assert [(f.code, f.line) for f in lint(ok, select=["FM005", "LK005"])] == [
        ("FM005", 3), ("LK005", 6)]
    assert not lint(ok.replace("\u2011", "-"), select=["FM005", "LK005"])


def test_comma_separated_taxonomies_quoted_weights_and_empty_reviewers():
    # seed-shaped set 3: "tags: gout, diet, home remedies", 'weight: "5"', 'reviewer: ""'
    text = ('---\ntitle: Gout\ntags: gout, diet, home remedies\nweight: "5"\nreviewer: ""\n---\n\n'
            "Gout is painful.\n")
    found = lint(text, select=["FM003", "FM005"])
    assert [(f.code, f.line) for f in found] == [("FM005", 3), ("FM005", 4), ("FM003", 5)]
    ok = '---\ntitle: Gout\ntags: gout diet\nweight: 5\nreviewer: "Dr A. Rao"\n---\n\nGout.\n'
    assert not lint(ok, select=["FM003", "FM005"])


def test_hotlinked_images_in_front_matter_that_does_not_load():
    # sets 4 and 5: an unquoted colon in the title breaks the YAML; the image fields are
    # still read line by line
    text = ("---\ntitle: Hiccups: 12 Tricks\nimage: https://th.bing.com/th/id/OIP.hK3vX8dQ?pid="
            "ImgDet\n---\n\nHiccups are common.\n")
    found = lint(text, select=["EM007"])
    assert [(f.code, f.line) for f in found] == [("EM007", 3)]


def test_the_title_of_front_matter_that_does_not_load():
    from .conftest import doc_of

    doc = doc_of('---\ntitle: "Lower Back Pain Relief at Home"\ndescription: Back pain: causes\n'
                 "---\n\nText.\n")
    assert doc.front_matter.unreadable and doc.title == "Lower Back Pain Relief at Home"


def test_an_off_topic_category_on_a_health_article():
    page = ('---\ntitle: "Young Children\'s Nutrition"\ncategories: "Gardening"\ntags: [baby, '
            'writing]\n---\n\nBreast milk or formula gives babies all they need.\n')
    found = lint(page, select=["FM007"])
    assert [(f.line, f.column) for f in found] == [(3, 14), (4, 14)]
    # an article that names the subject itself is filed where it belongs
    assert not lint('---\ntitle: "Gardening injuries"\ncategories: "Gardening"\n---\n\nBack pain '
                    'after a day in the garden is common.\n', select=["FM007"])
