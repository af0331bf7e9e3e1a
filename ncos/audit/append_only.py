"""Lifting the audit table's append-only triggers, for exactly two callers:

* the purge of events past their retention period (`ncos.audit.purge`, LG-8), which deletes
  only whole rows up to a signed checkpoint;
* the test runner's full-database flush after transactional tests (`ncos.common.testing.flush`).

No other code path updates or deletes audit rows. On PostgreSQL, disabling the triggers needs
the table owner: a deployment whose application role is not the owner runs the purge with the
owner's credentials.
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
