"""Test data for the register, built through the services (so facts, audit and obligations are
as in production). Users are made with the foundation's `_make_user`."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.common.testing.fixtures import _make_user
from ncos.registry import services
from ncos.registry.models import Detail, Offence, Person

_seq = itertools.count(1)


def registrar_for(jurisdiction: str = "ACT", *, cleared: bool = True) -> User:
    """A (cleared) registrar of `jurisdiction`, made once per test database."""
    username = f"factory.{jurisdiction.lower()}.registrar{'.cleared' if cleared else ''}"
    user = User.objects.filter(username=username).first()
    return user or _make_user(
        username, jurisdiction=jurisdiction, roles=[Role.REGISTRAR], cleared=cleared
    )


def make_person(
    jurisdiction: str = "ACT",
    *,
    protected: bool = False,
    family_name: str | None = None,
    given_names: str = "Alex",
    date_of_birth: date = date(1985, 6, 30),
    actor: User | None = None,
    **kw: Any,
) -> Person:
    n = next(_seq)
    return services.person_register(
        actor=actor or registrar_for(jurisdiction),
        family_name=family_name or f"Testperson{n}",
        given_names=given_names,
        date_of_birth=date_of_birth,
        managing_jurisdiction=jurisdiction,
        protected=protected,
        **kw,
    )


ADDRESS = {
    "address_type": "residence",
    "line1": "1 Example Street",
    "locality": "Braddon",
    "state": "ACT",
    "postcode": "2612",
}
VEHICLE = {
    "use": "owned",
    "vehicle_type": "car",
    "make": "Toyota",
    "model": "Corolla",
    "colour": "Red",
    "registration": "ABC123",
}


def make_detail(
    person: Person,
    kind: str = "address",
    data: dict[str, Any] | None = None,
    actor: User | None = None,
    **kw: Any,
) -> Detail:
    defaults = {"address": ADDRESS, "vehicle": VEHICLE}
    return services.detail_record(
        actor=actor or registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        kind=kind,
        data=data if data is not None else defaults[kind],
        **kw,
    )


def make_offence(
    person: Person, *, found_guilty: date | None = None, actor: User | None = None, **kw: Any
) -> Offence:
    fields: dict[str, Any] = {
        "date_committed": date(2023, 2, 11),
        "victim_ref": "V1",
        "charge_date": date(2023, 3, 1),
    }
    if found_guilty:
        fields.update(date_found_guilty=found_guilty)
    fields.update(kw)
    if "act" not in fields and "catalogue_key" not in fields:
        fields["catalogue_key"] = (
            f"{person.managing_jurisdiction_id}|1|1.1|9"
            if (person.managing_jurisdiction_id == "ACT")
            else "NSW|1A|1|15"
        )
    return services.offence_charge(
        actor=actor or registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        **fields,
    )
