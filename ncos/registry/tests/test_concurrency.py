"""Optimistic concurrency under real concurrency (security.md T3), on the real database: each
thread has its own connection and transactions.

* 16 threads × 100 read-modify-write cycles on one person (PostgreSQL; the embedded SQLite
  mode is sized as security.md T3 sizes it, 4 writers × 200): every attempt either succeeds or
  is refused as a conflict, the version counts the successes, and no update is lost.
* 16 threads supersede the same fact version at once: exactly one wins, one current version.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection, connections

from ncos.access.errors import ConflictError
from ncos.registry import services
from ncos.registry.models import Detail, Person, PersonRevision
from ncos.registry.tests.factories import ADDRESS, make_person, registrar_for

THREADS = 16
CYCLES = 100


def _writers() -> tuple[int, int]:
    """(threads, cycles): PostgreSQL 16 × 100; embedded SQLite (one writer at a time by design,
    WAL + IMMEDIATE + busy timeout) 4 × 200, as security.md T3 states for it."""
    return (THREADS, CYCLES) if connection.vendor == "postgresql" else (4, 200)


def _run(workers: int, job: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def run(n: int) -> None:
        try:
            start.wait()
            job(n)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_read_modify_write_never_loses_an_update():
    actor = registrar_for("ACT")
    person = make_person("ACT", actor=actor)
    Person.objects.filter(pk=person.pk).update(caution="0")
    counts = {"ok": 0, "conflict": 0}
    lock = threading.Lock()

    threads, cycles = _writers()

    def worker(n: int) -> None:
        for _ in range(cycles):
            seen = Person.objects.values("version", "caution").get(pk=person.pk)
            try:
                services.person_update(
                    actor=actor,
                    person_id=person.pk,
                    expected_version=seen["version"],
                    changes={"caution": str(int(seen["caution"]) + 1)},
                    reason=f"worker {n}",
                )
            except ConflictError:
                with lock:
                    counts["conflict"] += 1
            else:
                with lock:
                    counts["ok"] += 1

    errors = _run(threads, worker)
    assert errors == []
    final = Person.objects.get(pk=person.pk)
    assert counts["ok"] + counts["conflict"] == threads * cycles
    assert counts["ok"] >= 1
    assert final.version == 1 + counts["ok"]
    assert int(final.caution) == counts["ok"]  # every success built on the one before it
    assert PersonRevision.objects.filter(person=final).count() == 1 + counts["ok"]


@pytest.mark.django_db(transaction=True)
def test_sixteen_corrections_of_one_version_exactly_one_wins():
    actor = registrar_for("ACT")
    person = make_person("ACT", actor=actor)
    first = services.detail_record(
        actor=actor, person_id=person.pk, kind="address", data=ADDRESS, valid_from=date(2020, 1, 1)
    )
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        try:
            services.detail_correct(
                actor=actor,
                detail_id=first.pk,
                data={**ADDRESS, "line1": f"{n} Race Street"},
                valid_from=date(2020, 1, 1),
                valid_to=None,
                reason=f"worker {n}",
            )
        except ConflictError:
            with lock:
                outcomes.append("conflict")
        else:
            with lock:
                outcomes.append("ok")

    errors = _run(THREADS, worker)
    assert errors == []
    assert sorted(outcomes) == ["conflict"] * (THREADS - 1) + ["ok"]
    versions = Detail.objects.filter(fact_id=first.fact_id)
    assert versions.count() == 2
    assert versions.filter(is_current=True).count() == 1
    assert versions.get(is_current=True).supersedes_id == first.pk
