"""The compliance app's contributions to the register's hooks (registered in `AppConfig.ready`):
an alert on the person summary, and moving compliance records when two records are merged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone


def person_alerts(person: Any) -> Iterable[tuple[str, str]]:
    """Pure reads, no names: a person who cannot be located, and acknowledgements overdue."""
    from django.db.models import Exists, OuterRef

    from ncos.compliance.models import Acknowledgement, FailureToComply, Report

    alerts: list[tuple[str, str]] = []
    missing = (
        FailureToComply.objects.filter(person=person, status="open", cannot_be_located=True)
        .order_by("-noted_on")
        .first()
    )
    if missing is not None:
        alerts.append(
            (
                "error",
                f"Failed to comply with a reporting obligation and cannot be located (recorded "
                f"{missing.noted_on:%d %b %Y}).",
            )
        )
    today = timezone.localdate(timezone=person.managing_jurisdiction.zone)
    owed = (
        Report.objects.filter(person=person, ack_due_on__lt=today)
        .annotate(
            given=Exists(
                Acknowledgement.objects.filter(report=OuterRef("pk"), given_at__isnull=False)
            )
        )
        .filter(given=False)
        .count()
    )
    if owed:
        alerts.append(
            ("warning", f"{owed} report acknowledgement(s) past the deadline to give them.")
        )
    return alerts


def move_on_merge(survivor: Any, other: Any) -> dict[str, int]:
    """`registry.services.merge.MERGE_HOOKS`: the merged record's reports, receipts, notices and
    failures to comply follow the person to the surviving record (reminders and breach flags
    stay with the merged record's obligations, which no longer apply)."""
    from ncos.compliance.models import (
        Acknowledgement,
        FailureToComply,
        ObligationsNotice,
        PublicNoticeDecision,
        Report,
    )

    return {
        "compliance_reports": Report.objects.filter(person=other).update(person=survivor),
        "compliance_acknowledgements": Acknowledgement.objects.filter(person=other).update(
            person=survivor
        ),
        "compliance_notices": ObligationsNotice.objects.filter(person=other).update(
            person=survivor
        ),
        "compliance_failures": FailureToComply.objects.filter(person=other).update(person=survivor),
        "compliance_public_notice_decisions": PublicNoticeDecision.objects.filter(
            person=other
        ).update(person=survivor),
    }
