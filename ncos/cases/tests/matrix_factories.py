"""Kwarg factories for the access-matrix test: each case record hangs off a person built by the
register's `person_id` factory (so protected persons carry the register's canaries)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from ncos.access.testing import Built, RecordSpec, kwarg_factory
from ncos.cases import services
from ncos.cases.models import BreachReferral
from ncos.registry.models import Detail, Obligation, Person
from ncos.registry.tests import matrix_factories as registry_factories
from ncos.registry.tests.factories import registrar_for


def _person(spec: RecordSpec) -> tuple[Person, tuple[str, ...]]:
    built = registry_factories.person_id(spec)
    return Person.objects.get(pk=built.value), tuple(built.canaries)


@kwarg_factory("task_id", person=True)
def task_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    task = services.task_open(
        actor=None,
        person=person,
        kind="follow_up",
        title="Matrix task",
        due_date=date(2026, 12, 1),
        source_key="",
    )
    return Built(task.pk, canaries)


@kwarg_factory("visit_id", person=True)
def visit_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    actor = registrar_for(spec.managing_jurisdiction)
    address = services_address(person, actor)
    visit = services.visit_plan(
        actor=actor,
        person_id=person.pk,
        address_detail_id=address.pk,
        planned_for=date(2026, 12, 1),
    )
    return Built(visit.pk, canaries)


def services_address(person: Person, actor: object) -> Detail:
    from ncos.registry.tests.factories import make_detail

    return make_detail(person, "address", actor=actor)  # type: ignore[arg-type]


@kwarg_factory("referral_id", person=True)
def referral_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    obligation = Obligation.objects.filter(person=person).first()
    now = timezone.now()
    if obligation is None:  # a person with no finding of guilt has no obligations: make one row
        from ncos.registry.models import Assessment

        assessment = Assessment.objects.create(
            person=person,
            computed_at=now,
            as_of=date(2026, 1, 1),
            jurisdiction=person.managing_jurisdiction_id,
            case={},
            answer_hash="matrix",
        )
        obligation = Obligation.objects.create(
            person=person,
            key="initial_report:2026-01-01",
            kind="initial_report",
            due_date=date(2026, 1, 8),
            status="overdue",
            assessment=assessment,
            first_seen_at=now,
            updated_at=now,
        )
    referral = BreachReferral.objects.create(
        person=person,
        obligation=obligation,
        obligation_key=obligation.key,
        obligation_kind=obligation.kind,
        found_on=date(2026, 1, 9),
        referred_to="Matrix unit",
        referred_on=date(2026, 1, 10),
        created_at=now,
        created_by=registrar_for(spec.managing_jurisdiction),
        updated_at=now,
    )
    return Built(referral.pk, canaries)


@kwarg_factory("access_request_id", person=True)
def access_request_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    request = services.access_request_log(
        actor=registrar_for(spec.managing_jurisdiction),
        person_id=person.pk,
        kind="copy",
        received_at=timezone.now() - timedelta(days=1),
        channel="in_person",
        description="Copy please",
    )
    return Built(request.pk, canaries)


@kwarg_factory("case_note_id", person=True)
def case_note_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    note = services.note_add(
        actor=registrar_for(spec.managing_jurisdiction),
        person_id=person.pk,
        text="Matrix note",
    )
    return Built(note.pk, canaries)
