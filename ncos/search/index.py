"""Building the search-key table from the register.

Dates of birth are not keys: the search filters on the register's indexed
``Person.date_of_birth`` column directly (exact, year and range are one range condition).

`reindex_person(person_id)` is called by every registry service that changes something search
finds a person by (inside the service's transaction, before its audit row). It deletes the
person's keys and writes them again from the identity core and the current, non-withdrawn
versions of the searchable facts. It writes no audit row and calls no registry service.

`keys_for(...)` is the pure part: from plain values to `SearchKey` objects, so the bulk
generator (`generate_people`) builds exactly the keys `reindex_person` would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from ncos.search import normalise as n
from ncos.search.models import SearchKey

# Order of preference when one value comes from several facts (shown as "matched <label>").
_LABEL_RANK = {"current": 0, "birth": 1, "previous": 2, "alias": 3, "nickname": 4}
INDEXED_KINDS = ("name", "address", "vehicle", "carriage_service", "online_identity", "passport")


@dataclass(frozen=True)
class Fact:
    """What the indexer needs of one fact version: its kind, data and whether it has ended."""

    kind: str
    data: Mapping[str, Any]
    valid_to: date | None = None


def keys_for(
    person_id: uuid.UUID,
    *,
    family_name: str,
    given_names: str,
    facts: Iterable[Fact],
) -> list[SearchKey]:
    """The search keys of one person (deduplicated by kind and value). A key is ``current``
    unless every fact it comes from has an end date (a former address, a previous name)."""
    return [
        SearchKey(person_id=person_id, kind=kind, value=value, label=label, current=current)
        for kind, value, label, current in key_rows(
            family_name=family_name, given_names=given_names, facts=facts
        )
    ]


def key_rows(
    *, family_name: str, given_names: str, facts: Iterable[Fact]
) -> list[tuple[str, str, str, bool]]:
    """`keys_for` as plain ``(kind, value, label, current)`` tuples (for bulk loading)."""
    found: dict[tuple[str, str], tuple[str, bool]] = {}

    def add(kind: str, value: str, label: str, current: bool) -> None:
        if not value:
            return
        key = (kind, value[: n.MAX_VALUE])
        seen = found.get(key)
        if seen is None:
            found[key] = (label, current)
            return
        # Keep the most telling label and "current" if any source is current.
        best = min(seen[0], label, key=lambda lab: _LABEL_RANK.get(lab, 9))
        found[key] = (best, seen[1] or current)

    def add_name(family: str, given: str, label: str, current: bool) -> None:
        if not n.name_tokens(family) and not n.name_tokens(given):
            return
        keys = n.name_keys(given, family)
        add(n.NAME, keys.full, label, current)
        for code in keys.tokens:
            add(n.NAME_TOKEN, code, label, current)
        for code in keys.pairs:
            add(n.NAME_PAIR, code, label, current)
        for code in keys.typos:
            add(n.NAME_PAIR, code, label, current)

    add_name(family_name, given_names, "current", True)

    for fact in facts:
        data = fact.data or {}
        current = fact.valid_to is None
        if fact.kind == "name":
            label = str(data.get("name_type") or "alias")
            if label == "current" and not current:
                label = "previous"
            add_name(
                str(data.get("family_name", "")), str(data.get("given_names", "")), label, current
            )
        elif fact.kind == "address":
            text = " ".join(
                str(data.get(part) or "")
                for part in ("line1", "line2", "locality", "state", "postcode")
            )
            folded = n.address(text)
            if folded:
                add(n.ADDRESS, " " + folded, str(data.get("address_type") or ""), current)
        elif fact.kind == "vehicle":
            add(n.VEHICLE, n.registration(str(data.get("registration") or "")), "", current)
        elif fact.kind == "carriage_service":
            number = str(data.get("number") or "")
            add(n.PHONE, n.phone(number), "", current)
            add(n.PHONE_SUFFIX, n.phone_suffix(number), "", current)
        elif fact.kind == "online_identity":
            add(
                n.ONLINE,
                n.online_identity(str(data.get("identifier") or "")),
                str(data.get("identity_type") or ""),
                current,
            )
        elif fact.kind == "passport":
            add(n.PASSPORT, n.passport(str(data.get("number") or "")), "", current)

    return [
        (kind, value, label[:20], current)
        for (kind, value), (label, current) in sorted(found.items())
    ]


def _facts_of(person_id: uuid.UUID) -> list[Fact]:
    from ncos.registry.models import Detail

    rows = Detail.objects.filter(
        person_id=person_id, kind__in=INDEXED_KINDS, is_current=True, withdrawn=False
    ).values_list("kind", "data", "valid_to")
    return [Fact(kind, data, valid_to) for kind, data, valid_to in rows]


def reindex_person(person_id: uuid.UUID) -> None:
    """Rebuild one person's keys (idempotent). A merged or missing person keeps no keys: the
    survivor of a merge holds the moved facts and is found instead."""
    from ncos.registry.models import Person

    with transaction.atomic():
        SearchKey.objects.filter(person_id=person_id).delete()
        person = (
            Person.objects.filter(pk=person_id, merged_into__isnull=True)
            .values("family_name", "given_names")
            .first()
        )
        if person is None:
            return
        SearchKey.objects.bulk_create(
            keys_for(
                person_id,
                family_name=person["family_name"],
                given_names=person["given_names"],
                facts=_facts_of(person_id),
            )
        )
