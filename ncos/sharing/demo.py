"""Demo national sharing on top of the register's demo people (`seed_demo`; runs after the
register, case work and compliance loaders). Synthetic only (security.md DP-6).

In ACT and NSW, three ordinary registrable demo people each get:
1. domestic travel to the other registry (a travel notification waits in its inbox);
2. overseas travel with a stopover in the other registry, an application for permission that
   the demo competent authority granted, and a draft limited-validity passport request for a
   second registrar to approve;
3. a request to transfer their management to the other registry (pending in its inbox).
Idempotent: a person is used only while they have no travel plan, permission or transfer.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from ncos.access.errors import RuleViolation
from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.passports import services as passports
from ncos.passports.models import PassportRequest, TravelPermission
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.synthetic import SOURCE_REFERENCE
from ncos.sharing import services as sharing
from ncos.sharing.models import TransferRequest, TravelPlan
from ncos.sharing.services import Itinerary, LegInput
from ncos.web.demo_users import demo_username

logger = logging.getLogger("ncos.sharing")
OTHER = {"ACT": "NSW", "NSW": "ACT"}
CITY = {"ACT": "Canberra", "NSW": "Newcastle"}


def _user(code: str, role: Role) -> User | None:
    return User.objects.filter(username=demo_username(code, role)).first()


def _candidates(code: str) -> list[Person]:
    """Registrable, ordinary demo people with no sharing records yet (after the caseloads, so the
    demo case managers' people are not used)."""
    people = (
        Person.objects.filter(
            managing_jurisdiction_id=code,
            status="registrable",
            protected=False,
            merged_into__isnull=True,
            details__source_reference__startswith=f"{SOURCE_REFERENCE} demo ",
        )
        .distinct()
        .order_by("-national_id")
    )
    free = []
    for person in people[:40]:
        if (
            TravelPlan.objects.filter(person=person).exists()
            or TravelPermission.objects.filter(person=person).exists()
            or TransferRequest.objects.filter(person=person).exists()
        ):
            continue
        free.append(person)
    return free


def _itinerary(start: date, legs: list[tuple[str, int, int, str]], days: int) -> Itinerary:
    return Itinerary(
        depart_on=start,
        return_on=start + timedelta(days=days),
        no_return=False,
        legs=[
            LegInput(
                destination=where,
                arrive_on=start + timedelta(days=arrive),
                leave_on=start + timedelta(days=leave),
                place=place,
            )
            for where, arrive, leave, place in legs
        ],
        transport_mode="air",
        transport_details="Demo flight QF 401",
        purpose="Demo: family visit",
    )


def _domestic(person: Person, registrar: User, other: str) -> None:
    today = local_today(person)
    sharing.travel_record(
        actor=registrar,
        person_id=person.pk,
        itinerary=_itinerary(today + timedelta(days=21), [(other, 0, 10, CITY[other])], 10),
        reported_on=today,
        report_manner="phone" if person.managing_jurisdiction_id == "NSW" else "in_person",
    )


def _overseas(person: Person, registrar: User, authority: User, other: str) -> None:
    today = local_today(person)
    start = today + timedelta(days=35)
    legs = [(other, 0, 1, "Airport hotel"), ("Fiji", 1, 14, "Nadi"), (other, 14, 15, "Airport")]
    plan = sharing.travel_record(
        actor=registrar,
        person_id=person.pk,
        itinerary=_itinerary(start, legs, 15),
        reported_on=today,
        report_manner="phone" if person.managing_jurisdiction_id == "NSW" else "in_person",
    )
    permission = passports.permission_apply(
        actor=registrar,
        person_id=person.pk,
        destinations=["Fiji"],
        depart_on=start,
        return_on=start + timedelta(days=15),
        purpose="Demo: family wedding in Nadi",
        applied_on=today,
        travel_plan_id=plan.pk,
    )
    permission = passports.permission_decide(
        actor=authority,
        permission_id=permission.pk,
        expected_version=permission.version,
        decision="granted",
        reasons="Demo: family support confirmed; itinerary verified.",
    )
    passports.passport_request_create(
        actor=registrar,
        person_id=person.pk,
        request_type="issue_limited",
        grounds="Demo: travel permitted for the wedding only.",
        travel_permission=str(permission.pk),
        valid_until=start + timedelta(days=20),
    )


def _transfer(person: Person, registrar: User, other: str) -> None:
    today = local_today(person)
    sharing.transfer_request(
        actor=registrar,
        person_id=person.pk,
        to_jurisdiction=other,
        entered_on=today - timedelta(days=2),
        handover_note="Demo: moved for work; new address reported by phone.",
        new_locality=CITY[other],
    )


def _load_jurisdiction(code: str) -> tuple[int, list[str]]:
    registrar = _user(code, Role.REGISTRAR)
    authority = _user(code, Role.COMPETENT_AUTHORITY)
    if registrar is None or authority is None:
        return 0, [f"{code}: demo users missing"]
    if PassportRequest.objects.filter(jurisdiction_id=code, grounds__startswith="Demo:").exists():
        return 0, []  # loaded before
    other = OTHER[code]
    steps: list[Any] = [
        lambda p: _domestic(p, registrar, other),
        lambda p: _overseas(p, registrar, authority, other),
        lambda p: _transfer(p, registrar, other),
    ]
    done, problems = 0, []
    people = iter(_candidates(code))
    for step in steps:
        for person in people:  # a person the law refuses for this step is passed over
            try:
                with transaction.atomic():
                    step(person)
            except RuleViolation as exc:
                problems.append(f"{code} {person.national_id}: {exc}")
                continue
            done += 1
            break
    return done, problems


def load() -> list[str]:
    loaded = 0
    for code in OTHER:
        done, problems = _load_jurisdiction(code)
        loaded += done
        for problem in problems:
            logger.info("demo sharing: %s", problem)
    return [
        f"Demo sharing: {loaded} travel, permission and transfer records added (ACT and NSW "
        "inboxes; a limited passport request awaits a second registrar, e.g. act.cleared)."
    ]
