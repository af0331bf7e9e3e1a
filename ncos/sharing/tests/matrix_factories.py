"""Kwarg factories for the access-matrix test (ncos/access/tests/test_endpoint_matrix.py).

"Own" means what the action decides on: for a travel plan, the person's managing jurisdiction;
for a notification, the registry it is addressed to; for a transfer without a person in the URL,
the registry asked to take the person over; for an inbox item, the person it is about (items are
always built in the requesting user's own inbox — another registry's items do not exist).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from ncos.access.testing import Built, RecordSpec, kwarg_factory
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import make_person, registrar_for
from ncos.sharing import services
from ncos.sharing.models import InboxItem, TransferRequest
from ncos.sharing.services import Itinerary, LegInput
from ncos.sharing.services._common import post_inbox


def _other(code: str, *avoid: str) -> str:
    return next(c for c in ("QLD", "VIC", "WA", "SA") if c != code and c not in avoid)


def _person(spec: RecordSpec, managing: str | None = None) -> tuple[Person, tuple[str, ...]]:
    existing = spec.built.get("person_id")
    if existing is not None and managing is None:
        return Person.objects.get(pk=existing), ()
    tag = secrets.token_hex(4).upper()
    family = f"Canarysharing{tag}"
    person = make_person(
        managing or spec.managing_jurisdiction,
        protected=spec.protected,
        family_name=family,
        given_names=f"Canarygiven{tag}",
    )
    canaries = (family, person.national_id) if spec.protected else ()
    return person, canaries


def _trip(person: Person, destination: str) -> Itinerary:
    start = local_today(person) + timedelta(days=30)
    return Itinerary(
        depart_on=start,
        return_on=start + timedelta(days=20),
        no_return=False,
        legs=[LegInput(destination, start, start + timedelta(days=20), "Somewhere")],
        transport_mode="road",
    )


@kwarg_factory("travel_id", person=True)
def travel_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec)
    code = person.managing_jurisdiction_id
    plan = services.travel_record(
        actor=registrar_for(code),
        person_id=person.pk,
        itinerary=_trip(person, _other(code)),
        reported_on=local_today(person),
    )
    return Built(plan.pk, canaries=canaries)


@kwarg_factory("notification_id", person=True)
def notification_id(spec: RecordSpec) -> Built:
    to = spec.managing_jurisdiction
    person, canaries = _person(spec, managing=_other(to))
    plan = services.travel_record(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        itinerary=_trip(person, to),
        reported_on=local_today(person),
    )
    return Built(plan.notifications.get().pk, canaries=canaries)


@kwarg_factory("transfer_id", person=True)
def transfer_id(spec: RecordSpec) -> Built:
    if "person_id" in spec.built:  # /persons/<person_id>/transfers/<transfer_id>/…: requester
        person, canaries = _person(spec)
        to = _other(person.managing_jurisdiction_id)
    else:  # /transfers/<transfer_id>/…: addressed to spec's jurisdiction
        to = spec.managing_jurisdiction
        person, canaries = _person(spec, managing=_other(to))
    TransferRequest.objects.filter(person=person, status="requested").update(status="cancelled")
    transfer = services.transfer_request(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        to_jurisdiction=to,
        entered_on=local_today(person),
        handover_note="Moved interstate; see the notes.",
    )
    return Built(transfer.pk, canaries=canaries)


@kwarg_factory("item_id", person=True)
def item_id(spec: RecordSpec) -> Built:
    person, canaries = _person(spec, managing=spec.managing_jurisdiction)
    inbox = getattr(spec.actor, "jurisdiction_id", None) or "ACT"
    item: InboxItem = post_inbox(
        jurisdiction=inbox,
        from_jurisdiction=person.managing_jurisdiction_id,
        kind="transfer_request",
        title="Transfer of management TX-TEST-0000",
        person=person,
        object_type="transfer_request",
        object_id=uuid.uuid4(),
    )
    return Built(item.pk, canaries=canaries)
