"""Small pure pieces: compliance states, obligation keys, the Act's manners and deadlines, the
12-month rate and its bars, the notice content, the demo loader, the audit absorber."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from ncos.audit import record as audit
from ncos.audit.models import AuditEvent
from ncos.compliance import law
from ncos.compliance.choices import ComplianceState
from ncos.compliance.selectors import MonthRate, svg_bars
from ncos.compliance.states import describe, parse_key, state_of


def _o(status, days_late=None, key="annual_report:2026", kind="annual_report", **kw):
    return SimpleNamespace(
        status=status,
        days_late=days_late,
        key=key,
        kind=kind,
        due_date=kw.get("due_date"),
        due_at=kw.get("due_at"),
    )


@pytest.mark.parametrize(
    ("status", "late", "state"),
    [
        ("met", 0, ComplianceState.MET),
        ("met", None, ComplianceState.MET),
        ("met", 3, ComplianceState.MET_LATE),
        ("overdue", None, ComplianceState.OVERDUE),
        ("due", None, ComplianceState.DUE),
        ("upcoming", None, ComplianceState.UPCOMING),
        ("suspended", None, ComplianceState.SUSPENDED),
        ("not_applicable", None, ComplianceState.NOT_APPLICABLE),
        ("withdrawn", None, ComplianceState.WITHDRAWN),
    ],
)
def test_compliance_states(status, late, state):
    assert state_of(_o(status, late)) == state


def test_obligation_keys_and_descriptions():
    assert parse_key("change_of_details:vehicle:2026-11-20").detail_kind == "vehicle"
    assert parse_key("travel_notice:2026-12-20:NSW").day == "2026-12-20"
    text = describe(
        _o(
            "due",
            key="change_of_details:address:2026-11-20",
            kind="change_of_details",
            due_date=date(2026, 11, 27),
        )
    )
    assert text == "Change of personal details (address), due 27 Nov 2026"


def test_manners_from_the_engine_and_the_act():
    assert law.manners_for_obligation(["in_person"]) == {"in_person"}
    assert law.manners_for_obligation(["approved_way"]) == {
        "in_person",
        "phone",
        "email",
        "writing",
    }
    assert law.manners_for_obligation(["in_writing"]) == {"writing", "email"}
    assert law.manners_for_obligation([]) == law.ALL_MANNERS
    assert law.manners_for_kind("ACT", "travel") == {"in_person"}
    assert law.manners_for_kind("ACT", "return") == law.ALL_MANNERS  # s 47: an approved way
    assert law.manners_for_kind("NSW", "travel") == law.ALL_MANNERS
    assert law.manners_for_kind("WA", "annual") == {"in_person"}


def test_acknowledgement_deadlines():
    assert law.ack_due("ACT", date(2026, 2, 20)) == date(2026, 3, 6)  # s 81 (1): 14 days after
    assert law.ack_rule("ACT").statutory
    assert not law.ack_rule("NSW").statutory
    assert "as soon as is practicable" in law.ack_rule("NSW").text
    assert law.fingerprints_barred("ACT", 15)
    assert not law.fingerprints_barred("NSW", 15)
    assert law.sections("QLD")["receipt"] == "ACT s 81 (national model)"


def test_rates_and_bars():
    rates = [MonthRate(2026, m, on_time=m % 3, late=1, overdue=0) for m in range(1, 13)]
    assert rates[2].rate == 0
    assert rates[1].rate == 67
    assert MonthRate(2026, 1).rate is None
    chart = svg_bars(rates, width=240)
    assert len(chart["svg_bars"]) == 12
    assert chart["svg_width"] == 240
    assert chart["svg_bars"][1]["h"] == 67
    assert chart["svg_bars"][1]["y"] == 38
    assert chart["svg_bars"][0]["label"] == "Jan 2026"
    assert chart["svg_bars"][1]["value"] == "67% on time (2 on time, 1 late, 0 overdue)"


@pytest.mark.django_db
def test_the_absorber_folds_nested_rows_into_one_and_never_hides_a_refusal():
    before = AuditEvent.objects.count()
    with audit.absorbed() as nested:
        audit.record_write(actor=None, action="inner.write", object_type="person", object_id="x")
        with audit.absorbed() as inner:
            audit.record(action="inner.read", object_id="y")
        audit.record(action="inner.denied", outcome="denied", object_id="z")
    assert inner is nested
    assert [n["action"] for n in nested] == ["inner.write", "inner.read"]
    assert list(AuditEvent.objects.values_list("action", flat=True)[before:]) == ["inner.denied"]
    audit.record(action="after", object_id="w")
    assert AuditEvent.objects.count() == before + 2


@pytest.mark.django_db
def test_the_demo_loader_is_idempotent(make_user):
    from ncos.access.roles import Role
    from ncos.compliance.demo import load
    from ncos.compliance.models import Acknowledgement, ReportingPlace
    from ncos.compliance.tests.helpers import registrable_person
    from ncos.web.demo_users import demo_username

    registrar = make_user(
        demo_username("ACT", Role.REGISTRAR), jurisdiction="ACT", roles=[Role.REGISTRAR]
    )
    registrable_person(actor=registrar)
    first = load()
    assert "7 demo reporting place(s) added" in first[0]
    assert Acknowledgement.objects.filter(given_at__isnull=False).count() == 1
    second = load()
    assert "0 demo reporting place(s)" in second[0]
    assert "0 acknowledgement" in second[1]
    assert ReportingPlace.objects.count() == 8


def test_notice_period_wording():
    from ncos.compliance.notice_content import _period_text

    assert _period_text(
        {
            "registrable": True,
            "reporting_period": "7y6m",
            "reporting_period_start": "2025-01-10",
            "reporting_period_end": "2032-07-09",
        }
    )["text"] == (
        "Your reporting period is 7 years and 6 months, from 10 January 2025 to 9 July 2032 "
        "(the last day)."
    )
    assert _period_text(
        {"registrable": True, "reporting_period": "life", "reporting_period_start": "2025-01-10"}
    )["length"] == ("for the rest of your life")
    assert _period_text({"registrable": False})["text"] == "No reporting period applies."
    assert (date(2026, 1, 1) + timedelta(days=1)).day == 2


def test_doctests():
    import doctest

    from ncos.compliance import states

    result = doctest.testmod(states)
    assert result.attempted >= 4
    assert result.failed == 0
