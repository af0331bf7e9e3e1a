"""Failing to comply and cannot be located; the ACT s 116A public-notice decision with each of
its conditions checked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ncos.access.errors import RuleViolation
from ncos.audit.models import AuditEvent
from ncos.compliance.models import PublicNoticeDecision
from ncos.compliance.services import failure_record, failure_update, public_notice_decide
from ncos.compliance.tests.helpers import obligation, registrable_person, today_in, years_ago

pytestmark = pytest.mark.django_db

GROUNDS = {
    "believes_risk": True,
    "risk_reasons": "Breached before; history of approaching children at parks.",
    "believes_reduces_risk": True,
    "reduce_reasons": "Public sightings would let police locate him quickly.",
}


def _overdue_person(**kw):
    person = registrable_person(first_report=years_ago(today_in(), 2), **kw)
    return person, obligation(person, "annual_report", "overdue")


def _failure(actor, person, key, **kw):
    return failure_record(
        actor=actor,
        person_id=person.pk,
        obligation_keys=[key],
        noted_on=today_in(),
        circumstances="Did not attend for the annual report; not at his address.",
        **kw,
    )


def test_only_an_overdue_obligation_is_a_failure(act_registrar):
    person, overdue = _overdue_person()
    due_now = obligation(person, "annual_report", "due")
    with pytest.raises(RuleViolation) as err:
        _failure(act_registrar, person, due_now.key)
    assert err.value.field == "obligation_keys[0]"
    with pytest.raises(RuleViolation) as err:
        _failure(act_registrar, person, overdue.key, cannot_be_located=True)
    assert err.value.field == "locate_steps"
    failure = _failure(
        act_registrar,
        person,
        overdue.key,
        cannot_be_located=True,
        locate_steps="Visited the address twice; phone disconnected.",
    )
    assert failure.cannot_be_located
    assert failure.obligation_keys == [overdue.key]
    assert AuditEvent.objects.order_by("-seq").first().action == "compliance.failure.record"


def test_publishing_needs_every_condition_of_s_116a(act_registrar):
    person, overdue = _overdue_person()
    failure = _failure(act_registrar, person, overdue.key)
    base = dict(
        actor=act_registrar,
        failure_id=failure.pk,
        decided_on=today_in(),
        decision_maker_name="A. Chief",
        decision_maker_office="chief",
        satisfied_failed=True,
        satisfied_cannot_be_located=True,
        outcome="publish",
        include_name=True,
        **GROUNDS,
    )
    with pytest.raises(RuleViolation, match="does not say the person cannot be located"):
        public_notice_decide(**base)
    failure_update(
        actor=act_registrar,
        failure_id=failure.pk,
        status="open",
        cannot_be_located=True,
        locate_steps="Checked known addresses.",
        expected_version=1,
    )
    for change, field in (
        ({"satisfied_failed": False}, "satisfied_failed"),
        ({"satisfied_cannot_be_located": False}, "satisfied_cannot_be_located"),
        ({"believes_risk": False}, "risk_reasons"),
        ({"reduce_reasons": ""}, "reduce_reasons"),
        ({"include_name": False}, "include_name"),
        ({"decision_maker_office": "inspector"}, "decision_maker_office"),
        ({"notice_text": "John Citizen must contact police."}, "notice_text"),
        (
            {
                "notice_text": "A registrable offender who is required by police to answer "
                "questions."
            },
            "notice_text",
        ),
        ({"include_description": True, "description": ""}, "description"),
        ({"include_photo": True}, "include_photo"),
    ):
        with pytest.raises(RuleViolation) as err:
            public_notice_decide(**{**base, **change})
        assert err.value.field == field, change
    decision = public_notice_decide(**base)
    assert decision.outcome == "publish"
    assert decision.age_on_decision >= 18
    assert "is required by police to answer questions" in decision.notice_text
    assert "registrable" not in decision.notice_text.lower()
    row = AuditEvent.objects.order_by("-seq").first()
    assert row.action == "compliance.public_notice.decide"
    assert row.details["conditions"] == {
        "failed": True,
        "cannot_be_located": True,
        "young_person": False,
        "risk": True,
        "reduces_risk": True,
    }


def test_no_public_notice_about_a_young_person(act_registrar):
    today = today_in()
    person = registrable_person(
        date_of_birth=years_ago(today, 17), first_report=years_ago(today, 2) - timedelta(days=40)
    )
    overdue = obligation(person, "annual_report", "overdue")
    failure = _failure(
        act_registrar, person, overdue.key, cannot_be_located=True, locate_steps="Searched."
    )
    with pytest.raises(RuleViolation, match="young person"):
        public_notice_decide(
            actor=act_registrar,
            failure_id=failure.pk,
            decided_on=today,
            decision_maker_name="D. Deputy",
            decision_maker_office="deputy",
            satisfied_failed=True,
            satisfied_cannot_be_located=True,
            outcome="publish",
            include_description=True,
            description="Tall, red hair.",
            **GROUNDS,
        )
    decision = public_notice_decide(
        actor=act_registrar,
        failure_id=failure.pk,
        decided_on=today,
        decision_maker_name="D. Deputy",
        decision_maker_office="deputy",
        satisfied_failed=True,
        satisfied_cannot_be_located=True,
        outcome="not_publish",
        believes_risk=False,
        risk_reasons="",
        believes_reduces_risk=False,
        reduce_reasons="",
    )
    assert decision.outcome == "not_publish"
    assert decision.notice_text == ""
    assert decision.age_on_decision == 17


def test_s_116a_is_act_law_only(nsw_registrar):
    person = registrable_person("NSW", first_report=years_ago(today_in("NSW"), 2))
    overdue = obligation(person, "annual_report", "overdue")
    failure = _failure(
        nsw_registrar, person, overdue.key, cannot_be_located=True, locate_steps="Searched."
    )
    with pytest.raises(RuleViolation, match="ACT Act"):
        public_notice_decide(
            actor=nsw_registrar,
            failure_id=failure.pk,
            decided_on=today_in(),
            decision_maker_name="C",
            decision_maker_office="chief",
            satisfied_failed=True,
            satisfied_cannot_be_located=True,
            outcome="publish",
            include_name=True,
            **GROUNDS,
        )
    assert not PublicNoticeDecision.objects.exists()
