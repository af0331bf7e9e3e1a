"""Merge two records found to be the same person, keeping all history.

Everything recorded on the duplicate (facts, offences, custody, parole, orders, photos,
documents, status history, obligations' basis) moves to the survivor with its original
recorded-at and recorded-by stamps. The duplicate stays as a pointer (`merged_into`), its
revisions and audit trail untouched, and both records get an audit row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.models import (
    CourtOrder,
    CustodyPeriod,
    Detail,
    Document,
    Offence,
    Parole,
    Person,
    PersonMerge,
    Photo,
)
from ncos.registry.services._common import audit_write, lock_person, now, reindex

MergeHook = Callable[[Person, Person], dict[str, int]]
MERGE_HOOKS: list[MergeHook] = []
"""Other apps' movers, called inside the merge transaction with ``(survivor, other)`` (both
rows locked, both authorised): move your rows of `other` to `survivor` and return counts by
type (they are added to `PersonMerge.moved` and the audit rows). Register in
``AppConfig.ready``; no audit rows, no calls back into registry services."""

MOVED = {
    "details": Detail,
    "custody_periods": CustodyPeriod,
    "paroles": Parole,
    "orders": CourtOrder,
    "photos": Photo,
    "documents": Document,
}


@service
def person_merge(
    *,
    actor: User,
    survivor_id: object,
    other_national_id: str = "",
    other_id: object = None,
    reason: str,
) -> Person:
    """Merge the record `other` into `survivor` (both must be the actor's to merge)."""
    if not (reason or "").strip():
        raise RuleViolation("Give the reason for the merge.", "reason")
    other_pk: Any = other_id
    if other_pk is None:
        wanted = (other_national_id or "").strip().upper()
        other_pk = Person.objects.filter(national_id=wanted).values_list("pk", flat=True).first()
        if other_pk is None:
            raise RuleViolation("No record has that national identifier.", "other")
    # Lock both in a fixed order so two merges of the same pair cannot deadlock.
    first, second = sorted([str(survivor_id), str(other_pk)])
    if first == second:
        raise RuleViolation("A record cannot be merged with itself.", "other")
    locked = {
        str(p.pk): p
        for p in (
            lock_person(actor, first, Action.PERSON_MERGE),
            lock_person(actor, second, Action.PERSON_MERGE),
        )
    }
    survivor, other = locked[str(survivor_id)], locked[str(other_pk)]
    if survivor.managing_jurisdiction_id != other.managing_jurisdiction_id:
        raise RuleViolation(
            "Both records must be managed by the same jurisdiction; transfer one first.", "other"
        )
    if survivor.protected != other.protected:
        raise RuleViolation("A protected and an ordinary record cannot be merged.", "other")
    moved: dict[str, int] = {}
    for name, model in MOVED.items():
        moved[name] = model.objects.filter(person=other).update(person=survivor)
    offences = list(Offence.objects.filter(person=other).order_by("ref"))
    taken = set(Offence.objects.filter(person=survivor).values_list("ref", flat=True))
    next_number = len(taken) + 1
    for offence in offences:
        offence.person = survivor
        if offence.ref in taken:
            while f"O{next_number}" in taken:
                next_number += 1
            offence.ref = f"O{next_number}"
        taken.add(offence.ref)
        offence.save(update_fields=["person", "ref"])
    moved["offences"] = len(offences)
    for hook in MERGE_HOOKS:
        for name, count in hook(survivor, other).items():
            moved[name] = moved.get(name, 0) + int(count)
    stamp = now()
    PersonMerge.objects.create(
        survivor=survivor,
        merged=other,
        reason=reason.strip()[:500],
        moved=moved,
        merged_at=stamp,
        merged_by=actor,
    )
    other.merged_into, other.merged_at = survivor, stamp
    other.version += 1
    other.updated_at = stamp
    other.save(update_fields=["merged_into", "merged_at", "version", "updated_at"])
    from ncos.registry.services.obligations import recompute
    from ncos.registry.services.person import sync_name_cache

    sync_name_cache(survivor)
    recompute(survivor, actor=actor, trigger="records merged")
    reindex(survivor.pk)
    reindex(other.pk)
    details = {"survivor": survivor.pk, "merged": other.pk, "moved": moved}
    audit_write(actor, other, Action.PERSON_MERGE.value, details=details, reason=reason[:300])
    audit_write(actor, survivor, Action.PERSON_MERGE.value, details=details, reason=reason[:300])
    return survivor


__all__ = ["NotFound", "person_merge"]
