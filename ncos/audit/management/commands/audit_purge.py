"""`manage.py audit_purge [--before YYYY-MM-DD] [--yes]`: delete audit events past retention
(default: older than NCOS_AUDIT_RETENTION_YEARS, 7 calendar years). Refuses anything less than
a year old. Without --yes it only says what it would delete."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ncos.access.errors import RuleViolation
from ncos.audit.models import AuditEvent
from ncos.audit.purge import default_cutoff, purge_before, too_recent


class Command(BaseCommand):
    help = "Delete audit events older than the retention period (never less than a year old)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--before", help="Cutoff date (UTC), e.g. 2019-07-01.")
        parser.add_argument("--yes", action="store_true", help="Really delete.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["before"]:
            try:
                day = date.fromisoformat(options["before"])
            except ValueError as exc:
                raise CommandError("--before is a date like 2019-07-01.") from exc
            cutoff = datetime.combine(day, time.min, tzinfo=UTC)
        else:
            cutoff = default_cutoff()
        if too_recent(cutoff):
            raise CommandError("Audit events are kept at least a year: choose an older cutoff.")
        count = AuditEvent.objects.filter(at__lt=cutoff).count()
        if not options["yes"]:
            self.stdout.write(
                f"{count} audit event(s) recorded before {cutoff:%Y-%m-%d} would be deleted; "
                "run again with --yes to delete them."
            )
            return
        try:
            purged = purge_before(cutoff)
        except RuleViolation as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"deleted {purged.rows} audit event(s) up to #{purged.up_to_seq}, recorded before "
            f"{cutoff:%Y-%m-%d}; the chain now starts at a signed checkpoint."
        )
