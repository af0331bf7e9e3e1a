"""Notices of reporting obligations: produce one for a person (PDF, kept), record its service.

ACT: s 103 (what it states), s 104 (when it must be given: within 14 days after the event),
s 105 (any time), s 107 (change of reporting period), s 109 (procedural defects do not affect the
obligations). NSW: ss 5, 6, 7, 7A, 7B (when), s 8 (failure does not affect obligations). Whether
the notice was adequate for the person is a matter the court weighs on a charge of failing to
report (ACT s 58A (4) (c); NSW s 17 (2) (b1)) — hence recording whether it was explained and
whether an interpreter was used.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.common.services import service
from ncos.compliance import notice_content
from ncos.compliance.choices import NoticeReason, ServedHow
from ncos.compliance.models import ObligationsNotice, new_reference
from ncos.compliance.services._common import (
    as_uuid,
    audit_write,
    check_version,
    local_today,
    lock_person,
    now,
    sha256,
)
from ncos.registry.models import Assessment, Obligation, Person


def notice_data(person: Person, reason: str, today: date) -> dict[str, Any]:
    from ncos.law.jurisdictions.national_model import interstate_contact_rules

    assessment = Assessment.objects.filter(person=person).order_by("-computed_at").first()
    answer = assessment.answer if assessment is not None else None
    obligations = sorted(
        Obligation.objects.filter(person=person),
        key=lambda o: (o.due_date or date.max, o.kind, o.key),
    )
    return notice_content.build(
        person=person,
        jurisdiction=person.managing_jurisdiction,
        answer=answer,
        obligations=obligations,
        reason=reason,
        interstate=interstate_contact_rules(),
        today=today,
    )


@service
def notice_generate(
    *,
    actor: Any,
    person_id: object,
    reason: str,
    occasion_date: date | None = None,
) -> ObligationsNotice:
    """Produce a notice of the person's reporting obligations in their jurisdiction's form."""
    from ncos.documents.render import render_pdf

    person = lock_person(actor, person_id, Action.PERSON_PRINT)
    if reason not in NoticeReason.values:
        raise RuleViolation("Choose why the notice is given.", "reason")
    today = local_today(person)
    if occasion_date is not None and occasion_date > today:
        raise RuleViolation(
            "The event the notice follows cannot be in the future.", "occasion_date"
        )
    j = person.managing_jurisdiction_id
    content = notice_data(person, reason, today)
    if not content["registrable"]:
        raise RuleViolation(
            "The law engine does not find this person registrable: there are no reporting "
            "obligations to give notice of."
        )
    due_on = None
    if (
        j != "NSW"
        and occasion_date is not None
        and reason
        not in (
            NoticeReason.ANY_TIME,
            NoticeReason.CHANGED,
        )
    ):
        due_on = occasion_date + timedelta(days=notice_content.ACT_NOTICE_DAYS)
    reference = new_reference(f"N-{j}")
    stamp = now()
    pdf = render_pdf(
        "documents/compliance_notice.html",
        {
            "registry": person.managing_jurisdiction,
            "n": content,
            "reference": reference,
            "footer_text": f"Notice {reference}",
        },
    )
    notice = ObligationsNotice.objects.create(
        reference=reference,
        person=person,
        jurisdiction=j,
        reason=reason,
        occasion_date=occasion_date,
        due_on=due_on,
        content=content,
        pdf=pdf,
        sha256=sha256(pdf),
        size_bytes=len(pdf),
        generated_at=stamp,
        generated_by=actor,
    )
    audit_write(
        actor,
        person,
        "compliance.notice.generate",
        details={
            "notice_id": notice.pk,
            "reference": reference,
            "reason": reason,
            "form": content["form"],
            "sha256": notice.sha256,
        },
    )
    return notice


def _notice(notice_id: object) -> ObligationsNotice:
    notice = ObligationsNotice.objects.filter(pk=as_uuid(notice_id, "notice")).first()
    if notice is None:
        raise NotFound("notice not found")
    return notice


@service
def notice_record_service(
    *,
    actor: Any,
    notice_id: object,
    served_at: datetime,
    how: str,
    how_other: str = "",
    served_by: Any = None,
    served_by_name: str = "",
    explained: bool | None = None,
    explanation_note: str = "",
    interpreter_name: str = "",
    interpreter_language: str = "",
    person_signed: bool | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> ObligationsNotice:
    """Record that the notice was served: when, how, by whom, whether it was explained and with
    which interpreter."""
    found = _notice(notice_id)
    person = lock_person(actor, found.person_id, Action.PERSON_UPDATE)
    notice = ObligationsNotice.objects.select_for_update().get(pk=found.pk)
    check_version(notice.version, expected_version)
    if notice.served_at is not None:
        raise RuleViolation("The service of this notice is already recorded.")
    if how not in ServedHow.values:
        raise RuleViolation("Say how the notice was given.", "how")
    if how == ServedHow.OTHER and not how_other.strip():
        raise RuleViolation("Describe how the notice was given.", "how_other")
    if not isinstance(served_at, datetime) or served_at.tzinfo is None:
        raise RuleViolation("Give the date and time the notice was given.", "served_at")
    if served_at > now():
        raise RuleViolation("The time given cannot be in the future.", "served_at")
    if served_at < notice.generated_at.replace(second=0, microsecond=0):
        raise RuleViolation("It cannot have been given before it was produced.", "served_at")
    if explained is None:
        raise RuleViolation("Say whether the notice was explained to the person.", "explained")
    if bool(interpreter_name.strip()) != bool(interpreter_language.strip()):
        raise RuleViolation("Give the interpreter's name and language.", "interpreter_name")
    server = served_by if served_by is not None else (None if served_by_name.strip() else actor)
    notice.served_at = served_at
    notice.served_how = how
    notice.served_how_other = how_other.strip()[:200]
    notice.served_by = server
    notice.served_by_name = (
        served_by_name.strip()
        or (server.get_full_name() or server.username if server is not None else "")
    )[:200]
    notice.explained = explained
    notice.explanation_note = explanation_note.strip()[:1000]
    notice.interpreter_name = interpreter_name.strip()[:200]
    notice.interpreter_language = interpreter_language.strip()[:60]
    notice.person_signed = person_signed
    notice.service_note = note.strip()[:1000]
    notice.service_recorded_at = now()
    notice.service_recorded_by = actor
    notice.version += 1
    notice.save()
    late = notice.due_on is not None and served_at.date() > notice.due_on
    audit_write(
        actor,
        person,
        "compliance.notice.served",
        details={
            "notice_id": notice.pk,
            "how": how,
            "served_at": served_at,
            "explained": explained,
            "interpreter": bool(notice.interpreter_name),
            "late": late,
        },
    )
    return notice
