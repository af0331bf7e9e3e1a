"""PostgreSQL only: a trigram index that accelerates the address search's ``LIKE '% token%'``.

The query is the same on every database (`ncos.search.engine.base_queryset`); SQLite scans the
address keys, PostgreSQL uses this index — same results, different speed. pg_trgm is a trusted
extension (PostgreSQL 13+), so the application's role can create it; if it is unavailable the
migration leaves a warning and the search still works, only slower.
"""

import logging

from django.db import migrations

logger = logging.getLogger("ncos.search")

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_key_address_trgm ON search_searchkey "
    "USING gin (value gin_trgm_ops) WHERE kind = 'ad'",
]
DROP = ["DROP INDEX IF EXISTS search_key_address_trgm"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            for statement in CREATE:
                schema_editor.execute(statement)
    except DatabaseError as exc:  # pragma: no cover - depends on the server's contrib modules
        logger.warning("pg_trgm unavailable; address search will scan: %s", exc)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
