"""The return (ACT s 47; NSW s 11C (2)): the travel checked against what was reported — the
passport and the tickets sighted — and every discrepancy recorded."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ncos.access.errors import RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.models import Detail
from ncos.sharing.choices import ChangeKind, ReportManner, TravelState
from ncos.sharing.models import ReturnCheck, TravelPlan
from ncos.sharing.services._common import audit_write, check_version, not_future, now
from ncos.sharing.services.itinerary import CODES, snapshot
from ncos.sharing.services.travel import (
    _change,
    _home_today,
    _lock_plan,
    _manner,
    _settle,
    _still_planned,
)


@dataclass(frozen=True)
class ReturnInput:
    returned_on: date
    reported_on: date
    report_manner: str = ReportManner.IN_PERSON
    report_place: str = ""
    actual_depart_on: date | None = None
    destinations_visited: Sequence[str] = ()
    passport_sighted: bool = False
    passport_number: str = ""
    tickets_sighted: bool = False
    documents_sighted: str = ""
    notes: str = ""


def _norm(destination: str) -> str:
    text = destination.strip()
    return text.upper() if text.upper() in CODES else text.casefold()


def discrepancies(
    plan: TravelPlan, data: ReturnInput, recorded_passports: Iterable[str], permitted: bool | None
) -> list[str]:
    """What the return shows that differs from what was reported (each a readable sentence)."""
    found: list[str] = []
    if data.actual_depart_on and data.actual_depart_on != plan.depart_on:
        found.append(
            f"Left on {data.actual_depart_on.isoformat()}; the reported departure was "
            f"{plan.depart_on.isoformat()}."
        )
    if plan.no_return:
        found.append("The person returned although they reported no intention to return.")
    elif plan.return_on and data.returned_on != plan.return_on:
        found.append(
            f"Returned on {data.returned_on.isoformat()}; the reported return was "
            f"{plan.return_on.isoformat()}."
        )
    reported = {_norm(leg.destination): leg.destination for leg in plan.legs.all()}
    if data.destinations_visited:
        visited = {_norm(d): d.strip() for d in data.destinations_visited if d.strip()}
        for key, name in visited.items():
            if key not in reported:
                found.append(f"Went to {name}, which was not reported.")
        for key, name in reported.items():
            if key not in visited:
                found.append(f"Did not go to {name} as reported.")
    if plan.overseas:
        if not data.passport_sighted:
            found.append("The passport was not sighted (ACT s 47 (2) (b)).")
        if not data.tickets_sighted and not data.documents_sighted.strip():
            found.append("No ticket or other document verifying the travel was sighted.")
        if permitted is False:
            found.append(
                "No permission of the competent authority was recorded for this overseas travel."
            )
    number = data.passport_number.strip().upper()
    if number and number not in {n.upper() for n in recorded_passports}:
        found.append(f"Passport {number} is not among the person's recorded passports.")
    return found


# Other apps say whether overseas travel had the competent authority's permission (the passports
# app registers one); None when no checker has an answer.
PERMISSION_CHECKERS: list[Any] = []


def permission_status(plan: TravelPlan) -> bool | None:
    for checker in PERMISSION_CHECKERS:
        answer = checker(plan)
        if answer is not None:
            return bool(answer)
    return None


@service
def travel_return(
    *, actor: User, plan_id: object, expected_version: int | None, data: ReturnInput
) -> ReturnCheck:
    """The return report (ACT s 47; NSW s 11C (2)): the travel is checked against what was
    reported — passport and tickets sighted — and every discrepancy is recorded."""
    person, plan = _lock_plan(actor, plan_id)
    check_version(plan.version, expected_version)
    _still_planned(plan)
    manner = _manner(data.report_manner)
    today = _home_today(person)
    not_future(data.returned_on, today, "returned_on", "The return date")
    not_future(data.reported_on, today, "reported_on", "The day it was reported")
    if data.returned_on < plan.depart_on:
        raise RuleViolation("The return is before the reported departure.", "returned_on")
    if data.actual_depart_on and data.actual_depart_on > data.returned_on:
        raise RuleViolation("The departure is after the return.", "actual_depart_on")
    if data.reported_on < data.returned_on:
        raise RuleViolation("The return cannot be reported before it happened.", "reported_on")
    if len(data.passport_number) > 20:
        raise RuleViolation("A passport number has at most 20 characters.", "passport_number")
    passports = [
        str(d.data.get("number", ""))
        for d in Detail.objects.filter(person=person, kind="passport", withdrawn=False)
    ]
    found = discrepancies(plan, data, passports, permission_status(plan))
    before = snapshot(plan)
    plan.state = TravelState.RETURNED
    plan.returned_on = data.returned_on
    plan.version += 1
    plan.updated_at = now()
    plan.save()
    check = ReturnCheck.objects.create(
        plan=plan,
        returned_on=data.returned_on,
        reported_on=data.reported_on,
        report_manner=manner,
        actual_depart_on=data.actual_depart_on,
        destinations_visited=[d.strip() for d in data.destinations_visited if d.strip()],
        passport_sighted=data.passport_sighted,
        passport_number=data.passport_number.strip().upper(),
        tickets_sighted=data.tickets_sighted,
        documents_sighted=data.documents_sighted.strip()[:500],
        discrepancies=found,
        notes=data.notes.strip(),
        recorded_at=plan.updated_at,
        recorded_by=actor,
    )
    change = _change(
        plan,
        actor,
        ChangeKind.RETURNED,
        decided_on=data.returned_on,
        reported_on=data.reported_on,
        manner=manner,
        before=before,
        while_away=True,
        place=data.report_place,
    )
    nested = _settle(actor, person, change, f"travel {plan.reference} returned")
    if change.report_id:
        check.report_id = change.report_id
        check.save(update_fields=["report_id"])
    audit_write(
        actor,
        person,
        "person.travel.return",
        details={
            "travel_plan": plan.pk,
            "returned_on": data.returned_on,
            "discrepancies": len(found),
            "passport_sighted": data.passport_sighted,
            "tickets_sighted": data.tickets_sighted,
            "report_id": change.report_id,
            "nested": nested,
        },
    )
    return check
