"""Kwarg factories for the access-matrix test: permissions, their documents and passport
requests hang on the person the URL names first (its managing jurisdiction decides)."""

from __future__ import annotations

import io
from datetime import timedelta

from ncos.access.testing import Built, RecordSpec, kwarg_factory
from ncos.passports import services
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _person(spec: RecordSpec) -> Person:
    existing = spec.built.get("person_id")
    if existing is None:
        raise AssertionError("person_id must come first in the URL")
    return Person.objects.get(pk=existing)


@kwarg_factory("permission_id")
def permission_id(spec: RecordSpec) -> Built:
    person = _person(spec)
    today = local_today(person)
    permission = services.permission_apply(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        destinations=["Fiji"],
        depart_on=today + timedelta(days=40),
        return_on=today + timedelta(days=50),
        purpose="Family wedding",
        applied_on=today,
    )
    return Built(permission.pk)


@kwarg_factory("permission_document_id")
def permission_document_id(spec: RecordSpec) -> Built:
    person = _person(spec)
    document = services.permission_add_document(
        actor=registrar_for(person.managing_jurisdiction_id),
        permission_id=spec.built["permission_id"],
        upload=io.BytesIO(PDF),
        title="Itinerary",
        kind="itinerary",
    )
    return Built(document.pk)


@kwarg_factory("passport_request_id")
def passport_request_id(spec: RecordSpec) -> Built:
    person = _person(spec)
    request = services.passport_request_create(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        request_type="cancel_australian",
        grounds="Reporting obligations; travel refused by the competent authority.",
        passport_number="PA1234567",
    )
    return Built(request.pk)
