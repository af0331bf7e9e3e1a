"""Purging audit events past their retention period (security.md LG-8).

Retention is `NCOS_AUDIT_RETENTION_YEARS` calendar years (7 by default); nothing less than a
year old (at least 365 days) can ever be purged. The purge removes whole rows from the start of
the chain up to a signed checkpoint it makes first, so `verify_audit` goes on verifying from
that checkpoint; it is itself recorded in the trail. There is no other delete path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ncos.access.errors import RuleViolation
from ncos.audit import record as audit
from ncos.audit.append_only import triggers_lifted
from ncos.audit.models import AuditEvent
from ncos.audit.services import checkpoint_at
from ncos.law.time.dates import Feb29, add_years

MINIMUM_YEARS = 1


@dataclass(frozen=True)
class Purged:
    cutoff: datetime
    up_to_seq: int
    rows: int


def years_before(now: datetime, years: int) -> datetime:
    """Midnight UTC on the same day `years` calendar years earlier (29 February → 28 February,
    which keeps a day more rather than less)."""
    day = add_years(now.astimezone(UTC).date(), -years, feb29=Feb29.ROUND_DOWN)
    return datetime.combine(day, time.min, tzinfo=UTC)


def default_cutoff(now: datetime | None = None) -> datetime:
    return years_before(now or timezone.now(), settings.NCOS_AUDIT_RETENTION_YEARS)


def too_recent(cutoff: datetime, now: datetime | None = None) -> bool:
    return cutoff > years_before(now or timezone.now(), MINIMUM_YEARS)


def purge_before(cutoff: datetime, *, now: datetime | None = None) -> Purged:
    """Delete the events recorded before `cutoff` (from the start of the chain); refuses a
    cutoff less than 365 days ago."""
    now = now or timezone.now()
    if too_recent(cutoff, now):
        raise RuleViolation(
            "Audit events are kept at least a year: choose a cutoff at least a year ago.",
            "before",
        )
    with transaction.atomic():
        last = (
            AuditEvent.objects.filter(at__lt=cutoff)
            .order_by("-seq")
            .values_list("seq", "hash")
            .first()
        )
        if last is None:
            return Purged(cutoff, 0, 0)
        seq, row_hash = last
        checkpoint_at(seq, row_hash)
        with triggers_lifted(connection):
            rows, _ = AuditEvent.objects.filter(seq__lte=seq).delete()
        audit.record(
            action="audit.purged",
            actor=None,
            reason=f"retention: events before {cutoff.date().isoformat()}",
            details={"up_to_seq": seq, "rows": rows, "cutoff": cutoff.isoformat()},
        )
    return Purged(cutoff, seq, rows)
