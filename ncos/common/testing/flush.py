"""Make the test runner's full-database flush safe for ncos (tests only).

Transactional tests (`transactional_db`, `live_server`, the browser journeys, the concurrency
tests) end with Django flushing every table. Two things need care:

* the audit table is append-only (database triggers): they are lifted for the flush only;
* reference data that migrations load (the eight jurisdictions, the approved reporting places)
  would be gone for every later test in the same process: it is loaded again after the flush.

Apps whose data migrations load reference data add a loader to `AFTER_FLUSH`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from django.db.backends.base.operations import BaseDatabaseOperations


def _reload_jurisdictions() -> None:
    from ncos.directory.loader import upsert_jurisdictions
    from ncos.directory.models import Jurisdiction

    upsert_jurisdictions(Jurisdiction)


def _reload_reporting_places() -> None:
    from ncos.compliance.models import ReportingPlace
    from ncos.compliance.places import upsert_reporting_places
    from ncos.directory.models import Jurisdiction

    upsert_reporting_places(Jurisdiction, ReportingPlace)


AFTER_FLUSH: list[Callable[[], None]] = [_reload_jurisdictions, _reload_reporting_places]
_installed = False


def make_test_flush_safe() -> None:
    global _installed
    if _installed:
        return
    original = BaseDatabaseOperations.execute_sql_flush

    @functools.wraps(original)
    def execute_sql_flush(self: BaseDatabaseOperations, sql_list: list[str]) -> Any:
        from ncos.audit.append_only import triggers_lifted

        audit = any("audit_auditevent" in statement for statement in sql_list)
        with triggers_lifted(self.connection) if audit else nullcontext():
            result = original(self, sql_list)
        for loader in AFTER_FLUSH:
            loader()
        return result

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]
    _installed = True
