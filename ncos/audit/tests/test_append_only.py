"""The trail is append-only: the database itself refuses UPDATE and DELETE, and no code path
tries (security.md LG-4; T8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from ncos.audit.models import AuditEvent
from ncos.audit.services import verify_chain

from .helpers import sql, write_events

pytestmark = pytest.mark.django_db


def _refused(statement: str, params: tuple = ()) -> bool:
    try:
        with transaction.atomic():
            sql(statement, params)
    except DatabaseError as exc:
        return "append-only" in str(exc)
    return False


def test_update_and_delete_are_refused_by_the_database():
    write_events(3)
    before = list(AuditEvent.objects.order_by("seq").values_list("seq", "action", "hash"))
    assert _refused("UPDATE audit_auditevent SET action = 'x' WHERE seq = 2")
    assert _refused("UPDATE audit_auditevent SET reason = 'x'")
    assert _refused("DELETE FROM audit_auditevent WHERE seq = 3")
    assert _refused("DELETE FROM audit_auditevent")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(seq=1).update(reason="edited by the ORM")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(seq=1).delete()
    if connection.vendor == "postgresql":  # SQLite has no TRUNCATE (it is a DELETE there)
        assert _refused("TRUNCATE audit_auditevent")
    after = list(AuditEvent.objects.order_by("seq").values_list("seq", "action", "hash"))
    assert after == before
    assert verify_chain().ok


def test_the_triggers_are_installed():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditevent'::regclass "
                "AND NOT tgisinternal"
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_auditevent'"
            )
        names = {row[0] for row in cursor.fetchall()}
    assert {"audit_event_no_update"} <= names
    if connection.vendor == "postgresql":
        assert "audit_event_no_truncate" in names
    else:
        assert "audit_event_no_delete" in names


def test_no_code_path_updates_deletes_or_creates_audit_rows_outside_record_and_purge():
    root = Path(settings.BASE_DIR) / "ncos"
    writes = re.compile(
        r"AuditEvent\.objects[^\n]*\.(update|delete|create|bulk_create|bulk_update|"
        r"update_or_create|get_or_create)\(|AuditEvent\([^)]*\)\.save\("
    )
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for match in writes.finditer(text):
            # record.py appends; purge.py deletes whole rows past retention up to a signed
            # checkpoint (LG-8, tested in test_purge.py). Nothing else writes.
            allowed = (path.name, match.group(1)) in {
                ("record.py", "create"),
                ("purge.py", "delete"),
            }
            if not allowed:
                offenders.append(f"{path.relative_to(root)}: {match.group(0)}")
    assert offenders == []
