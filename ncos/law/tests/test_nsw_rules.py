"""NSW rules: unit tests of the helpers and hypothesis properties of whole assessments.

The scenario files (scenarios/nsw/*.yaml) pin the worked examples; these tests check what must
hold for every case: the period lengths of ss 3I/14A/14B, the 5-day initial report on a working
day, the custody extension, and that an answer only ever cites provisions the Act has.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncos.law import assess
from ncos.law.answer import Period
from ncos.law.jurisdictions.nsw.common import Absence, is_overseas, nsw_non_working_days
from ncos.law.jurisdictions.nsw.s014_014c_reporting_period import last_day
from ncos.law.testing import make_case
from ncos.law.tests.legislation import LEGISLATION
from ncos.law.time import Feb29, add_years

COMMENCED = date(2025, 9, 29)


def _offence(
    ref: str, provision: str, victim: str | None, committed: date, sentenced: date, **kw: Any
) -> dict[str, Any]:
    o: dict[str, Any] = {
        "ref": ref,
        "act": "Crimes Act 1900 (NSW)",
        "provision": provision,
        "date_committed": committed.isoformat(),
        "date_found_guilty": sentenced.isoformat(),
        "date_sentenced": sentenced.isoformat(),
        "custodial": False,
        "jurisdiction_of_conviction": "NSW",
    }
    if victim is not None:
        o["victim"] = victim
    o.update(kw)
    return o


def _nsw(
    as_of: date,
    offences: list[dict[str, Any]],
    events: list[dict[str, Any]] | None = None,
    dob: str = "1985-06-30",
    **person: Any,
) -> dict[str, Any]:
    case = make_case(
        jurisdiction="NSW",
        as_of=as_of.isoformat(),
        date_of_birth=dob,
        offences=offences,
        events=events or [],
        **person,
    )
    answer = assess(case)
    assert isinstance(answer, dict)
    return answer


# --- helpers ------------------------------------------------------------------------------------


def test_last_day_counts_from_the_day_after_and_rounds_down_a_missing_day() -> None:
    assert last_day(date(2025, 11, 10), Period(8)) == date(2033, 11, 10)
    assert last_day(date(2024, 2, 29), Period(15)) == date(2039, 2, 28)
    assert last_day(date(2024, 2, 29), Period(8)) == date(2032, 2, 29)
    assert last_day(date(2025, 8, 31), Period(7, 6)) == date(2033, 2, 28)
    assert last_day(date(2025, 1, 1), Period(life=True)) is None


def test_absence_excludes_the_days_of_leaving_and_return() -> None:
    a = Absence(date(2026, 3, 1), date(2026, 3, 5), "QLD")
    assert not a.covers(date(2026, 3, 1))
    assert a.covers(date(2026, 3, 2))
    assert a.covers(date(2026, 3, 4))
    assert not a.covers(date(2026, 3, 5))
    assert Absence(date(2026, 3, 1), None).covers(date(2030, 1, 1))


def test_overseas_places() -> None:
    assert is_overseas("overseas")
    assert is_overseas("New Zealand")
    assert not is_overseas("ACT")
    assert not is_overseas("Norfolk Island")
    assert not is_overseas(None)


def test_the_nsw_bank_holiday_is_not_a_working_day() -> None:
    nwd = nsw_non_working_days()
    assert not nwd.is_working_day(date(2026, 8, 3))
    assert nwd.citation.label == "Interpretation Act 1987 (NSW) s 36 (2)"


# --- whole assessments --------------------------------------------------------------------------


def test_not_registrable_answer_has_no_period_or_obligations() -> None:
    a = _nsw(
        date(2025, 11, 12), [_offence("o1", "s 61", "V1", date(2025, 4, 1), date(2025, 11, 10))]
    )
    assert a["registrable"] is False
    assert a["reporting_period"] is None
    assert a["obligations"] == []
    assert a["assumptions"] == []


def test_obligation_keys_are_unique_and_stable_when_facts_are_added() -> None:
    o = [_offence("o1", "s 66DB", "V1", date(2025, 2, 1), date(2025, 11, 10))]
    first = _nsw(date(2026, 6, 1), o, [{"type": "first_report", "date": "2025-11-12"}])
    more = _nsw(
        date(2026, 6, 1),
        o,
        [
            {"type": "first_report", "date": "2025-11-12"},
            {"type": "change_of_details", "kind": "vehicle", "date": "2026-03-03"},
        ],
    )
    keys = [x["key"] for x in more["obligations"]]
    assert len(keys) == len(set(keys))
    assert {x["key"] for x in first["obligations"]} <= set(keys)


def test_a_registrable_person_order_with_a_period_overrides_the_calculation() -> None:
    a = _nsw(
        date(2025, 11, 12),
        [_offence("o1", "s 66C", "V1", date(2025, 2, 1), date(2025, 11, 10))],
        [
            {
                "type": "registration_order",
                "kind": "registrable_person_order",
                "date": "2025-11-10",
                "period": "8y",
            }
        ],
    )
    assert a["reporting_period"] == "8y"
    assert "s 14AA (1)" in {s for step in a["explanation"] for s in step["sections"]}


def test_future_events_are_not_yet_facts() -> None:
    """An event dated after as_of has not happened on the day asked."""
    o = [_offence("o1", "s 66DB", "V1", date(2025, 2, 1), date(2025, 11, 10))]
    a = _nsw(date(2026, 3, 1), o, [{"type": "finding_quashed", "ref": "o1", "date": "2026-03-02"}])
    assert a["registrable"] is True


# --- properties ---------------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=3650)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(offset=days)
def test_adult_single_class2_is_8_years_from_sentence_with_a_5_day_initial_report(
    offset: int,
) -> None:
    sentenced = COMMENCED + timedelta(days=offset)
    a = _nsw(
        sentenced, [_offence("o1", "s 66DB", "V1", sentenced - timedelta(days=100), sentenced)]
    )
    assert a["registrable"] is True
    assert a["reporting_period"] == "8y"
    assert a["reporting_period_start"] == sentenced.isoformat()
    assert a["reporting_period_end"] == add_years(sentenced, 8, feb29=Feb29.ROUND_DOWN).isoformat()
    [initial] = [o for o in a["obligations"] if o["kind"] == "initial_report"]
    due = date.fromisoformat(initial["due"])
    nwd = nsw_non_working_days()
    assert nwd.is_working_day(due)
    assert sentenced + timedelta(days=5) <= due <= sentenced + timedelta(days=12)
    if nwd.is_working_day(sentenced + timedelta(days=5)):
        assert due == sentenced + timedelta(days=5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    offset=days,
    classes=st.lists(st.sampled_from(["s 66C", "s 66DB"]), min_size=1, max_size=4),
    child=st.booleans(),
)
def test_offences_sentenced_together_never_give_life_and_a_child_gets_half(
    offset: int, classes: list[str], child: bool
) -> None:
    sentenced = COMMENCED + timedelta(days=offset)
    dob = (sentenced - timedelta(days=16 * 366)) if child else date(1985, 6, 30)
    offences = [
        _offence(f"o{i}", p, f"V{i}", sentenced - timedelta(days=200 + 10 * i), sentenced)
        for i, p in enumerate(classes)
    ]
    events = (
        [
            {
                "type": "registration_order",
                "kind": "registrable_person_order",
                "date": sentenced.isoformat(),
            }
        ]
        if child
        else []
    )
    a = _nsw(sentenced, offences, events, dob=dob.isoformat())
    assert a["registrable"] is True
    full = Period(8) if len(classes) == 1 and classes[0] == "s 66DB" else Period(15)
    expected = Period(full.years // 2, (full.years * 12 // 2) % 12) if child else full
    assert a["reporting_period"] == str(expected)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.integers(min_value=1, max_value=2500), length=st.integers(min_value=0, max_value=400)
)
def test_custody_during_the_period_extends_it_by_the_days_in_custody(
    start: int, length: int
) -> None:
    sentenced = date(2025, 11, 10)
    entered = sentenced + timedelta(days=start)
    left = entered + timedelta(days=length)
    as_of = left + timedelta(days=1)
    o = [_offence("o1", "s 66DB", "V1", date(2025, 2, 1), sentenced)]
    events = [
        {"type": "first_report", "date": "2025-11-12"},
        {"type": "entered_custody", "date": entered.isoformat()},
        {"type": "left_custody", "date": left.isoformat()},
    ]
    events += [
        {"type": "report_made", "kind": "annual_report", "date": f"{y}-11-15"}
        for y in range(2026, as_of.year + 1)
    ]
    a = _nsw(as_of, o, events)
    # The spell lies wholly inside the 8 years (at most 2,900 of its 2,922 days), every annual
    # report was made, so the only extension is the days in custody (s 15 (2)).
    base = date(2033, 11, 10)
    assert a["reporting_period_end"] == (base + timedelta(days=length)).isoformat()


def _sections_in_act() -> set[str]:
    text = (LEGISLATION / "nsw-child-protection-offenders-registration-act-2000.txt").read_text(
        encoding="utf-8"
    )
    return set(re.findall(r"^(\d+[A-Z]*)\s{2,}\S", text, re.MULTILINE))


EVENT = st.one_of(
    st.fixed_dictionaries({"type": st.just("first_report")}),
    st.fixed_dictionaries({"type": st.just("entered_custody")}),
    st.fixed_dictionaries({"type": st.just("left_custody")}),
    st.fixed_dictionaries(
        {
            "type": st.just("change_of_details"),
            "kind": st.sampled_from(
                ["address", "vehicle", "child_household", "child_contact", "passport", "club"]
            ),
        }
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("travel_intent"),
            "destination": st.sampled_from(["QLD", "overseas", "Fiji", "ACT"]),
            "span": st.integers(1, 60),
        }
    ),
    st.fixed_dictionaries({"type": st.just("returned")}),
    st.fixed_dictionaries({"type": st.just("travel_cancelled")}),
    st.fixed_dictionaries({"type": st.just("suspension_order")}),
    st.fixed_dictionaries(
        {
            "type": st.just("report_made"),
            "kind": st.sampled_from(["annual_report", "change_of_details", "travel_notice"]),
        }
    ),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=st.lists(st.tuples(EVENT, st.integers(0, 1500)), max_size=8),
    as_of_offset=st.integers(0, 1800),
    protected=st.booleans(),
)
def test_any_history_gives_an_answer_citing_only_provisions_the_act_has(
    events: list[tuple[dict[str, Any], int]], as_of_offset: int, protected: bool
) -> None:
    sentenced = date(2025, 11, 10)
    raw = []
    for spec, offset in events:
        e = dict(spec)
        day = sentenced + timedelta(days=offset)
        if e["type"] == "travel_intent":
            span = e.pop("span")
            e["depart"] = day.isoformat()
            e["return"] = (day + timedelta(days=span)).isoformat()
        else:
            e["date"] = day.isoformat()
        raw.append(e)
    a = _nsw(
        sentenced + timedelta(days=as_of_offset),
        [_offence("o1", "s 66DB", "V1", date(2025, 2, 1), sentenced)],
        raw,
        protected=protected,
    )
    assert a["registrable"] is True
    keys = [o["key"] for o in a["obligations"]]
    assert len(keys) == len(set(keys))
    known = _sections_in_act()
    for step in a["explanation"]:
        for label in step["sections"]:
            m = re.match(r"^s (\d+[A-Z]*)", label)
            if m:
                assert m.group(1) in known, label
            else:
                assert label.startswith(("Sch ", "Interpretation Act 1987 (NSW) s 36")), label
    for o in a["obligations"]:
        assert o["status"] in {"upcoming", "due", "met", "overdue", "suspended", "not_applicable"}
        assert o["sections"], o["key"]
