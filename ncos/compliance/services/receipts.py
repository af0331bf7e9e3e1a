"""Acknowledging a report in writing (ACT s 81; NSW s 12C): produce the receipt PDF, keep a copy,
record that it was given.

A receipt can be produced again (a new numbered copy) until one is given; from then on the
receipt given is final. Every copy ever produced is kept with its SHA-256.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Max

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.common.services import service
from ncos.compliance import law
from ncos.compliance.choices import GivenHow, MadeBy, Manner
from ncos.compliance.models import Acknowledgement, Report
from ncos.compliance.services._common import (
    as_uuid,
    audit_write,
    check_version,
    lock_person,
    now,
    sha256,
    zone_of,
)
from ncos.compliance.states import describe


def _report(report_id: object) -> Report:
    report = (
        Report.objects.select_related("person", "person__managing_jurisdiction", "place", "officer")
        .filter(pk=as_uuid(report_id, "report"))
        .first()
    )
    if report is None:
        raise NotFound("report not found")
    return report


def receipt_context(report: Report, sequence: int, generated_at: datetime) -> dict[str, Any]:
    """Everything the receipt prints (template `documents/compliance_receipt.html`)."""
    person = report.person
    zone = zone_of(person)
    j = report.jurisdiction
    met = []
    for link in report.meets.select_related("obligation").order_by("due_date", "obligation_key"):
        label = describe(link.obligation, zone) if link.obligation else link.obligation_key
        if link.met_on is None:
            timing = "recorded"
        elif link.days_late:
            timing = f"met {link.days_late} day{'s' if link.days_late != 1 else ''} late"
        else:
            timing = "met on time"
        met.append({"label": label, "timing": timing})
    return {
        "registry": person.managing_jurisdiction,
        "report": report,
        "person": person,
        "reference": f"{report.reference}/A{sequence}",
        "act": law.act_for(j),
        "section": law.sections(j)["receipt"],
        "received_local": report.received_at.astimezone(zone),
        "zone_name": person.managing_jurisdiction.time_zone,
        "in_person": report.manner == Manner.IN_PERSON,
        "manner_label": Manner(report.manner).label,
        "made_by_representative": report.made_by == MadeBy.REPRESENTATIVE,
        "met": met,
        "changes": report.changes,
        "snapshot": report.details_snapshot if report.kind in ("initial", "annual") else [],
        "information": report.information,
        "show_reference_number": report.manner != Manner.IN_PERSON,
        "generated_local": generated_at.astimezone(zone),
        "footer_text": f"Acknowledgement {report.reference}/A{sequence} — keep this copy",
    }


@service
def receipt_generate(*, actor: Any, report_id: object) -> Acknowledgement:
    """Produce the written acknowledgement of a report as a PDF and keep the copy."""
    from ncos.documents.render import render_pdf

    found = _report(report_id)
    person = lock_person(actor, found.person_id, Action.PERSON_PRINT)
    report = _report(found.pk)
    given = report.acknowledgements.filter(given_at__isnull=False).first()
    if given is not None and given.given_at is not None:
        raise RuleViolation(
            f"Acknowledgement {given.reference} was given on "
            f"{given.given_at.astimezone(zone_of(person)):%d %b %Y}; it is final."
        )
    sequence = (report.acknowledgements.aggregate(n=Max("sequence"))["n"] or 0) + 1
    stamp = now()
    pdf = render_pdf("documents/compliance_receipt.html", receipt_context(report, sequence, stamp))
    ack = Acknowledgement.objects.create(
        report=report,
        person=person,
        sequence=sequence,
        pdf=pdf,
        sha256=sha256(pdf),
        size_bytes=len(pdf),
        generated_at=stamp,
        generated_by=actor,
    )
    audit_write(
        actor,
        person,
        "compliance.receipt.generate",
        details={
            "report_id": report.pk,
            "acknowledgement_id": ack.pk,
            "sequence": sequence,
            "sha256": ack.sha256,
        },
    )
    return ack


def _ack(receipt_id: object) -> Acknowledgement:
    ack = (
        Acknowledgement.objects.select_related("report", "person")
        .filter(pk=as_uuid(receipt_id, "receipt"))
        .first()
    )
    if ack is None:
        raise NotFound("receipt not found")
    return ack


@service
def receipt_mark_given(
    *,
    actor: Any,
    receipt_id: object,
    given_at: datetime,
    how: str,
    given_to: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> Acknowledgement:
    """Record that the acknowledgement was given to the person who made the report (ACT s 81
    (2) (b); NSW s 12C (2)), when and how."""
    found = _ack(receipt_id)
    person = lock_person(actor, found.person_id, Action.PERSON_UPDATE)
    ack = Acknowledgement.objects.select_for_update().get(pk=found.pk)
    check_version(ack.version, expected_version)
    report = ack.report
    if ack.given_at is not None:
        raise RuleViolation("This acknowledgement was already recorded as given.")
    other = report.acknowledgements.filter(given_at__isnull=False).exclude(pk=ack.pk).first()
    if other is not None:
        raise RuleViolation(f"Acknowledgement {other.reference} was already given for this report.")
    latest = report.acknowledgements.aggregate(n=Max("sequence"))["n"]
    if ack.sequence != latest:
        raise RuleViolation("A newer copy of this receipt was produced: give that one.")
    if how not in GivenHow.values:
        raise RuleViolation("Say how the acknowledgement was given.", "how")
    if how == GivenHow.AGREED and report.jurisdiction != "NSW":
        raise RuleViolation("Agreements on how to give acknowledgements are NSW s 12C (4).", "how")
    if how == GivenHow.AGREED and not note.strip():
        raise RuleViolation("Describe the agreement (NSW s 12C (4), (5)).", "note")
    if not isinstance(given_at, datetime) or given_at.tzinfo is None:
        raise RuleViolation("Give the date and time it was given.", "given_at")
    if given_at < ack.generated_at.replace(second=0, microsecond=0):
        raise RuleViolation("It cannot have been given before it was produced.", "given_at")
    if given_at > now():
        raise RuleViolation("The time given cannot be in the future.", "given_at")
    recipient = given_to.strip() or (
        report.representative_name if report.made_by == MadeBy.REPRESENTATIVE else ""
    )
    ack.given_at = given_at
    ack.given_how = how
    ack.given_to = recipient[:200]
    ack.given_note = note.strip()[:500]
    ack.given_recorded_by = actor
    ack.version += 1
    ack.save()
    late = given_at.astimezone(zone_of(person)).date() > report.ack_due_on
    audit_write(
        actor,
        person,
        "compliance.receipt.given",
        details={
            "report_id": report.pk,
            "acknowledgement_id": ack.pk,
            "how": how,
            "given_at": given_at,
            "late": late,
            "sha256": ack.sha256,
        },
    )
    return ack


def ack_rule_text(jurisdiction: str) -> str:
    return law.ack_rule(jurisdiction).text
