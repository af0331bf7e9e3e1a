"""`manage.py compliance_sweep [--enqueue] [--as-of YYYY-MM-DD] [--jurisdiction ACT]`

Run nightly. Without --enqueue the sweep runs now, in this process, and prints its figures; with
--enqueue it is queued for the task worker (`manage.py db_worker`). Running it twice does nothing
the second time."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ncos.directory.models import JurisdictionCode


class Command(BaseCommand):
    help = "Recompute obligations, mark overdue ones, open breach tasks and raise reminders."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue it for the worker.")
        parser.add_argument("--as-of", help="Sweep as on this day (default: today, per zone).")
        parser.add_argument("--jurisdiction", choices=JurisdictionCode.values)

    def handle(self, *args: Any, **options: Any) -> None:
        from ncos.compliance.tasks import compliance_sweep

        as_of = options.get("as_of")
        if as_of:
            try:
                date.fromisoformat(as_of)
            except ValueError:
                raise CommandError("--as-of must be YYYY-MM-DD") from None
        kwargs = {"as_of": as_of, "jurisdiction": options.get("jurisdiction")}
        if options["enqueue"]:
            result = compliance_sweep.enqueue(**kwargs)
            self.stdout.write(f"queued compliance sweep {result.id} ({result.status})")
            return
        summary = compliance_sweep.call(**kwargs)
        self.stdout.write(json.dumps(summary, sort_keys=True))
        if summary.get("errors"):
            raise CommandError(f"{len(summary['errors'])} person(s) could not be swept")
