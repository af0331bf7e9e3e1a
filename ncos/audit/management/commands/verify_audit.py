"""Walk the audit chain and report the first broken link (exit status 1 if broken)."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand

from ncos.audit.services import verify_chain


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and signed checkpoints."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        result = verify_chain()
        elapsed = time.perf_counter() - started
        rate = result.checked / elapsed if elapsed > 0 else 0.0
        line = f"{result} ({elapsed:.2f} s, {rate:,.0f} rows/s)"
        if result.ok:
            self.stdout.write(line)
        else:
            self.stderr.write(line)
            sys.exit(1)
