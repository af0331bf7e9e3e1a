"""Government custody periods, parole and court orders: record and correct (versioned)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models

from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.choices import CustodyReason, OrderKind
from ncos.registry.models import CourtOrder, CustodyPeriod, Offence, Parole, Person
from ncos.registry.services._common import audit_write, check_not_future, lock_person, now
from ncos.registry.services.offences import STALE, apply_changes, locked_child

CUSTODY_FIELDS = (
    "entered_on",
    "left_on",
    "reason",
    "facility",
    "jurisdiction",
    "offence",
    "withdrawn",
)
PAROLE_FIELDS = ("starts_on", "ends_on", "term_ends_on", "conditions", "offence", "withdrawn")
ORDER_FIELDS = (
    "kind",
    "jurisdiction",
    "court",
    "reference",
    "made_on",
    "effective_from",
    "ends_on",
    "period",
    "effect",
    "quashed_on",
    "offence",
    "withdrawn",
)


def _validate_custody(spell: CustodyPeriod, person: Person) -> None:
    if spell.reason not in CustodyReason.values:
        raise RuleViolation("Choose the reason for custody.", "reason")
    check_not_future(spell.entered_on, person, "entered_on", "The date custody began")
    check_not_future(spell.left_on, person, "left_on", "The date custody ended")
    if spell.left_on and spell.left_on < spell.entered_on:
        raise RuleViolation("The person cannot leave custody before entering it.", "left_on")
    overlapping = (
        CustodyPeriod.objects.filter(person=person, withdrawn=False)
        .exclude(pk=spell.pk)
        .filter(models.Q(left_on__isnull=True) | models.Q(left_on__gt=spell.entered_on))
    )
    if spell.left_on:
        overlapping = overlapping.filter(entered_on__lt=spell.left_on)
    if not spell.withdrawn and overlapping.exists():
        raise RuleViolation(
            "This period overlaps another custody period of the person.", "entered_on"
        )


def _validate_parole(parole: Parole, person: Person) -> None:
    check_not_future(parole.starts_on, person, "starts_on", "The start of parole")
    if parole.ends_on and parole.ends_on < parole.starts_on:
        raise RuleViolation("Parole cannot end before it starts.", "ends_on")
    if parole.term_ends_on and parole.term_ends_on < parole.starts_on:
        raise RuleViolation("The term of imprisonment ends before parole starts.", "term_ends_on")


def _validate_order(order: CourtOrder, person: Person) -> None:
    if order.kind not in OrderKind.values:
        raise RuleViolation("Choose the kind of order.", "kind")
    if not (order.jurisdiction or "").strip():
        raise RuleViolation("Enter the jurisdiction that made the order.", "jurisdiction")
    check_not_future(order.made_on, person, "made_on", "The date the order was made")
    if order.effective_from and order.effective_from < order.made_on:
        raise RuleViolation("An order cannot take effect before it is made.", "effective_from")
    start = order.effective_from or order.made_on
    if order.ends_on and order.ends_on < start:
        raise RuleViolation("The order ends before it takes effect.", "ends_on")
    if order.quashed_on and order.quashed_on < order.made_on:
        raise RuleViolation("The order cannot be quashed before it was made.", "quashed_on")
    if order.period and order.period != "life":
        import re

        if not re.fullmatch(r"\d+y(\d+m)?|\d+m", order.period):
            raise RuleViolation('Write the period as "15y", "7y6m" or "life".', "period")


_VALIDATORS = {
    CustodyPeriod: _validate_custody,
    Parole: _validate_parole,
    CourtOrder: _validate_order,
}
_FIELDS = {CustodyPeriod: CUSTODY_FIELDS, Parole: PAROLE_FIELDS, CourtOrder: ORDER_FIELDS}
_NAMES = {CustodyPeriod: "custody", Parole: "parole", CourtOrder: "order"}


def _check_offence(person: Person, fields: Mapping[str, Any]) -> None:
    offence = fields.get("offence")
    if offence is not None and (not isinstance(offence, Offence) or offence.person_id != person.pk):
        raise RuleViolation("Choose one of this person's offences.", "offence")


def _record(
    actor: User,
    model: type[models.Model],
    person_id: object,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Any:
    person = lock_person(actor, person_id)
    if expected_version is not None and person.version != expected_version:
        raise ConflictError(STALE, current_version=person.version)
    unknown = sorted(set(fields) - set(_FIELDS[model]) - {"withdrawn"})
    if unknown:
        raise RuleViolation(f"“{unknown[0]}” is not a field here.", unknown[0])
    _check_offence(person, fields)
    stamp = now()
    obj = model(
        person=person,
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
        updated_by=actor,
        **fields,
    )
    _VALIDATORS[model](obj, person)  # type: ignore[index]
    obj.save(force_insert=True)
    name = _NAMES[model]  # type: ignore[index]
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=f"{name} recorded")
    audit_write(actor, person, f"person.{name}.record", details={f"{name}_id": obj.pk})
    return obj


def _update(
    actor: User,
    model: type[models.Model],
    pk: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str,
) -> Any:
    person, obj = locked_child(actor, model, pk, expected_version)
    _check_offence(person, changes)
    diff = apply_changes(obj, changes, _FIELDS[model], actor)  # type: ignore[index]
    if not diff:
        return obj
    _VALIDATORS[model](obj, person)  # type: ignore[index]
    obj.save()
    name = _NAMES[model]  # type: ignore[index]
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=f"{name} corrected")
    audit_write(
        actor,
        person,
        f"person.{name}.update",
        changes=diff,
        reason=reason[:300],
        details={f"{name}_id": obj.pk, "version": obj.version},
    )
    return obj


@service
def custody_record(
    *, actor: User, person_id: object, expected_version: int | None = None, **fields: Any
) -> CustodyPeriod:
    """Record a period of government custody (in / out dates)."""
    return _record(actor, CustodyPeriod, person_id, fields, expected_version)


@service
def custody_update(
    *,
    actor: User,
    custody_id: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str = "",
) -> CustodyPeriod:
    return _update(actor, CustodyPeriod, custody_id, expected_version, changes, reason)


@service
def parole_record(
    *, actor: User, person_id: object, expected_version: int | None = None, **fields: Any
) -> Parole:
    """Record release on parole."""
    return _record(actor, Parole, person_id, fields, expected_version)


@service
def parole_update(
    *,
    actor: User,
    parole_id: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str = "",
) -> Parole:
    return _update(actor, Parole, parole_id, expected_version, changes, reason)


@service
def order_record(
    *, actor: User, person_id: object, expected_version: int | None = None, **fields: Any
) -> CourtOrder:
    """Record a court order (registration, suspension, prohibition, removal, corresponding)."""
    return _record(actor, CourtOrder, person_id, fields, expected_version)


@service
def order_update(
    *,
    actor: User,
    order_id: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str = "",
) -> CourtOrder:
    return _update(actor, CourtOrder, order_id, expected_version, changes, reason)


__all__ = [
    "NotFound",
    "custody_record",
    "custody_update",
    "order_record",
    "order_update",
    "parole_record",
    "parole_update",
]
