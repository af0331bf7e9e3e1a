"""ncos.law: the child-offender registration law of the Australian jurisdictions, as code.

Pure Python: no Django, no database, no clock, no network. `assess(case)` answers the contract in
`shared/spec/assessment.md`: is the person registrable, each offence's class, the reporting period,
every obligation with its due date and status, and the explanation with the sections relied on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

from ncos.law.answer import (
    ENGINE_VERSION,
    LIFE,
    Answer,
    AnswerBuilder,
    Manner,
    Obligation,
    Period,
    Status,
)
from ncos.law.contract import CaseError, parse_case
from ncos.law.explain import Citation, Instrument, Step, Trace
from ncos.law.facts import Case, Event, Offence, OffenceClass, Person

__all__ = [
    "ENGINE_VERSION",
    "LIFE",
    "Answer",
    "AnswerBuilder",
    "Case",
    "CaseError",
    "Citation",
    "Event",
    "Instrument",
    "Manner",
    "Obligation",
    "Offence",
    "OffenceClass",
    "Period",
    "Person",
    "Status",
    "Step",
    "Trace",
    "assess",
    "assess_case",
    "parse_case",
]


def assess_case(case: Case) -> Answer:
    """Apply the law of `case.jurisdiction` to parsed facts."""
    from ncos.law.jurisdictions.registry import get

    answer = get(case.jurisdiction).assess(case)
    if answer.jurisdiction != case.jurisdiction:
        raise RuntimeError(f"{case.jurisdiction} law answered for {answer.jurisdiction}")
    return answer


def _assess_one(case: object) -> dict[str, Any]:
    return assess_case(parse_case(case)).to_dict()


@overload
def assess(case: Mapping[str, Any]) -> dict[str, Any]: ...
@overload
def assess(case: list[Any]) -> list[dict[str, Any]]: ...
def assess(case: Mapping[str, Any] | list[Any]) -> dict[str, Any] | list[dict[str, Any]]:
    """Answer one case (a dict) or several (a list, answered in order).

    A malformed case raises `CaseError`; in a list, its `field` starts with the case's index
    (``"[2].as_of"``).
    """
    if isinstance(case, list):
        answers: list[dict[str, Any]] = []
        for i, one in enumerate(case):
            try:
                answers.append(_assess_one(one))
            except CaseError as exc:
                raise exc.within(f"[{i}]") from None
        return answers
    return _assess_one(case)
