"""Reading personal details: as they stand, as at a date, as known at a time, and history."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q, QuerySet

from ncos.registry.choices import DetailKind
from ncos.registry.kinds import SEARCHABLE_KINDS, SPECS
from ncos.registry.models import Detail, Person


def details_query(
    person: Person,
    *,
    kind: str | None = None,
    as_at: date | None = None,
    known_at: datetime | None = None,
) -> QuerySet[Detail]:
    """Facts of the person that are true on `as_at` (valid time; default: any time) as the
    register knew them at `known_at` (recorded time; default: now). Withdrawn facts are left
    out."""
    qs = Detail.objects.filter(person=person).select_related("recorded_by")
    if known_at is None:
        qs = qs.filter(is_current=True)
    else:
        qs = qs.filter(recorded_at__lte=known_at).filter(
            Q(superseded_at__isnull=True) | Q(superseded_at__gt=known_at)
        )
    qs = qs.filter(withdrawn=False)
    if kind:
        qs = qs.filter(kind=kind)
    if as_at is not None:
        qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=as_at)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=as_at)
        )
    return qs.order_by("kind", "-valid_from", "-recorded_at")


@dataclass
class KindGroup:
    kind: str
    label: str
    law: str
    current: list[Detail] = field(default_factory=list)
    ended: list[Detail] = field(default_factory=list)


def details_by_kind(
    person: Person,
    *,
    today: date,
    as_at: date | None = None,
    known_at: datetime | None = None,
    kinds: tuple[str, ...] | None = None,
) -> list[KindGroup]:
    """Every category (in the Act's order), each with the facts in force on `today` (or `as_at`)
    and, without `as_at`, the ones that have ended."""
    groups = {k: KindGroup(k, SPECS[k].label, SPECS[k].law) for k in (kinds or DetailKind.values)}
    for detail in details_query(person, as_at=as_at, known_at=known_at):
        group = groups.get(detail.kind)
        if group is None:
            continue
        ended = detail.valid_to is not None and detail.valid_to < (as_at or today)
        (group.ended if ended else group.current).append(detail)
    return list(groups.values())


def fact_history(person: Person, fact_id: uuid.UUID) -> list[Detail]:
    """Every version of one fact, newest first (corrections and withdrawals included)."""
    return list(
        Detail.objects.filter(person=person, fact_id=fact_id)
        .select_related("recorded_by")
        .order_by("-sequence")
    )


def histories(person: Person, kind: str | None = None) -> dict[uuid.UUID, list[Detail]]:
    """All versions of all facts (of `kind`), grouped by fact, newest version first."""
    qs = Detail.objects.filter(person=person).select_related("recorded_by")
    if kind:
        qs = qs.filter(kind=kind)
    out: dict[uuid.UUID, list[Detail]] = defaultdict(list)
    for row in qs.order_by("fact_id", "-sequence"):
        out[row.fact_id].append(row)
    return dict(out)


def index_facts(person_id: uuid.UUID) -> list[Detail]:
    """For the search indexer only (no access check, no audit): current, non-withdrawn versions
    of the searchable kinds."""
    return list(
        Detail.objects.filter(
            person_id=person_id, is_current=True, withdrawn=False, kind__in=SEARCHABLE_KINDS
        ).order_by("kind", "recorded_at")
    )
