"""Sign the current chain head (run every few minutes from cron/systemd; idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ncos.audit.services import checkpoint_create


class Command(BaseCommand):
    help = "Record a signed checkpoint of the audit chain head."

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = checkpoint_create()
        if checkpoint is None:
            self.stdout.write("audit chain is empty; nothing to checkpoint")
        else:
            self.stdout.write(f"checkpoint at seq {checkpoint.seq}")
