"""Overseas-travel permission: the application, the competent authority's decision (by the
managing jurisdiction's competent authority, with reasons), telling the traveller, documents
checked by content, notices to foreign law enforcement, and travel without permission."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.passports import selectors, services
from ncos.passports.services import WrongState
from ncos.passports.tests.factories import PDF, apply, authority, granted
from ncos.registry.selectors.summary import person_summary
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.tests.factories import (
    OVERSEAS_WITH_NSW_STOPOVER,
    record_travel,
    registrable_person,
    user_for,
)

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def test_the_competent_authority_of_the_managing_jurisdiction_decides():
    person = registrable_person("ACT")
    permission = apply(person)
    for actor in (registrar_for("ACT"), authority("NSW"), user_for("ACT", Role.CASE_MANAGER)):
        with pytest.raises(AccessDenied):
            services.permission_decide(
                actor=actor,
                permission_id=permission.pk,
                expected_version=1,
                decision="granted",
                reasons="ok",
            )
    done = services.permission_decide(
        actor=authority("ACT"),
        permission_id=permission.pk,
        expected_version=1,
        decision="granted_with_conditions",
        reasons="Family support confirmed.",
        conditions="Report to the Australian embassy on arrival.",
    )
    assert done.status == "granted_with_conditions"
    assert done.decided_by == authority("ACT")
    with pytest.raises(WrongState):
        services.permission_decide(
            actor=authority("ACT"),
            permission_id=permission.pk,
            expected_version=2,
            decision="refused",
            reasons="changed my mind",
        )


@pytest.mark.parametrize(
    ("decision", "reasons", "conditions", "field"),
    [
        ("granted", "  ", "", "reasons"),
        ("granted_with_conditions", "ok", "", "conditions"),
        ("refused", "too risky", "some condition", "conditions"),
        ("maybe", "ok", "", "decision"),
    ],
)
def test_decisions_need_reasons_and_conditions_where_they_belong(
    decision, reasons, conditions, field
):
    permission = apply(registrable_person("ACT"))
    with pytest.raises(RuleViolation) as caught:
        services.permission_decide(
            actor=authority("ACT"),
            permission_id=permission.pk,
            expected_version=1,
            decision=decision,
            reasons=reasons,
            conditions=conditions,
        )
    assert caught.value.field == field


def test_the_traveller_is_told_a_refusal_in_writing():
    permission = apply(registrable_person("NSW"))
    services.permission_decide(
        actor=authority("NSW"),
        permission_id=permission.pk,
        expected_version=1,
        decision="refused",
        reasons="Recent breach of reporting obligations.",
    )
    now = datetime.now(tz=SYDNEY)
    with pytest.raises(RuleViolation, match="written notice"):
        services.permission_record_told(
            actor=authority("NSW"),
            permission_id=permission.pk,
            expected_version=2,
            told_at=now,
            told_how="phone",
        )
    with pytest.raises(ConflictError):
        services.permission_record_told(
            actor=authority("NSW"),
            permission_id=permission.pk,
            expected_version=1,
            told_at=now,
            told_how="letter",
        )
    done = services.permission_record_told(
        actor=authority("NSW"),
        permission_id=permission.pk,
        expected_version=2,
        told_at=now,
        told_how="letter",
    )
    assert (done.told_how, done.told_by) == ("letter", authority("NSW"))


def test_an_application_is_for_foreign_countries_only():
    person = registrable_person("ACT")
    with pytest.raises(RuleViolation, match="foreign countries"):
        apply(person, destinations=["NSW"])
    with pytest.raises(RuleViolation, match="purpose"):
        apply(person, purpose="")
    with pytest.raises(AccessDenied):
        services.permission_apply(
            actor=registrar_for("NSW"),
            person_id=person.pk,
            destinations=["Fiji"],
            depart_on=local_today(person),
            return_on=None,
            purpose="x",
            applied_on=local_today(person),
        )


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(out, "PNG")
    return out.getvalue()


def test_documents_are_checked_by_their_content_and_stored_under_random_names():
    permission = apply(registrable_person("ACT"))
    actor = registrar_for("ACT")
    pdf = services.permission_add_document(
        actor=actor,
        permission_id=permission.pk,
        upload=io.BytesIO(PDF),
        title="Itinerary",
        kind="itinerary",
    )
    assert pdf.content_type == "application/pdf"
    assert pdf.storage_name.startswith("passports/permissions/")
    assert "Itinerary" not in pdf.storage_name
    image = services.permission_add_document(
        actor=actor,
        permission_id=permission.pk,
        upload=io.BytesIO(_png()),
        title="Ticket",
        kind="ticket",
    )
    assert image.content_type == "image/png"
    with default_storage.open(image.storage_name) as stored:
        assert Image.open(stored).size == (20, 10)
    for bad in (b"<html><script>alert(1)</script>", b"%PDF-1.4 truncated", b""):
        with pytest.raises(RuleViolation):
            services.permission_add_document(
                actor=actor,
                permission_id=permission.pk,
                upload=io.BytesIO(bad),
                title="Bad",
                kind="other",
            )
    assert permission.documents.count() == 2


def test_a_foreign_notice_records_what_was_sent():
    permission = granted(registrable_person("ACT"))
    notice = services.foreign_notice_record(
        actor=registrar_for("ACT"),
        permission_id=permission.pk,
        country="Thailand",
        agency="Royal Thai Police, via AFP Bangkok",
        sent_at=datetime.now(tz=SYDNEY) - timedelta(hours=1),
        channel="AFP liaison",
        details_sent="Name, date of birth, passport, flights and dates in Thailand.",
    )
    assert notice.details_sent.startswith("Name, date of birth")
    with pytest.raises(RuleViolation, match="details that were sent"):
        services.foreign_notice_record(
            actor=registrar_for("ACT"),
            permission_id=permission.pk,
            country="Thailand",
            agency="RTP",
            sent_at=datetime.now(tz=SYDNEY),
            channel="email",
            details_sent="",
        )


def test_overseas_travel_without_permission_is_flagged_on_the_person_and_the_list():
    person = registrable_person("ACT")
    left = record_travel(person, depart_in=-2, days=10, legs=[("Bali", 0, 10, "Ubud")])
    planned = record_travel(person, legs=OVERSEAS_WITH_NSW_STOPOVER)
    flagged = list(selectors.overseas_without_permission("ACT"))
    assert flagged == [left]
    assert set(selectors.overseas_without_permission("ACT", departed_only=False)) == {
        left,
        planned,
    }
    alerts = person_summary(person, today=local_today(person)).alerts
    texts = [(a.level, a.text) for a in alerts]
    assert (
        "error",
        f"Travel {left.reference}: Overseas travel without the competent authority's permission.",
    ) in texts
    # Permission for the planned trip clears its warning; the departed trip stays flagged.
    granted(
        person, travel_plan_id=planned.pk, depart_on=planned.depart_on, return_on=planned.return_on
    )
    assert list(selectors.overseas_without_permission("ACT", departed_only=False)) == [left]
