"""Demo case work on top of the register's demo people (`seed_demo`; runs after
`ncos.registry.demo:load`). Synthetic only (security.md DP-6).

In each jurisdiction the demo case manager (e.g. ``act.casemanager``) gets a caseload of the
first ordinary demo people, each overdue obligation gets a follow-up task, some people get a
note and a planned address visit, and ACT and NSW each have an open s 122 / s 19B copy request.
Idempotent: assignments are made only where there is no case officer, tasks use stable source
keys, notes, visits and requests are added only where there are none.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.cases import services
from ncos.cases.models import AccessRequest, CaseNote, Visit
from ncos.registry.models import Detail, Obligation, Person
from ncos.registry.synthetic import JURISDICTIONS, SOURCE_REFERENCE
from ncos.web.demo_users import demo_username

logger = logging.getLogger("ncos.cases")
CASELOAD = 12


def _demo_people(code: str) -> list[Person]:
    return list(
        Person.objects.filter(
            managing_jurisdiction_id=code,
            protected=False,
            merged_into__isnull=True,
            details__source_reference__startswith=f"{SOURCE_REFERENCE} demo ",
        )
        .distinct()
        .order_by("national_id")[:CASELOAD]
    )


def _load_jurisdiction(code: str, registrar: User, manager: User) -> int:
    changed = 0
    today = timezone.localdate(timezone=registrar.jurisdiction.zone)  # type: ignore[union-attr]
    for index, person in enumerate(_demo_people(code)):
        with transaction.atomic():
            if person.case_officer_id is None:
                services.case_officer_assign(
                    actor=registrar, person_id=person.pk, officer=manager, reason="Demo caseload"
                )
                changed += 1
            for obligation in Obligation.objects.filter(person=person, status="overdue"):
                services.task_open(
                    actor=None,
                    person=person,
                    kind="breach",
                    title=f"Overdue: {obligation.kind.replace('_', ' ')} — follow up",
                    due_date=today,
                    source_key=f"demo:breach:{obligation.key}",
                    details={"obligation_key": obligation.key},
                )
            if index % 3 == 0 and not CaseNote.objects.filter(person=person).exists():
                services.note_add(
                    actor=manager,
                    person_id=person.pk,
                    text="Demo note: phoned to remind of the next report. Cooperative.",
                    category="contact",
                )
            address = Detail.objects.filter(
                person=person, kind="address", is_current=True, withdrawn=False
            ).first()
            if index % 4 == 1 and address and not Visit.objects.filter(person=person).exists():
                services.visit_plan(
                    actor=manager,
                    person_id=person.pk,
                    address_detail_id=address.pk,
                    planned_for=today + timedelta(days=3 + index),
                )
            if (
                index == 2
                and code in ("ACT", "NSW")
                and not AccessRequest.objects.filter(person=person).exists()
            ):
                services.access_request_log(
                    actor=registrar,
                    person_id=person.pk,
                    kind="copy",
                    received_at=timezone.now() - timedelta(days=3),
                    channel="writing",
                    description="Demo: letter asking for a copy of the information held.",
                )
    return changed


def load() -> list[str]:
    assigned = 0
    skipped: list[str] = []
    for code in JURISDICTIONS:
        registrar = User.objects.filter(username=demo_username(code, Role.REGISTRAR)).first()
        manager = User.objects.filter(username=demo_username(code, Role.CASE_MANAGER)).first()
        if registrar is None or manager is None:
            skipped.append(code)
            continue
        try:
            assigned += _load_jurisdiction(code, registrar, manager)
        except Exception as exc:  # the demo must not stop on one bad record
            logger.warning("demo case work for %s not loaded: %s", code, exc)
            skipped.append(code)
    lines = [
        f"Demo case work: {assigned} people newly assigned to the demo case managers "
        "(e.g. act.casemanager: Caseload and My tasks)."
    ]
    if skipped:
        lines.append(f"  case work skipped for: {', '.join(skipped)}")
    return lines
