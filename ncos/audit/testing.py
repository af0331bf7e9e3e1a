"""Test support: lift the append-only triggers for the test runner's database flush only.

Django's TransactionTestCase (pytest-django's `transactional_db`, used by `live_server` and the
browser tests) empties every table after each test. The append-only triggers rightly refuse
that; `ncos.common.testing.flush` lifts them for the flush's own statements and puts them back
at once. Production code never calls this.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def _trigger_sql(vendor: str) -> list[str]:
    module = importlib.import_module("ncos.audit.migrations.0002_append_only_triggers")
    return list(module.APPEND_ONLY_SQL.get(vendor, []))


@contextmanager
def triggers_lifted(connection: Any) -> Iterator[None]:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        elif vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
            elif vendor == "sqlite":
                for statement in _trigger_sql("sqlite"):
                    cursor.execute(statement)
