"""Lists of persons (the register list and the API list), scoped by the policy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from ncos.access.actions import Action
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.subjects import subject_of
from ncos.audit import record as audit
from ncos.registry.models import Person

SORTS = {
    "name": ("family_name", "given_names", "date_of_birth"),
    "-name": ("-family_name", "-given_names"),
    "dob": ("date_of_birth", "family_name"),
    "-dob": ("-date_of_birth", "family_name"),
    "updated": ("updated_at",),
    "-updated": ("-updated_at",),
    "national_id": ("national_id",),
}


@dataclass(frozen=True)
class PersonFilters:
    jurisdiction: str = ""
    status: str = ""
    record_kind: str = ""
    case_officer: int | None = None
    born_from: date | None = None
    born_to: date | None = None
    national_id: str = ""
    include_merged: bool = False
    sort: str = "name"

    def terms(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in self.__dict__.items()
            if v not in ("", None, False)
        }


def visible_persons(actor: Any) -> QuerySet[Person]:
    """Persons the actor may list: national visibility; protected persons only with clearance
    (an uncleared user's lists leave them out entirely, so no filter can reveal them)."""
    authorize(actor, Action.PERSON_SEARCH, RecordRef(managing_jurisdiction=actor.jurisdiction_id))
    qs = Person.objects.select_related("managing_jurisdiction", "case_officer")
    if not subject_of(actor).protected_clearance:
        qs = qs.filter(protected=False)
    return qs


def person_list(*, actor: Any, filters: PersonFilters) -> QuerySet[Person]:
    qs = visible_persons(actor)
    if not filters.include_merged:
        qs = qs.filter(merged_into__isnull=True)
    if filters.jurisdiction:
        qs = qs.filter(managing_jurisdiction_id=filters.jurisdiction)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.record_kind:
        qs = qs.filter(record_kind=filters.record_kind)
    if filters.case_officer:
        qs = qs.filter(case_officer_id=filters.case_officer)
    if filters.born_from:
        qs = qs.filter(date_of_birth__gte=filters.born_from)
    if filters.born_to:
        qs = qs.filter(date_of_birth__lte=filters.born_to)
    if filters.national_id:
        wanted = filters.national_id.upper().replace(" ", "")
        qs = qs.filter(Q(national_id=wanted) | Q(national_id=_dashed(wanted)))
    return qs.order_by(*SORTS.get(filters.sort, SORTS["name"]), "id")


def _dashed(value: str) -> str:
    body = value.replace("-", "").removeprefix("NCOS")
    return f"NCOS-{body[:4]}-{body[4:]}" if len(body) == 8 else value


def audit_list(*, actor: Any, filters: PersonFilters, shown: Iterable[Person]) -> None:
    """One search row for a list page or API list request: the filters and the ids shown."""
    rows = list(shown)
    audit.record_search(
        actor=actor,
        terms=filters.terms(),
        result_ids=[p.pk for p in rows],
        protected_in_results=any(p.protected for p in rows),
    )
