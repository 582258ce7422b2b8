"""Seed-shaped regression sets: articles written to the seeds' pattern by evaluators who had not
read medlint's rules (labelled like shared/seeds/expected.yaml), then used to find what medlint
missed.

- tests/fixtures/seed-shaped: ten articles (Hugo posts and scraped text);
- tests/fixtures/seed-shaped-3: twelve more (Hugo and Jekyll posts, scraped text, whole HTML
  pages, and one carefully written article that tests precision);
- tests/fixtures/seed-shaped-4: ten more, written for varied phrasings (held out until it was
  first scored: must 33/56 then);
- benchmarks/eval/blind5 to blind9: ten each, written blind (first scored must 44/71,
  66/89, 70/102, 68/95 and 79/107).

Every ``must_not`` holds; every ``must`` is met except the misses listed here, each with the
reason it is left."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import TODAY, lint

FIXTURES = Path(__file__).parent / "fixtures"
_EVAL = Path(__file__).parent.parent / "benchmarks" / "eval"
FOLDERS = {"seed-shaped": FIXTURES / "seed-shaped", "seed-shaped-3": FIXTURES / "seed-shaped-3",
           "seed-shaped-4": FIXTURES / "seed-shaped-4", "blind5": _EVAL / "blind5",
           "blind6": _EVAL / "blind6", "blind7": _EVAL / "blind7", "blind8": _EVAL / "blind8",
           "blind9": _EVAL / "blind9"}
EXPECTED = {s: yaml.safe_load((d / "expected.yaml").read_text(encoding="utf-8"))
            for s, d in FOLDERS.items()}
# `must` entries medlint does not find yet, as (set, file, category, line), with the reason
KNOWN_MISSES: set = {
    # how often, with the FAQ's question as the only subject ("Once a day is plenty")
    ("blind6", "eczema-in-babies.md", "contradictory-advice", 74),
    # two times with conditions of their own ("until your symptoms have stopped" / "as soon
    # as you feel able to")
    ("blind6", "food-poisoning.txt", "contradictory-advice", 48),
    # a fact said twice in opposite ways (teething and fever, hand gels and norovirus, one
    # application or two, who in the household to treat): no frame for facts of this kind
    ("blind7", "teething-symptoms-and-remedies.md", "contradictory-advice", 90),
    ("blind7", "norovirus-winter-vomiting-bug.txt", "contradictory-advice", 55),
    ("blind7", "scabies.html", "contradictory-advice", 67),
    ("blind7", "scabies.html", "contradictory-advice", 80),
    # the course said with "the whole thing" as its subject and "between 1 and 3 years"; a
    # product's promise against the course ("clear nails in just 2 weeks")
    ("blind7", "frozen-shoulder.md", "contradictory-advice", 95),
    ("blind7", "fungal-nail-infection.txt", "contradictory-advice", 32),
    # share buttons inside a whole HTML page's <article> (a live page's own buttons are left
    # alone); "a simple week of meals" with Monday to Friday
    ("blind7", "scabies.html", "structure", 84),
    ("blind7", "type-2-diabetes-diet.html", "missing-list-items", 76),
    # set 8: a steam "kills the bacteria and viruses ... within minutes" with a cited review
    # in the article; a child's antibiotic dose with no prescriber; facts said twice in
    # opposite ways (antibiotics needed or not, "hair of the dog", antibiotics that do or do
    # not work, a moisturiser used or avoided, a swimming verruca covered or not, improving
    # in 30 minutes against 999 after 2 hours); a table's time against the text's; a finish
    # the course FAQ against stopping a cream; a paragraph repeated with a few words changed;
    # a next-review date in an HTML page's footer (footers are dropped as page chrome)
    ("blind8", "sinusitis-home-remedies.md", "unsupported-claim", 59),
    ("blind8", "sinusitis-home-remedies.md", "contradictory-advice", 96),
    ("blind8", "2021-05-14-impetigo-in-children.md", "safety", 43),
    ("blind8", "2021-05-14-impetigo-in-children.md", "contradictory-advice", 79),
    ("blind8", "best-hangover-cures.md", "contradictory-advice", 83),
    ("blind8", "motion-sickness.md", "contradictory-advice", 68),
    ("blind8", "warts-and-verrucas.txt", "structure", 54),
    ("blind8", "warts-and-verrucas.txt", "contradictory-advice", 58),
    ("blind8", "heat-exhaustion-and-heatstroke.txt", "contradictory-advice", 61),
    ("blind8", "glandular-fever.txt", "contradictory-advice", 44),
    ("blind8", "rosacea.html", "contradictory-advice", 74),
    ("blind8", "lyme-disease.html", "metadata", 79),
    # set 9 (written last, eighteen left): contradictions between the FAQ and the body about
    # wipes, hydrocortisone, hot water, days per time zone, wine, compress times, evening
    # drinks and telling the DVLA; "8 ... ways" over six numbered tips written as headings
    # inside the title's count; a child's melatonin or desmopressin dose with no prescriber,
    # aspirin in an article that names no child near it; exact statistics of a child
    # population; a lead-in followed by a "Related Posts" widget; "causes dementia" stated
    # as a plain fact
    ("blind9", "nappy-rash.md", "contradictory-advice", 80),
    ("blind9", "nappy-rash.md", "contradictory-advice", 84),
    ("blind9", "chilblains.md", "contradictory-advice", 60),
    ("blind9", "jet-lag.md", "missing-list-items", 38),
    ("blind9", "jet-lag.md", "safety", 56),
    ("blind9", "jet-lag.md", "contradictory-advice", 74),
    ("blind9", "jet-lag.md", "contradictory-advice", 88),
    ("blind9", "hand-foot-and-mouth-disease.md", "safety", 39),
    ("blind9", "dry-eye-syndrome.txt", "contradictory-advice", 46),
    ("blind9", "bedwetting-in-children.txt", "unsupported-claim", 11),
    ("blind9", "bedwetting-in-children.txt", "safety", 52),
    ("blind9", "bedwetting-in-children.txt", "contradictory-advice", 58),
    ("blind9", "night-leg-cramps.txt", "missing-list-items", 54),
    ("blind9", "sleep-apnoea.html", "unsupported-claim", 43),
    ("blind9", "sleep-apnoea.html", "contradictory-advice", 73),
}
# must_not entries medlint still hits, with the reason
KNOWN_FALSE: set = {
    # a 36-word sentence (RD002, info) on the line where the label says "OA" is defined
    ("blind7", "knee-osteoarthritis.md", "readability", 15),
}
_CACHE: dict[tuple, list] = {}


def _findings(folder: str, name: str):
    if (folder, name) not in _CACHE:
        path = FOLDERS[folder] / name
        fmt = {".txt": "text", ".html": "html"}.get(path.suffix, "markdown")
        _CACHE[folder, name] = lint(path.read_bytes(), fmt=fmt, today=TODAY, path=str(path))
    return _CACHE[folder, name]


def _hit(findings, e) -> bool:
    return any(f.category == e["category"] and (
        e["line"] == "any" or f.line - 1 <= e["line"] <= f.end_line + 1) for f in findings)


def _entries(kind: str):
    for folder, expected in EXPECTED.items():
        for name, spec in expected.items():
            for e in spec.get(kind) or []:
                yield pytest.param(folder, name, e,
                                   id=f"{folder}:{name}:{e['category']}:{e['line']}")


@pytest.mark.parametrize("folder,name,entry", list(_entries("must")))
def test_must(folder, name, entry):
    missed = (folder, name, entry["category"], entry["line"]) in KNOWN_MISSES
    assert _hit(_findings(folder, name), entry) != missed, (
        "now found: remove it from KNOWN_MISSES" if missed else entry["why"])


@pytest.mark.parametrize("folder,name,entry", list(_entries("must_not")))
def test_must_not(folder, name, entry):
    known = (folder, name, entry["category"], entry["line"]) in KNOWN_FALSE
    assert _hit(_findings(folder, name), entry) == known, (
        "no longer hit: remove it from KNOWN_FALSE" if known else entry["why"])
