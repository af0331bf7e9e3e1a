"""Tampering with the audit table the way an attacker with database access would: the
append-only triggers are switched off first (as the table owner could), then put back."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from ncos.audit import record as audit

_triggers = importlib.import_module("ncos.audit.migrations.0002_append_only_triggers")


@contextmanager
def tampering() -> Iterator[None]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER audit_event_no_update")
            cursor.execute("DROP TRIGGER audit_event_no_delete")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
            else:
                for statement in _triggers.APPEND_ONLY_SQL["sqlite"]:
                    cursor.execute(statement)


def sql(statement: str, params: list | tuple = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def write_events(n: int, action: str = "test.event") -> list[int]:
    return [audit.record(action=action, details={"i": i}).seq for i in range(n)]


FAILING_INSERT = {
    "sqlite": [
        """CREATE TRIGGER audit_event_insert_fails BEFORE INSERT ON audit_auditevent
           BEGIN SELECT RAISE(ABORT, 'audit store unavailable (test)'); END;"""
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION audit_event_insert_fails() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END; $$ LANGUAGE plpgsql;""",
        """CREATE TRIGGER audit_event_insert_fails BEFORE INSERT ON audit_auditevent
           FOR EACH ROW EXECUTE FUNCTION audit_event_insert_fails();""",
    ],
}


def break_audit_inserts() -> None:
    for statement in FAILING_INSERT[connection.vendor]:
        sql(statement)
