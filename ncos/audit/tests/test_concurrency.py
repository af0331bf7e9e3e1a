"""Concurrent writers keep one contiguous chain (security.md T8 concurrency), on the real
database: each thread has its own connection and commits its own transactions."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from ncos.audit import record as audit
from ncos.audit.models import AuditEvent
from ncos.audit.services import verify_chain

WRITERS = 8
EVENTS_EACH = 40


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_a_contiguous_chain():
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(EVENTS_EACH):
                audit.record(action="test.concurrent", details={"writer": n, "i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, WRITERS * EVENTS_EACH + 1))
    per_writer = (
        {n: AuditEvent.objects.filter(details__writer=n).count() for n in range(WRITERS)}
        if connection.vendor == "postgresql"
        else None
    )
    if per_writer is not None:
        assert set(per_writer.values()) == {EVENTS_EACH}
    result = verify_chain()
    assert result.ok, result
    assert result.checked == WRITERS * EVENTS_EACH
