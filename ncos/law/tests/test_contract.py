"""The contract's case parsing: what is accepted, what is a malformed case, and where."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from ncos.law import CaseError, assess, parse_case
from ncos.law.answer import LIFE, Period
from ncos.law.testing import make_case


def _error(case: Any) -> CaseError:
    with pytest.raises(CaseError) as info:
        parse_case(case)
    return info.value


def test_contract_example_parses() -> None:
    case = parse_case(
        {
            "jurisdiction": "ACT",
            "as_of": "2026-03-01",
            "person": {"date_of_birth": "1985-06-30"},
            "offences": [
                {
                    "ref": "o1",
                    "act": "Crimes Act 1900 (ACT)",
                    "provision": "s 61",
                    "description": "free text, ignored by the engine",
                    "date_committed": "2023-02-11",
                    "victim": "V1",
                    "date_found_guilty": "2024-05-02",
                    "date_sentenced": "2024-07-19",
                    "custodial": True,
                    "custody_release_date": "2025-01-10",
                    "jurisdiction_of_conviction": "ACT",
                }
            ],
            "events": [
                {"type": "first_report", "date": "2025-01-14"},
                {"type": "change_of_details", "kind": "address", "date": "2026-02-20"},
                {
                    "type": "change_of_details",
                    "kind": "child_contact",
                    "datetime": "2026-02-20T15:30:00+11:00",
                },
                {
                    "type": "travel_intent",
                    "depart": "2026-04-10",
                    "return": "2026-04-30",
                    "destination": "NSW",
                },
                {"type": "entered_custody", "date": "2026-05-01"},
                {"type": "left_custody", "date": "2026-05-20"},
            ],
        }
    )
    o = case.offences[0]
    assert o.custodial
    assert o.custody_release_date == date(2025, 1, 10)
    assert case.events[2].datetime == datetime.fromisoformat("2026-02-20T15:30:00+11:00")
    assert case.events[2].day == date(2026, 2, 20)
    assert case.events[3].return_ == date(2026, 4, 30)
    assert case.events[3].destination == "NSW"


def test_unknown_fields_are_ignored_but_kept() -> None:
    case = parse_case(make_case(nickname="J") | {"colour": "blue"})
    assert case.person.extra["nickname"] == "J"
    assert case.extra["colour"] == "blue"


def test_datetime_day_is_local_to_jurisdiction() -> None:
    case = parse_case(
        make_case(
            events=[
                {"type": "change_of_details", "kind": "address", "datetime": "2026-02-20T14:00:00Z"}
            ]
        )
    )
    assert case.events[0].day == date(2026, 2, 21)


def test_offence_ref_defaults_to_position() -> None:
    case = parse_case(make_case(offences=[{"act": "A", "provision": "s 1"}]))
    assert case.offences[0].ref == "o1"


def test_dates_as_python_dates_are_accepted() -> None:
    case = parse_case(make_case() | {"as_of": date(2026, 3, 1)})
    assert case.as_of == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ({"as_of": "2026-03-01", "person": {"date_of_birth": "1985-06-30"}}, "jurisdiction"),
        (make_case(jurisdiction="NZ"), "jurisdiction"),
        (make_case(jurisdiction=""), "jurisdiction"),
        ({"jurisdiction": "ACT", "person": {"date_of_birth": "1985-06-30"}}, "as_of"),
        (make_case(as_of="2026-13-01"), "as_of"),
        (make_case(as_of="01/03/2026"), "as_of"),
        (make_case(as_of="20260301"), "as_of"),
        (make_case(as_of="2026-03-01T10:00:00+11:00"), "as_of"),
        ({"jurisdiction": "ACT", "as_of": "2026-03-01"}, "person"),
        (make_case() | {"person": {}}, "person.date_of_birth"),
        (make_case() | {"person": "J"}, "person"),
        (make_case(date_of_birth="1985-02-29"), "person.date_of_birth"),
        (make_case() | {"offences": {"ref": "o1"}}, "offences"),
        (make_case() | {"offences": "o1"}, "offences"),
        (make_case() | {"events": {}}, "events"),
        (make_case(offences=[{"act": "A"}]), "offences[0].provision"),
        (make_case(offences=[{"provision": "s 1"}]), "offences[0].act"),
        (make_case(offences=[["A", "s 1"]]), "offences[0]"),
        (
            make_case(offences=[{"act": "A", "provision": "s 1", "date_sentenced": "2024-7-19"}]),
            "offences[0].date_sentenced",
        ),
        (
            make_case(offences=[{"act": "A", "provision": "s 1", "custodial": "yes"}]),
            "offences[0].custodial",
        ),
        (
            make_case(offences=[{"act": "A", "provision": "s 1", "victim_age": -3}]),
            "offences[0].victim_age",
        ),
        (
            make_case(
                offences=[
                    {
                        "act": "A",
                        "provision": "s 1",
                        "date_sentenced": "2024-07-19",
                        "custody_release_date": "2024-07-01",
                    }
                ]
            ),
            "offences[0].custody_release_date",
        ),
        (
            make_case(
                offences=[
                    {"ref": "o1", "act": "A", "provision": "s 1"},
                    {"ref": "o1", "act": "B", "provision": "s 2"},
                ]
            ),
            "offences[1].ref",
        ),
        (make_case(events=[{"date": "2026-01-01"}]), "events[0].type"),
        (make_case(events=[{"type": "teleported", "date": "2026-01-01"}]), "events[0].type"),
        (make_case(events=[{"type": "first_report"}]), "events[0].date"),
        (make_case(events=[{"type": "first_report", "date": "2026-02-31"}]), "events[0].date"),
        (
            make_case(
                events=[
                    {
                        "type": "change_of_details",
                        "kind": "address",
                        "datetime": "2026-02-20T15:30:00",
                    }
                ]
            ),
            "events[0].datetime",
        ),
        (make_case(events=[{"type": "change_of_details", "date": "2026-02-20"}]), "events[0].kind"),
        (
            make_case(events=[{"type": "change_of_details", "kind": "hair", "date": "2026-02-20"}]),
            "events[0].kind",
        ),
        (make_case(events=[{"type": "travel_intent", "destination": "NSW"}]), "events[0].depart"),
        (
            make_case(events=[{"type": "travel_intent", "depart": "2026-04-10"}]),
            "events[0].destination",
        ),
        (
            make_case(
                events=[
                    {
                        "type": "travel_intent",
                        "depart": "2026-04-10",
                        "return": "2026-04-01",
                        "destination": "NSW",
                    }
                ]
            ),
            "events[0].return",
        ),
        (make_case(events=[{"type": "finding_quashed", "date": "2026-01-01"}]), "events[0].ref"),
        (make_case(events=[{"type": "finding_quashed", "ref": "o9"}]), "events[0].ref"),
        (
            make_case(
                events=[
                    {"type": "corresponding_offender", "date": "2026-01-01", "period": "15 years"}
                ]
            ),
            "events[0].period",
        ),
        (
            make_case(
                events=[
                    {
                        "type": "first_report",
                        "date": "2026-02-21",
                        "datetime": "2026-02-20T10:00:00+11:00",
                    }
                ]
            ),
            "events[0].date",
        ),
        ([1, 2], ""),
        ("ACT", ""),
    ],
)
def test_malformed_cases(case: Any, field: str) -> None:
    err = _error(case)
    assert err.field == field, err.message
    assert err.to_dict() == {"error": err.message, "field": field}
    assert err.message


def test_list_errors_carry_the_case_index() -> None:
    good = make_case()
    bad = make_case(as_of="nope")
    with pytest.raises(CaseError) as info:
        assess([good, bad])
    assert info.value.field == "[1].as_of"


def test_list_in_list_out() -> None:
    answers = assess([make_case(), make_case(as_of="2027-01-01")])
    assert isinstance(answers, list)
    assert [a["as_of"] for a in answers] == ["2026-03-01", "2027-01-01"]


def test_answer_has_contract_keys() -> None:
    answer = assess(make_case())
    for key in (
        "jurisdiction",
        "registrable",
        "offence_classes",
        "reporting_period",
        "reporting_period_start",
        "reporting_period_end",
        "obligations",
        "explanation",
        "engine_version",
        "assumptions",
    ):
        assert key in answer


@pytest.mark.parametrize(
    ("text", "period"), [("15y", Period(15)), ("7y6m", Period(7, 6)), ("life", LIFE)]
)
def test_period_format(text: str, period: Period) -> None:
    assert Period.parse(text) == period
    assert str(period) == text


def test_period_parse_rejects() -> None:
    with pytest.raises(ValueError, match="not a period"):
        Period.parse("15 years")
