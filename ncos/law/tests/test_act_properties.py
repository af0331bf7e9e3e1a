"""Properties of the ACT rules over many generated cases (hypothesis).

These do not replace the hand-worked scenarios; they check invariants the Act guarantees for any
facts: a 7-day deadline is never before its trigger + 7 and always a working day; the period's
last day is never before its start; the engine never fails on a well-formed case.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncos.law import assess
from ncos.law.time import NonWorkingDays

ACT = NonWorkingDays.for_jurisdiction("ACT")
PROVISIONS = ["s 55 (1)", "s 64 (1)", "s 61 (1)", "s 26", "s 65 (1)"]
days = st.dates(min_value=date(2006, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def offences(draw: st.DrawFn) -> dict[str, Any]:
    committed = draw(days)
    sentenced = committed + timedelta(days=draw(st.integers(30, 900)))
    custodial = draw(st.booleans())
    o: dict[str, Any] = {
        "act": "Crimes Act 1900 (ACT)",
        "provision": draw(st.sampled_from(PROVISIONS)),
        "date_committed": committed.isoformat(),
        "victim": draw(st.sampled_from(["V1", "V2", "V3"])),
        "date_sentenced": sentenced.isoformat(),
        "custodial": custodial,
        "supervision": draw(st.booleans()),
    }
    if custodial and draw(st.booleans()):
        o["custody_release_date"] = (
            sentenced + timedelta(days=draw(st.integers(0, 2000)))
        ).isoformat()
    return o


@st.composite
def events(draw: st.DrawFn) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 6))):
        d = draw(days)
        kind = draw(st.sampled_from(["first", "change", "child", "custody", "travel", "report"]))
        if kind == "first":
            out.append({"type": "first_report", "date": d.isoformat()})
        elif kind == "change":
            k = draw(st.sampled_from(["address", "employment", "vehicle", "tattoo", "name"]))
            out.append({"type": "change_of_details", "kind": k, "date": d.isoformat()})
        elif kind == "child":
            out.append(
                {
                    "type": "change_of_details",
                    "kind": "child_contact",
                    "datetime": f"{d.isoformat()}T10:00:00+10:00",
                }
            )
        elif kind == "custody":
            out.append({"type": "entered_custody", "date": d.isoformat()})
            out.append(
                {
                    "type": "left_custody",
                    "date": (d + timedelta(days=draw(st.integers(0, 60)))).isoformat(),
                }
            )
        elif kind == "travel":
            back = d + timedelta(days=draw(st.integers(1, 40)))
            dest = draw(st.sampled_from(["NSW", "QLD", "overseas"]))
            out.append(
                {
                    "type": "travel_intent",
                    "depart": d.isoformat(),
                    "return": back.isoformat(),
                    "destination": dest,
                }
            )
        else:
            k = draw(st.sampled_from(["annual_report", "travel_notice", "change_of_details"]))
            out.append({"type": "report_made", "kind": k, "date": d.isoformat()})
    return out


@given(
    st.lists(offences(), min_size=0, max_size=4),
    events(),
    days,
    st.dates(min_value=date(1960, 1, 1), max_value=date(2000, 1, 1)),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_wellformed_case_gets_a_coherent_answer(
    offs: list[dict[str, Any]], evs: list[dict[str, Any]], as_of: date, dob: date
) -> None:
    for i, o in enumerate(offs):
        o["ref"] = f"o{i + 1}"
    case = {
        "jurisdiction": "ACT",
        "as_of": as_of.isoformat(),
        "person": {"date_of_birth": dob.isoformat()},
        "offences": offs,
        "events": evs,
    }
    a = assess(case)
    assert isinstance(a, dict)
    keys = [o["key"] for o in a["obligations"]]
    assert len(keys) == len(set(keys))
    sections = {s for step in a["explanation"] for s in step["sections"]}
    for o in a["obligations"]:
        assert set(o["sections"]) <= sections
        assert o["status"] in {"upcoming", "due", "met", "overdue", "suspended", "not_applicable"}
    if not a["registrable"]:
        assert a["obligations"] == []
        assert a["reporting_period"] is None
    if a["reporting_period_start"] and a["reporting_period_end"]:
        assert a["reporting_period_end"] >= a["reporting_period_start"]


@given(st.dates(min_value=date(2007, 1, 1), max_value=date(2040, 12, 31)))
@settings(max_examples=150, deadline=None)
def test_initial_report_due_is_a_working_day_at_least_7_days_later(sentenced: date) -> None:
    case = {
        "jurisdiction": "ACT",
        "as_of": sentenced.isoformat(),
        "person": {"date_of_birth": "1980-01-01"},
        "offences": [
            {
                "ref": "o1",
                "act": "Crimes Act 1900 (ACT)",
                "provision": "s 55 (1)",
                "date_committed": "2006-06-01",
                "victim": "V",
                "date_sentenced": sentenced.isoformat(),
                "custodial": False,
                "supervision": True,
            }
        ],
    }
    a = assess(case)
    due = date.fromisoformat(a["obligations"][0]["due"])
    assert due >= sentenced + timedelta(days=7)
    assert ACT.is_working_day(due)
    d = sentenced + timedelta(days=7)
    while d < due:
        assert not ACT.is_working_day(d)
        d += timedelta(days=1)
