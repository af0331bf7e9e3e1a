"""`manage.py audit_anomalies [--days 7] [--jurisdiction ACT]`: the weekly anomaly report
(security.md LG-9), national unless a jurisdiction is named. Run weekly from cron; exits 0
whether or not there are findings (they are for an auditor to look at)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ncos.audit.anomalies import detect, rows_between


class Command(BaseCommand):
    help = "Print the audit trail's anomalies over the last N days."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--jurisdiction", default="", help="e.g. ACT; default national.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["days"] <= 366:
            raise CommandError("--days must be between 1 and 366.")
        end = timezone.now()
        start = end - timedelta(days=options["days"])
        code = options["jurisdiction"].upper()
        findings = detect(rows_between(start, end, code))
        scope = code or "all jurisdictions"
        self.stdout.write(
            f"Audit anomalies, {scope}, {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} UTC: "
            f"{len(findings)} finding(s)"
        )
        for f in findings:
            self.stdout.write(
                f"  {f.kind}: {f.username} ({f.jurisdiction}) "
                f"{f.start:%Y-%m-%d %H:%M}–{f.end:%H:%M} UTC — {f.description}"
            )
