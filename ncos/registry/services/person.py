"""Register a person; change the identity core (optimistic concurrency); move the status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.roles import PERSON_WRITERS
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.directory.models import Jurisdiction
from ncos.registry.choices import (
    STATUS_TRANSITIONS,
    DetailKind,
    PersonStatus,
    Sex,
    SourceType,
    record_kind_for,
)
from ncos.registry.models import Detail, Person, PersonRevision, StatusChange, new_national_id
from ncos.registry.services._common import (
    OBJECT_TYPE,
    audit_write,
    local_today,
    lock_person,
    now,
    reindex,
    violation_from,
)

# The identity core a registrar edits on the person form (names are facts: see details.py).
CORE_FIELDS = (
    "date_of_birth",
    "sex",
    "place_of_birth",
    "country_of_birth",
    "case_officer",
    "caution",
    "protected",
)
SNAPSHOT_FIELDS = (
    "family_name",
    "given_names",
    *CORE_FIELDS,
    "status",
    "record_kind",
    "managing_jurisdiction",
)


def snapshot(person: Person) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in SNAPSHOT_FIELDS:
        value = getattr(
            person, f"{name}_id" if name in ("case_officer", "managing_jurisdiction") else name
        )
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _revision(person: Person, actor: Any, reason: str) -> None:
    PersonRevision.objects.create(
        person=person,
        version=person.version,
        data=snapshot(person),
        changed_at=person.updated_at,
        changed_by=actor,
        reason=reason[:300],
    )


def _check_dob(dob: date, today: date) -> None:
    if dob > today:
        raise RuleViolation("The date of birth cannot be in the future.", "date_of_birth")
    if dob.year < today.year - 120:
        raise RuleViolation("The date of birth is more than 120 years ago.", "date_of_birth")


def _check_case_officer(officer: User | None, jurisdiction: str) -> None:
    if officer is None:
        return
    if officer.jurisdiction_id != jurisdiction or not (officer.roles & PERSON_WRITERS):
        raise RuleViolation(
            "The case officer must be a registrar or case manager of the managing jurisdiction.",
            "case_officer",
        )
    if not officer.is_active or officer.disabled_at is not None:
        raise RuleViolation("That user's account is disabled.", "case_officer")


def _name_data(family: str, given: str, name_type: str, prefix: str) -> dict[str, Any]:
    """A name fact's data, validated like the form validates it (NUL and other bad input become
    a RuleViolation naming the field, never a database error)."""
    from ncos.registry.kinds import clean_data

    try:
        return clean_data(
            DetailKind.NAME, {"family_name": family, "given_names": given, "name_type": name_type}
        )
    except ValidationError as exc:
        raise violation_from(exc, prefix) from None


def _name_fact(person: Person, actor: Any, data: dict[str, Any], **kw: Any) -> Detail:
    from ncos.registry.kinds import summarise

    return Detail.objects.create(
        person=person,
        kind=DetailKind.NAME,
        data=data,
        summary=summarise(DetailKind.NAME, data),
        recorded_at=person.updated_at,
        recorded_by=actor,
        source_type=kw.get("source_type", SourceType.REGISTRATION),
        source_reference=kw.get("source_reference", ""),
        valid_from=kw.get("valid_from"),
        valid_to=kw.get("valid_to"),
    )


@service
def person_register(
    *,
    actor: User,
    family_name: str,
    given_names: str = "",
    date_of_birth: date,
    sex: str = Sex.UNKNOWN,
    place_of_birth: str = "",
    country_of_birth: str = "",
    managing_jurisdiction: str | None = None,
    case_officer: User | None = None,
    protected: bool = False,
    caution: str = "",
    aliases: Iterable[tuple[str, str]] = (),
    source_type: str = SourceType.REGISTRATION,
    source_reference: str = "",
) -> Person:
    """Put a person on the register (as a managed person; findings of guilt later make them
    registrable). The current name and any aliases become `name` facts."""
    jurisdiction_code = managing_jurisdiction or actor.jurisdiction_id or ""
    authorize(
        actor,
        Action.PERSON_CREATE,
        RecordRef(managing_jurisdiction=jurisdiction_code, protected=protected),
        object_type=OBJECT_TYPE,
    )
    jurisdiction = Jurisdiction.objects.filter(code=jurisdiction_code).first()
    if jurisdiction is None:
        raise RuleViolation("Unknown managing jurisdiction.", "managing_jurisdiction")
    family_name = (family_name or "").strip()
    if not family_name:
        raise RuleViolation("Enter the family name.", "family_name")
    if sex not in Sex.values:
        raise RuleViolation("Choose a value for sex.", "sex")
    names = [_name_data(family_name, (given_names or "").strip(), "current", "")]
    for alias_family, alias_given in aliases:
        if (alias_family or "").strip():
            names.append(
                _name_data(alias_family.strip(), (alias_given or "").strip(), "alias", "aliases.")
            )
    texts = {
        "place_of_birth": place_of_birth,
        "country_of_birth": country_of_birth,
        "caution": caution,
    }
    for field, value in texts.items():
        if "\x00" in (value or ""):
            raise RuleViolation("This text contains a character that cannot be stored.", field)
    stamp = now()
    person = Person(
        family_name=family_name,
        given_names=(given_names or "").strip(),
        date_of_birth=date_of_birth,
        sex=sex,
        place_of_birth=place_of_birth,
        country_of_birth=country_of_birth,
        managing_jurisdiction=jurisdiction,
        case_officer=case_officer,
        protected=protected,
        caution=caution,
        status=PersonStatus.MANAGED,
        record_kind=record_kind_for(PersonStatus.MANAGED),
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
    )
    _check_dob(date_of_birth, local_today(person))
    _check_case_officer(case_officer, jurisdiction.code)
    for _attempt in range(5):  # 40 random bits: a clash is rare; try another id if one happens
        try:
            with transaction.atomic():
                person.national_id = new_national_id()
                person.save(force_insert=True)
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - needs five 40-bit collisions in a row
        raise RuleViolation("Could not allocate a national identifier; try again.")
    _revision(person, actor, "registered")
    StatusChange.objects.create(
        person=person,
        from_status="",
        to_status=PersonStatus.MANAGED,
        effective_on=local_today(person),
        reason="Registered",
        changed_at=stamp,
        changed_by=actor,
    )
    kw = {"source_type": source_type, "source_reference": source_reference}
    for data in names:
        _name_fact(person, actor, data, **kw)
    alias_count = len(names) - 1
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger="registered")
    reindex(person.pk)
    audit_write(
        actor,
        person,
        Action.PERSON_CREATE.value,
        details={"national_id": person.national_id, "aliases": alias_count, "protected": protected},
    )
    return person


@service
def person_update(
    *,
    actor: User,
    person_id: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str = "",
) -> Person:
    """Change the identity core. Refused with `ConflictError` if the person changed since the
    actor read `expected_version` (nothing is written then)."""
    person = lock_person(actor, person_id)
    if person.version != expected_version:
        raise ConflictError(
            "This record was changed by someone else since you opened it. Review their change "
            "and make yours again.",
            current_version=person.version,
        )
    unknown = sorted(set(changes) - set(CORE_FIELDS))
    if unknown:
        raise RuleViolation(f"“{unknown[0]}” cannot be changed here.", unknown[0])
    diff: dict[str, tuple[Any, Any]] = {}
    for name, value in changes.items():
        attr = "case_officer_id" if name == "case_officer" else name
        before = getattr(person, attr)
        after = value.pk if name == "case_officer" and value is not None else value
        if before != after:
            diff[name] = (before, after)
    if not diff:
        return person
    if "date_of_birth" in diff:
        _check_dob(changes["date_of_birth"], local_today(person))
    if "sex" in diff and changes["sex"] not in Sex.values:
        raise RuleViolation("Choose a value for sex.", "sex")
    if "case_officer" in diff:
        _check_case_officer(changes["case_officer"], person.managing_jurisdiction_id)
    if "protected" in diff and not actor.protected_clearance:
        raise RuleViolation(
            "Only a user with protected clearance can change the protected flag.", "protected"
        )
    for name in diff:
        setattr(person, name, changes[name])
    person.version += 1
    person.updated_at = now()
    person.save()
    _revision(person, actor, reason or "identity updated")
    if "date_of_birth" in diff:
        from ncos.registry.services.obligations import recompute

        recompute(person, actor=actor, trigger="date of birth changed")
    reindex(person.pk)
    audit_write(
        actor,
        person,
        Action.PERSON_UPDATE.value,
        changes=diff,
        reason=reason[:300],
        details={"version": person.version},
    )
    return person


def apply_status(
    person: Person,
    to_status: str,
    *,
    actor: Any,
    effective_on: date,
    reason: str,
    automatic: bool = False,
) -> StatusChange:
    """Move the (already locked and authorised) person to `to_status`, recording the move."""
    if to_status not in STATUS_TRANSITIONS.get(person.status, frozenset()):
        raise RuleViolation(
            f"A person who is {PersonStatus(person.status).label.lower()} cannot be moved to "
            f"“{PersonStatus(to_status).label}”.",
            "to_status",
        )
    change = StatusChange.objects.create(
        person=person,
        from_status=person.status,
        to_status=to_status,
        effective_on=effective_on,
        reason=reason[:500],
        automatic=automatic,
        changed_at=now(),
        changed_by=actor,
    )
    person.status = to_status
    person.record_kind = record_kind_for(to_status)
    person.version += 1
    person.updated_at = change.changed_at
    person.save(update_fields=["status", "record_kind", "version", "updated_at"])
    _revision(person, actor, f"status: {to_status}")
    return change


@service
def person_change_status(
    *,
    actor: User,
    person_id: object,
    to_status: str,
    effective_on: date,
    reason: str,
    expected_version: int | None = None,
) -> StatusChange:
    """A registrar's decision to move the person (suspended, deceased, outside Australia, …)."""
    person = lock_person(actor, person_id)
    if expected_version is not None and person.version != expected_version:
        raise ConflictError(
            "This record was changed by someone else since you opened it.",
            current_version=person.version,
        )
    if to_status not in PersonStatus.values:
        raise RuleViolation("Choose a status.", "to_status")
    if not (reason or "").strip():
        raise RuleViolation("Give the reason for the change.", "reason")
    if effective_on > local_today(person):
        raise RuleViolation("The date of the change cannot be in the future.", "effective_on")
    before = person.status
    change = apply_status(person, to_status, actor=actor, effective_on=effective_on, reason=reason)
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=f"status {to_status}")
    reindex(person.pk)
    audit_write(
        actor,
        person,
        "person.status",
        changes={"status": (before, to_status)},
        details={"effective_on": effective_on, "status_change": change.pk},
        reason=reason[:300],
    )
    return change


def sync_name_cache(person: Person) -> None:
    """Keep `Person.family_name/given_names` equal to the current `current`-type name fact."""
    today = local_today(person)
    facts = [
        d
        for d in person.details.filter(kind=DetailKind.NAME, is_current=True, withdrawn=False)
        if d.data.get("name_type") == "current" and (d.valid_to is None or d.valid_to >= today)
    ]
    if not facts:
        return
    best = max(facts, key=lambda d: (d.valid_from or date.min, d.recorded_at))
    family, given = best.data.get("family_name", ""), best.data.get("given_names", "")
    if (family, given) != (person.family_name, person.given_names):
        Person.objects.filter(pk=person.pk).update(family_name=family, given_names=given)
        person.family_name, person.given_names = family, given
