"""Load the demo: users for every role and jurisdiction (and, once the register exists, people).

Idempotent: running it again changes nothing that is already there.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ncos.web.demo_hooks import run_demo_hooks
from ncos.web.demo_users import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = "Create demo users (and demo data from every app that provides it). Demo mode only."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.NCOS_DEMO_MODE:
            raise CommandError("seed_demo runs only with NCOS_DEMO_MODE=1 (never in production).")
        logins = ensure_demo_users()
        for line in run_demo_hooks():
            self.stdout.write(line)
        if options["quiet_logins"]:
            return
        self.stdout.write("")
        self.stdout.write("Demo logins (all use the password below):")
        for login in logins:
            if login.jurisdiction in ("ACT", "NSW"):
                self.stdout.write(f"  {login.username:<22} {login.role} ({login.jurisdiction})")
        self.stdout.write(
            "  … and the same roles for NT, QLD, SA, TAS, VIC, WA (e.g. wa.registrar)"
        )
        self.stdout.write(f"Password: {DEMO_PASSWORD}")
