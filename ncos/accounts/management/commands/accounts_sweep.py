"""Nightly: disable accounts unused for 45 days (security.md OP-1). Safe to run repeatedly."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ncos.accounts.services import disable_inactive_accounts


class Command(BaseCommand):
    help = "Disable accounts that have not been used for 45 days."

    def handle(self, *args: Any, **options: Any) -> None:
        disabled = disable_inactive_accounts()
        self.stdout.write(f"disabled {len(disabled)} inactive account(s)")
