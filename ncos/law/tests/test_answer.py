"""AnswerBuilder: report matching, statuses, keys, the answer's shape."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ncos.law.answer import LIFE, AnswerBuilder, Manner, Period, Status
from ncos.law.contract import parse_case
from ncos.law.explain import ACT_CSO
from ncos.law.testing import make_case
from ncos.law.time import Feb29

SYD = ZoneInfo("Australia/Sydney")


def _builder(as_of: str, events: list[dict[str, object]]) -> AnswerBuilder:
    return AnswerBuilder(parse_case(make_case(as_of=as_of, events=events)))


def _add(b: AnswerBuilder, kind: str, key: str, trigger: date, due: date | datetime) -> None:
    b.obligation(
        kind, key=key, trigger=trigger, due=due, citations=(ACT_CSO("s 37"),), explanation=key
    )


def test_statuses_from_as_of() -> None:
    b = _builder("2026-03-01", [])
    _add(b, "annual_report", "future-trigger", date(2026, 4, 1), date(2026, 4, 30))
    _add(b, "annual_report", "open", date(2026, 2, 1), date(2026, 3, 1))
    _add(b, "annual_report", "late", date(2026, 1, 1), date(2026, 2, 28))
    b.obligation(
        "annual_report",
        key="not-open",
        trigger=date(2026, 1, 1),
        due=date(2026, 10, 31),
        citations=(),
        explanation="",
        opens=date(2026, 10, 1),
    )
    got = {o.key: o.status for o in b.build(registrable=True).obligations}
    assert got == {
        "future-trigger": Status.UPCOMING,
        "open": Status.DUE,
        "late": Status.OVERDUE,
        "not-open": Status.UPCOMING,
    }


def test_report_matches_earliest_open_obligation_of_its_kind() -> None:
    b = _builder(
        "2027-12-01", [{"type": "report_made", "kind": "annual_report", "date": "2027-02-10"}]
    )
    _add(b, "annual_report", "annual_report:2026", date(2026, 1, 1), date(2026, 10, 31))
    _add(b, "annual_report", "annual_report:2027", date(2027, 1, 1), date(2027, 10, 31))
    obs = {o.key: o for o in b.build(registrable=True).obligations}
    assert obs["annual_report:2026"].status is Status.MET
    assert obs["annual_report:2026"].days_late == 102
    assert obs["annual_report:2027"].status is Status.OVERDUE


def test_report_with_key_matches_that_obligation() -> None:
    b = _builder(
        "2027-12-01",
        [
            {
                "type": "report_made",
                "kind": "annual_report",
                "key": "annual_report:2027",
                "date": "2027-02-10",
            }
        ],
    )
    _add(b, "annual_report", "annual_report:2026", date(2026, 1, 1), date(2026, 10, 31))
    _add(b, "annual_report", "annual_report:2027", date(2027, 1, 1), date(2027, 10, 31))
    obs = {o.key: o for o in b.build(registrable=True).obligations}
    assert obs["annual_report:2026"].status is Status.OVERDUE
    assert obs["annual_report:2027"].status is Status.MET
    assert obs["annual_report:2027"].days_late == 0


def test_report_before_trigger_does_not_match() -> None:
    b = _builder(
        "2026-03-01", [{"type": "report_made", "kind": "change_of_details", "date": "2026-01-01"}]
    )
    _add(b, "change_of_details", "c", date(2026, 2, 1), date(2026, 2, 8))
    assert b.build(registrable=True).obligations[0].status is Status.OVERDUE


def test_first_report_meets_initial_report() -> None:
    b = _builder("2026-03-01", [{"type": "first_report", "date": "2026-02-10"}])
    _add(b, "initial_report", "i", date(2026, 2, 1), date(2026, 2, 8))
    o = b.build(registrable=True).obligations[0]
    assert (o.status, o.met_on, o.days_late) == (Status.MET, date(2026, 2, 10), 2)


def test_not_applicable_is_not_matched_without_key() -> None:
    b = _builder(
        "2026-03-01", [{"type": "report_made", "kind": "annual_report", "date": "2026-02-10"}]
    )
    b.obligation(
        "annual_report",
        key="a",
        trigger=date(2026, 1, 1),
        due=date(2026, 2, 28),
        citations=(ACT_CSO("s 38"),),
        explanation="custody",
        status=Status.NOT_APPLICABLE,
    )
    assert b.build(registrable=True).obligations[0].status is Status.NOT_APPLICABLE


def test_hour_limit_lateness() -> None:
    b = _builder(
        "2026-03-10",
        [{"type": "report_made", "kind": "child_details", "datetime": "2026-03-09T00:30:00+11:00"}],
    )
    _add(b, "child_details", "c", date(2026, 3, 5), datetime(2026, 3, 9, 0, 0, tzinfo=SYD))
    o = b.build(registrable=True).obligations[0]
    assert o.days_late == 1


def test_duplicate_key_and_bad_status_are_programming_errors() -> None:
    b = _builder("2026-03-01", [])
    _add(b, "x", "k", date(2026, 1, 1), date(2026, 1, 2))
    assert b.has("k")
    with pytest.raises(ValueError, match="used twice"):
        _add(b, "x", "k", date(2026, 1, 1), date(2026, 1, 2))
    with pytest.raises(ValueError, match="may only set status"):
        b.obligation(
            "x", key="k2", trigger=None, due=None, citations=(), explanation="", status=Status.MET
        )


def test_obligation_dict_and_explanation_step() -> None:
    b = _builder("2026-03-01", [])
    b.obligation(
        "travel_notice",
        key="travel_notice:2026-04-10:NSW",
        trigger=None,
        due=date(2026, 4, 3),
        citations=(ACT_CSO("s 42 (2)"),),
        explanation="Travel notice",
        manner=(Manner.IN_PERSON,),
        destination="NSW",
    )
    a = b.build(registrable=True, period=Period(15), start=date(2025, 1, 10), end=date(2040, 1, 9))
    d = a.to_dict()
    o = d["obligations"][0]
    assert o == {
        "kind": "travel_notice",
        "key": "travel_notice:2026-04-10:NSW",
        "trigger": None,
        "due": "2026-04-03",
        "status": "due",
        "sections": ["s 42 (2)"],
        "explanation": "Travel notice",
        "manner": ["in_person"],
        "destination": "NSW",
    }
    assert d["explanation"] == [{"step": "Travel notice", "sections": ["s 42 (2)"]}]
    assert d["reporting_period"] == "15y"
    assert d["engine_version"]


def test_datetimes_are_shown_in_the_jurisdiction_zone() -> None:
    b = _builder("2026-03-01", [])
    utc_due = datetime.fromisoformat("2026-03-08T13:00:00+00:00")
    _add(b, "child_details", "c", date(2026, 3, 5), utc_due)
    assert (
        b.build(registrable=True).to_dict()["obligations"][0]["due"] == "2026-03-09T00:00:00+11:00"
    )


def test_period_ordering_and_life() -> None:
    assert Period(7, 6) < Period(8)
    assert Period(99) < LIFE
    assert LIFE.last_day(date(2025, 1, 1), feb29=Feb29.ABORT) is None
