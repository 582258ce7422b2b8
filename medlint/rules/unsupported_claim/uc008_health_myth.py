from ...model import Severity
from ..safety.sf006_harmful_advice import HarmfulAdvice


class HealthMyth(HarmfulAdvice):
    """Read like SF006's advice entries: a claim pattern, the words every claim holds, what
    it is about, what makes it the true version, and a refusal or myth frame around it."""

    code = "UC008"
    name = "health-myth"
    category = "unsupported-claim"
    severity = Severity.WARNING
    summary = "A health myth stated as fact: 'teething causes high fevers', 'vaccines cause autism'."
    what = """
    A sentence that states as fact one of the claims in the rule pack's `myths` list, each
    a belief that national guidance or systematic reviews say is false: teething causes
    high fevers, chocolate or greasy food causes acne, dirt or poor hygiene causes acne,
    antibiotics treat colds, flu or other viral infections, vaccines cause autism, the flu
    vaccine gives you flu, antiperspirants cause breast cancer.

    The claim must be made, not refuted: a sentence with a refusal or myth cue ("not",
    "no evidence", "myth", "some people believe" ...), a question, and a sentence under a
    heading such as "Myths" or "Common misconceptions" are not reported. Each entry's
    `unless` holds the words of the true version ("a slightly raised temperature",
    "bacterial infections"). Add entries, or replace the list, in your configuration
    (`rules/claims.yaml`, `health-myth`).
    """
    why = """
    A myth stated as fact misleads the reader twice: it gives a false cause or cure, and it
    hides the real one. A baby's high temperature put down to teething goes unchecked; an
    antibiotic taken for a cold does nothing for it and breeds resistance. A health article
    must not repeat these beliefs as established fact, with or without a source.
    """
    standard = ("HONcode principle 5 (justifiability: claims backed by balanced evidence) and "
                "DISCERN item 5 (balanced and unbiased); the guidance each entry cites: NHS, "
                "NICE CKS, CDC, WHO, Cancer Research UK.")
    cite = "HONcode 5; DISCERN 5"
    pack = "claims.yaml"
    options = {"myths": [], "refusal_pattern": "", "refusal_after": "", "refusal_headings": ""}
    entries_option = "myths"
    refusal_in_clause = True
    finding_says = "states a health myth as fact"
    bad = """# Teething

Teething causes high fevers in many toddlers, so a temperature while a tooth comes
through is nothing to worry about.
"""
    good = """# Teething

Teething can make a baby's temperature rise slightly, but it does not cause a fever
(38C or above): a baby with a fever is ill for another reason.
"""
