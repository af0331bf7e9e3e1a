"""`manage.py bench_signin [--rounds 60]`: does a failed sign-in take the same time whether the
username is unknown, the password wrong or the account locked? (security.md AU-9: median gap
under 10 ms.)

Posts to the real sign-in page (middleware, the form, the Argon2 hasher of the settings in use,
the lockout backend, audit) with the three kinds of failure interleaved round by round, each
from its own client address so the per-address throttle never answers instead. Everything runs
in one transaction that is rolled back: the throwaway users, failures, locks and audit rows
are gone afterwards. Prints the median and 95th percentile per kind and the largest gap
between medians.
"""

from __future__ import annotations

import secrets
import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from ncos.accounts.models import AccountLock, SignInFailure, User
from ncos.common.bench import percentile

KINDS = ("unknown username", "wrong password", "locked account")
TARGET_GAP_MS = 10.0


class Command(BaseCommand):
    help = "Time failed sign-ins: unknown user vs wrong password vs locked account (AU-9)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rounds", type=int, default=60, help="Attempts per kind.")

    def handle(self, *args: Any, **options: Any) -> None:
        rounds = options["rounds"]
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        with transaction.atomic():
            timings = self._measure(rounds)
            transaction.set_rollback(True)
        medians = {kind: statistics.median(values) for kind, values in timings.items()}
        self.stdout.write(f"failed sign-ins, {rounds} per kind")
        self.stdout.write(f"  {'kind':<20}{'median ms':>10}{'p95 ms':>10}")
        for kind, values in timings.items():
            self.stdout.write(
                f"  {kind:<20}{medians[kind]:>10.1f}{percentile(values, 0.95):>10.1f}"
            )
        gap = max(medians.values()) - min(medians.values())
        verdict = "met" if gap < TARGET_GAP_MS else "NOT met"
        self.stdout.write(
            f"  largest gap between medians: {gap:.1f} ms (target < 10 ms: {verdict})"
        )

    def _measure(self, rounds: int) -> dict[str, list[float]]:
        password = secrets.token_urlsafe(24)
        suffix = secrets.token_hex(4)
        real = User.objects.create_user(f"bench.signin.{suffix}", password=password)
        locked = User.objects.create_user(f"bench.locked.{suffix}", password=password)
        AccountLock.objects.create(user=locked, locked_at=timezone.now(), reason="benchmark")
        names = {
            KINDS[0]: f"bench.nobody.{suffix}",
            KINDS[1]: real.username,
            KINDS[2]: locked.username,
        }
        timings: dict[str, list[float]] = {kind: [] for kind in KINDS}
        url = reverse("account_login")
        wrong = secrets.token_urlsafe(24)
        with override_settings(ALLOWED_HOSTS=["localhost"]):
            for index in range(rounds + 3):  # three untimed warm-up rounds
                for kind in KINDS:
                    # A fresh address each time, and no failures piling up on the real user.
                    SignInFailure.objects.filter(username=real.username).delete()
                    client = Client(
                        SERVER_NAME="localhost",
                        REMOTE_ADDR=f"10.{index // 250}.{index % 250}.{KINDS.index(kind) + 1}",
                    )
                    data = {"login": names[kind], "password": wrong, "acknowledge": "on"}
                    started = time.perf_counter()
                    response = client.post(url, data)
                    elapsed = (time.perf_counter() - started) * 1000
                    if response.status_code != 200:
                        raise CommandError(f"{kind}: HTTP {response.status_code}, not the form")
                    if index >= 3:
                        timings[kind].append(elapsed)
        return timings
