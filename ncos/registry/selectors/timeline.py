"""A timeline of every change to a person's record, newest first.

Built from the audit trail's write rows for the person (and any record merged into it), each
joined to the fact version it created where there is one: the trail is the complete, tamper-
evident list of changes, so the timeline cannot miss one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ncos.audit.models import AuditEvent, Outcome
from ncos.registry.models import Detail, Person

READ_ACTIONS = frozenset(
    {"person.view", "person.search", "person.photo", "person.export", "person.print"}
)
LABELS = {
    "person.create": "Registered",
    "person.update": "Identity details changed",
    "person.status": "Status changed",
    "person.detail.record": "Detail recorded",
    "person.detail.correct": "Detail corrected",
    "person.detail.end": "Detail ended",
    "person.detail.withdraw": "Detail withdrawn (recorded in error)",
    "person.offence.charge": "Offence recorded",
    "person.offence.update": "Offence corrected",
    "person.offence.finding": "Finding of guilt recorded",
    "person.offence.close": "Charge closed",
    "person.offence.quash": "Finding quashed",
    "person.custody.record": "Custody period recorded",
    "person.custody.update": "Custody period corrected",
    "person.parole.record": "Parole recorded",
    "person.parole.update": "Parole corrected",
    "person.order.record": "Court order recorded",
    "person.order.update": "Court order corrected",
    "person.photo.upload": "Photograph added",
    "person.photo.withdraw": "Photograph withdrawn",
    "person.document.upload": "Document added",
    "person.document.withdraw": "Document withdrawn",
    "person.merge": "Records merged",
    "person.transfer": "Managing jurisdiction transferred",
    "person.case_officer": "Case officer assigned",
    "person.obligations.refresh": "Obligations recomputed",
}


@dataclass
class TimelineEntry:
    at: datetime
    action: str
    label: str
    user: str
    reason: str
    detail: Detail | None
    changes: dict[str, Any]


def timeline(person: Person, *, limit: int = 500) -> list[TimelineEntry]:
    ids = [str(person.pk)] + [str(pk) for pk in person.merged_from.values_list("pk", flat=True)]
    rows = list(
        AuditEvent.objects.filter(object_type="person", object_id__in=ids, outcome=Outcome.ALLOWED)
        .filter(action__startswith="person.")
        .exclude(action__in=READ_ACTIONS)
        .order_by("-seq")[:limit]
    )
    detail_ids = {r.details.get("detail_id") for r in rows if r.details.get("detail_id")}
    details = {str(d.pk): d for d in Detail.objects.filter(pk__in=list(detail_ids))}
    return [
        TimelineEntry(
            at=row.at,
            action=row.action,
            label=LABELS.get(row.action, row.action),
            user=row.actor_username or "system",
            reason=row.reason,
            detail=details.get(str(row.details.get("detail_id"))),
            changes=row.details.get("changes") or {},
        )
        for row in rows
    ]
