"""Build register rows directly (Person + Detail facts) and index them, for search tests.

Rows are written with the ORM instead of the registry's services so these tests exercise the
search on exactly the facts given (the services call the same `reindex_person`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.utils import timezone

from ncos.registry.kinds import summarise
from ncos.registry.models import Detail, Person
from ncos.search.index import reindex_person


def make_person(
    family_name: str,
    given_names: str = "",
    date_of_birth: date = date(1980, 1, 1),
    *,
    jurisdiction: str = "ACT",
    protected: bool = False,
    status: str = "registrable",
    aliases: Iterable[tuple[str, str]] = (),
    facts: Iterable[tuple[str, Mapping[str, Any]] | tuple[str, Mapping[str, Any], dict]] = (),
    index: bool = True,
) -> Person:
    """A person with a current name fact, aliases and other facts ``(kind, data[, extra])``
    where extra may set ``valid_to``, ``withdrawn``, ``is_current``."""
    now = timezone.now()
    person = Person.objects.create(
        family_name=family_name,
        given_names=given_names,
        date_of_birth=date_of_birth,
        managing_jurisdiction_id=jurisdiction,
        protected=protected,
        status=status,
        record_kind="ANCOR" if status == "registrable" else "MPS",
        created_at=now,
        updated_at=now,
    )
    rows: list[tuple[str, Mapping[str, Any], dict]] = [
        (
            "name",
            {"family_name": family_name, "given_names": given_names, "name_type": "current"},
            {},
        ),
    ]
    rows += [
        ("name", {"family_name": f, "given_names": g, "name_type": "alias"}, {}) for f, g in aliases
    ]
    for fact in facts:
        kind, data, *rest = fact
        rows.append((kind, data, rest[0] if rest else {}))
    for kind, data, extra in rows:
        add_fact(person, kind, data, index=False, **extra)
    if index:
        reindex_person(person.pk)
    return person


def add_fact(
    person: Person, kind: str, data: Mapping[str, Any], *, index: bool = True, **extra: Any
) -> Detail:
    detail = Detail.objects.create(
        person=person,
        kind=kind,
        data=dict(data),
        summary=summarise(kind, data),
        recorded_at=timezone.now(),
        **extra,
    )
    if index:
        reindex_person(person.pk)
    return detail
