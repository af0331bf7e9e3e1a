"""Offence classes under the national model (the model's schedules, as ACT s 10 and sch 1-2 state
them).

In order: (1) the class the registrar records for the offence under the jurisdiction's own
schedules (offence field ``offence_class``) — the model's schedules are the jurisdiction's, which
are not encoded yet; (2) an offence against NSW law, by the NSW catalogue; (3) any other offence
(ACT law, Commonwealth law, or another law with its ACT equivalent given) by the ACT catalogue. An
Act named without its jurisdiction is read as the law of the jurisdiction of conviction, or of the
jurisdiction applied when none is given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ncos.law.catalogue import Classification, OffenceClass, classify, offence_facts, parse_act
from ncos.law.explain import NATIONAL_MODEL_ASSUMPTION, Citation
from ncos.law.facts import Case, Offence
from ncos.law.jurisdictions.national.common import catalogue_citation, model

_CLASSES: tuple[OffenceClass, ...] = ("class1", "class2", "none")
_WORDS = {
    "class1": "a class 1 offence",
    "class2": "a class 2 offence",
    "none": "not a class 1 or class 2 offence",
}


@dataclass(frozen=True, slots=True)
class ClassifiedOffence:
    offence: Offence
    offence_class: OffenceClass
    text: str
    citations: tuple[Citation, ...]
    classification: Classification | None = None


def _join(steps: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return " ".join(text for text, _ in steps)


def classify_offence(case: Case, offence: Offence) -> ClassifiedOffence:
    asserted = offence.extra.get("offence_class")
    if isinstance(asserted, str) and asserted in _CLASSES:
        cls = next(c for c in _CLASSES if c == asserted)
        text = (
            f"{offence.ref} ({offence.act} {offence.provision}) is recorded by the registrar as "
            f"{_WORDS[cls]} under the jurisdiction's own schedules; the national model takes "
            "that class."
        )
        return ClassifiedOffence(offence, cls, text, model("s 10"))
    facts = offence_facts(offence, case.person)
    if facts.jurisdiction_of_conviction is None:
        facts = replace(facts, jurisdiction_of_conviction=case.jurisdiction)
    law = parse_act(offence.act).jurisdiction
    catalogue = (
        "NSW"
        if law == "NSW" or (law is None and facts.jurisdiction_of_conviction == "NSW")
        else "ACT"
    )
    result = classify(catalogue, offence.act, offence.provision, facts)
    sections = tuple(dict.fromkeys(s for _, secs in result.steps for s in secs))
    citations = (
        *(catalogue_citation(catalogue, s) for s in sections),
        NATIONAL_MODEL_ASSUMPTION,
    )
    text = (
        f"{offence.ref}: {_join(result.steps)} Under the national model it is "
        f"{_WORDS[result.offence_class]}."
    )
    return ClassifiedOffence(offence, result.offence_class, text, citations, result)
