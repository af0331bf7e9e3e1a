"""Recording travel: the intended travel (ACT s 42; NSW s 11A), changes of plan (ACT ss 45–46;
NSW s 11B), the decision not to travel (ACT s 48; NSW s 11C (3)) and the return (ACT s 47; NSW
s 11C (2)), each one transaction: the plan, its append-only change row, the notifications to the
destination registries, the recomputed obligations and one audit row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.registry.models import Person
from ncos.sharing.choices import (
    PERSON_REPORT_MANNERS,
    ChangeKind,
    ReportManner,
    TravelState,
)
from ncos.sharing.models import TravelChange, TravelPlan
from ncos.sharing.services._common import (
    WrongState,
    as_uuid,
    audit_write,
    check_version,
    lock_managed_person,
    not_future,
    now,
    recompute_obligations,
)
from ncos.sharing.services.itinerary import (
    Itinerary,
    apply_itinerary,
    snapshot,
    validate,
    write_legs,
)
from ncos.sharing.services.notifications import sync_notifications
from ncos.sharing.services.reports import (
    engine_kind,
    expected_key,
    link_compliance,
)


def _manner(manner: str) -> str:
    if manner not in ReportManner.values:
        raise RuleViolation("Choose how the report was made.", "report_manner")
    return manner


def _change(
    plan: TravelPlan,
    actor: User,
    kind: str,
    *,
    decided_on: date,
    reported_on: date | None,
    manner: str,
    before: dict[str, Any],
    while_away: bool = False,
    reason: str = "",
    place: str = "",
) -> TravelChange:
    """Append one row to the plan's log (the itinerary before and after)."""
    last = plan.changes.order_by("-sequence").values_list("sequence", flat=True).first()
    change = TravelChange(
        plan=plan,
        sequence=(last or 0) + 1,
        kind=kind,
        decided_on=decided_on,
        reported_on=reported_on,
        report_manner=manner,
        report_place=(place or "").strip()[:300] if manner == ReportManner.IN_PERSON else "",
        while_away=while_away,
        before=before,
        after=snapshot(plan),
        reason=reason.strip()[:500],
        recorded_at=plan.updated_at,
        recorded_by=actor,
    )
    change.save()
    return change


def _settle(actor: User, person: Person, change: TravelChange, trigger: str) -> list[Any]:
    """After the travel log changed: recompute the obligations; record the person's report in
    the compliance register against the obligation it meets (compliance then recomputes and
    the report meets it); then keep the key on the change, so the engine counts the report even
    where compliance did not record one (not installed, or the obligation arises later — ACT
    s 47 after 7 days back). Returns the nested services' audit entries (absorbed into the
    caller's one row)."""
    plan = change.plan
    key = ""
    if change.report_manner in PERSON_REPORT_MANNERS and change.reported_on is not None:
        key = expected_key(engine_kind(change), plan.home_jurisdiction_id, plan, change.decided_on)
    recompute_obligations(person, actor, trigger)
    with audit.absorbed() as nested:
        link_compliance(actor, person, change, key)
    if key:
        change.meets_key = key
        change.save(update_fields=["meets_key"])
        if not change.report_id:
            recompute_obligations(person, actor, trigger)
    return nested


def _home_today(person: Person) -> date:
    from ncos.registry.services._common import local_today

    return local_today(person)


@service
def travel_record(
    *,
    actor: User,
    person_id: object,
    itinerary: Itinerary,
    reported_on: date,
    report_manner: str = ReportManner.IN_PERSON,
    report_place: str = "",
) -> TravelPlan:
    """Record the travel a person reported: the destinations, the address or locality and dates
    at each, the return date (or that there is none) and how they travel (ACT s 42 (2)).

    Each Australian destination's registry gets a travel notification in its inbox at once."""
    person = lock_managed_person(actor, person_id, Action.PERSON_UPDATE)
    home = person.managing_jurisdiction_id
    checked = validate(itinerary, home)
    manner = _manner(report_manner)
    not_future(reported_on, _home_today(person), "reported_on", "The day it was reported")
    stamp = now()
    plan = TravelPlan(
        person=person,
        home_jurisdiction_id=home,
        state=TravelState.PLANNED,
        reported_on=reported_on,
        report_manner=manner,
        recorded_at=stamp,
        recorded_by=actor,
        updated_at=stamp,
    )
    apply_itinerary(plan, itinerary, checked)
    plan.save()
    write_legs(plan, checked)
    change = _change(
        plan,
        actor,
        ChangeKind.RECORDED,
        decided_on=reported_on,
        reported_on=reported_on,
        manner=manner,
        before={},
        while_away=reported_on > plan.depart_on,
        place=report_place,
    )
    sent = sync_notifications(plan, actor)
    nested = _settle(actor, person, change, f"travel {plan.reference} recorded")
    if change.report_id:
        plan.report_id = change.report_id
        plan.save(update_fields=["report_id"])
    audit_write(
        actor,
        person,
        "person.travel.record",
        details={
            "travel_plan": plan.pk,
            "reference": plan.reference,
            "depart_on": plan.depart_on,
            "return_on": plan.return_on,
            "destinations": [leg.destination for leg in plan.legs.all()],
            "notified": sent,
            "report_id": change.report_id,
            "nested": nested,
        },
    )
    return plan


def _lock_plan(actor: User, plan_id: object) -> tuple[Person, TravelPlan]:
    pk = as_uuid(plan_id, "travel plan")
    person_id = TravelPlan.objects.filter(pk=pk).values_list("person_id", flat=True).first()
    if person_id is None:
        raise NotFound("travel plan not found")
    person = lock_managed_person(actor, person_id, Action.PERSON_UPDATE)
    plan = TravelPlan.objects.select_for_update().get(pk=pk)
    return person, plan


def _still_planned(plan: TravelPlan) -> None:
    if plan.state != TravelState.PLANNED:
        raise WrongState(
            f"This travel is {TravelState(plan.state).label.lower()}; it cannot be changed.",
            "state",
        )


@service
def travel_change(
    *,
    actor: User,
    plan_id: object,
    expected_version: int | None,
    itinerary: Itinerary,
    decided_on: date,
    reported_on: date,
    report_manner: str = ReportManner.EMAIL,
    reason: str = "",
    report_place: str = "",
) -> TravelPlan:
    """The person changed their plans (before leaving: new travel details; while away: ACT
    ss 45–46, NSW s 11B). The notifications follow: revised, added or withdrawn."""
    person, plan = _lock_plan(actor, plan_id)
    check_version(plan.version, expected_version)
    _still_planned(plan)
    home = plan.home_jurisdiction_id
    checked = validate(itinerary, home)
    manner = _manner(report_manner)
    today = _home_today(person)
    not_future(decided_on, today, "decided_on", "The day of the decision")
    not_future(reported_on, today, "reported_on", "The day it was reported")
    if reported_on < decided_on:
        raise RuleViolation("It cannot be reported before it was decided.", "reported_on")
    while_away = decided_on >= plan.depart_on and plan.depart_on <= today
    if while_away and itinerary.depart_on != plan.depart_on:
        raise RuleViolation(
            "The person has already left: the departure date cannot change (correct it by "
            "recording the return).",
            "depart_on",
        )
    before = snapshot(plan)
    apply_itinerary(plan, itinerary, checked)
    plan.version += 1
    plan.updated_at = now()
    plan.save()
    write_legs(plan, checked)
    change = _change(
        plan,
        actor,
        ChangeKind.CHANGED,
        decided_on=decided_on,
        reported_on=reported_on,
        manner=manner,
        before=before,
        while_away=while_away,
        reason=reason,
        place=report_place,
    )
    sent = sync_notifications(plan, actor)
    nested = _settle(actor, person, change, f"travel {plan.reference} changed")
    audit_write(
        actor,
        person,
        "person.travel.change",
        details={
            "travel_plan": plan.pk,
            "change": change.sequence,
            "while_away": while_away,
            "decided_on": decided_on,
            "notified": sent,
            "version": plan.version,
            "report_id": change.report_id,
            "nested": nested,
        },
        reason=reason,
    )
    return plan


@service
def travel_cancel(
    *,
    actor: User,
    plan_id: object,
    expected_version: int | None,
    decided_on: date,
    reported_on: date,
    report_manner: str = ReportManner.PHONE,
    reason: str = "",
    report_place: str = "",
) -> TravelPlan:
    """The person decided not to travel (ACT s 48; NSW s 11C (3)): the destination registries'
    notifications are withdrawn."""
    person, plan = _lock_plan(actor, plan_id)
    check_version(plan.version, expected_version)
    _still_planned(plan)
    manner = _manner(report_manner)
    today = _home_today(person)
    not_future(decided_on, today, "decided_on", "The day of the decision")
    not_future(reported_on, today, "reported_on", "The day it was reported")
    if reported_on < decided_on:
        raise RuleViolation("It cannot be reported before it was decided.", "reported_on")
    if decided_on > plan.depart_on:
        raise RuleViolation(
            "The person had already left on that day: record a change of plans or the return.",
            "decided_on",
        )
    before = snapshot(plan)
    plan.state = TravelState.CANCELLED
    plan.cancelled_on = decided_on
    plan.version += 1
    plan.updated_at = now()
    plan.save()
    change = _change(
        plan,
        actor,
        ChangeKind.CANCELLED,
        decided_on=decided_on,
        reported_on=reported_on,
        manner=manner,
        before=before,
        reason=reason,
        place=report_place,
    )
    withdrawn = sync_notifications(plan, actor)
    nested = _settle(actor, person, change, f"travel {plan.reference} cancelled")
    audit_write(
        actor,
        person,
        "person.travel.cancel",
        details={
            "travel_plan": plan.pk,
            "decided_on": decided_on,
            "withdrawn": withdrawn,
            "report_id": change.report_id,
            "nested": nested,
        },
        reason=reason,
    )
    return plan
