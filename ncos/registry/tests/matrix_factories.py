"""Kwarg factories for the access-matrix test (ncos/access/tests/test_endpoint_matrix.py).

Each builds, through the register's services, a record for one matrix cell (managing
jurisdiction × protected) and returns the URL kwarg value; protected persons carry canaries
(their name, alias, national id, address, registration) that must never reach an uncleared user.
"""

from __future__ import annotations

import io
import secrets
from datetime import date

from PIL import Image

from ncos.access.testing import Built, RecordSpec, kwarg_factory
from ncos.registry import services
from ncos.registry.models import Person
from ncos.registry.tests.factories import make_detail, make_offence, make_person, registrar_for


def _person(spec: RecordSpec) -> Person:
    existing = spec.built.get("person_id")
    if existing is not None:
        return Person.objects.get(pk=existing)
    raise AssertionError("person_id must come first in the URL")


@kwarg_factory("person_id", person=True)
def person_id(spec: RecordSpec) -> Built:
    tag = secrets.token_hex(4).upper()
    family, alias = f"Canaryfam{tag}", f"Canaryalias{tag}"
    person = make_person(
        spec.managing_jurisdiction,
        protected=spec.protected,
        family_name=family,
        given_names=f"Canarygiven{tag}",
        aliases=[(alias, "Zed")],
    )
    make_detail(
        person,
        "vehicle",
        {"use": "owned", "vehicle_type": "car", "make": "Holden", "registration": f"CN{tag[:4]}"},
    )
    canaries = (family, alias, person.national_id, f"CN{tag[:4]}") if spec.protected else ()
    return Built(person.pk, canaries=canaries)


def _actor(spec: RecordSpec) -> object:
    return registrar_for(spec.managing_jurisdiction)


@kwarg_factory("detail_id")
def detail_id(spec: RecordSpec) -> Built:
    person = _person(spec)
    detail = make_detail(person, "address", actor=_actor(spec))  # type: ignore[arg-type]
    return Built(detail.pk)


@kwarg_factory("offence_id")
def offence_id(spec: RecordSpec) -> Built:
    offence = make_offence(_person(spec), actor=_actor(spec))  # type: ignore[arg-type]
    return Built(offence.pk)


@kwarg_factory("custody_id")
def custody_id(spec: RecordSpec) -> Built:
    spell = services.custody_record(
        actor=_actor(spec),
        person_id=spec.built["person_id"],
        entered_on=date(2024, 1, 1),
        left_on=date(2024, 2, 1),
        reason="remand",
    )
    return Built(spell.pk)


@kwarg_factory("parole_id")
def parole_id(spec: RecordSpec) -> Built:
    parole = services.parole_record(
        actor=_actor(spec), person_id=spec.built["person_id"], starts_on=date(2024, 3, 1)
    )
    return Built(parole.pk)


@kwarg_factory("order_id")
def order_id(spec: RecordSpec) -> Built:
    order = services.order_record(
        actor=_actor(spec),
        person_id=spec.built["person_id"],
        kind="prohibition",
        jurisdiction=spec.managing_jurisdiction,
        made_on=date(2024, 4, 1),
    )
    return Built(order.pk)


def png_bytes(
    size: tuple[int, int] = (8, 8), colour: tuple[int, int, int] = (200, 30, 30)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@kwarg_factory("photo_id")
def photo_id(spec: RecordSpec) -> Built:
    photo = services.photo_upload(
        actor=_actor(spec),
        person_id=spec.built["person_id"],
        image=io.BytesIO(png_bytes()),
        taken_on=date(2024, 5, 1),
    )
    return Built(photo.pk)


@kwarg_factory("document_id")
def document_id(spec: RecordSpec) -> Built:
    document = services.document_upload(
        actor=_actor(spec),
        person_id=spec.built["person_id"],
        file=io.BytesIO(PDF),
        title="Court order",
    )
    return Built(document.pk)
