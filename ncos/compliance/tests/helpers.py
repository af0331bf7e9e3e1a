"""Test data for the compliance app, built through the real services (register + compliance), so
obligations, facts and audit rows are as in production."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from pypdf import PdfReader

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.common.testing.fixtures import _make_user
from ncos.compliance.services import report_record
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Obligation, Person
from ncos.registry.tests.factories import make_offence, make_person, registrar_for

SYDNEY = ZoneInfo("Australia/Sydney")
OFFENCE = {"ACT": "ACT|1|1.1|9", "NSW": "NSW|1A|1|15"}


def today_in(jurisdiction: str = "ACT") -> date:
    zone = Jurisdiction.objects.get(code=jurisdiction).zone
    return timezone.localdate(timezone=zone)


def at(day: date, hour: int = 10, minute: int = 0, jurisdiction: str = "ACT") -> datetime:
    zone = Jurisdiction.objects.get(code=jurisdiction).zone
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def years_ago(day: date, n: int) -> date:
    try:
        return day.replace(year=day.year - n)
    except ValueError:  # 29 February
        return day.replace(year=day.year - n, day=28)


def officer(jurisdiction: str = "ACT", *, role: Role = Role.CASE_MANAGER, name: str = "") -> User:
    username = name or f"{jurisdiction.lower()}.{role.value}.officer"
    existing = User.objects.filter(username=username).first()
    return existing or _make_user(username, jurisdiction=jurisdiction, roles=[role], cleared=True)


def registrable_person(
    jurisdiction: str = "ACT",
    *,
    first_report: date | None = None,
    protected: bool = False,
    case_officer: User | None = None,
    actor: User | None = None,
    initial: bool = True,
    **kw: Any,
) -> Person:
    """A registrable person sentenced two days before `first_report` (default: a year ago
    today, so this year's annual report is due this month), whose initial report was recorded
    on `first_report` (unless `initial=False`)."""
    actor = actor or registrar_for(jurisdiction)
    today = today_in(jurisdiction)
    first = first_report or years_ago(today, 1)
    sentenced = first - timedelta(days=2)
    person = make_person(jurisdiction, protected=protected, actor=actor, **kw)
    make_offence(
        person,
        actor=actor,
        found_guilty=sentenced,
        date_sentenced=sentenced,
        custodial=False,
        date_committed=sentenced - timedelta(days=200),
        charge_date=sentenced - timedelta(days=150),
    )
    if case_officer is not None:
        Person.objects.filter(pk=person.pk).update(case_officer=case_officer)
    if initial:
        report_record(
            actor=actor,
            person=person.pk,
            kind="initial",
            manner="in_person",
            received_at=min(at(first, jurisdiction=jurisdiction), timezone.now()),
            place_text="Police station",
            photo_id_sighted=True,
        )
    person.refresh_from_db()
    return person


def obligation(person: Person, kind: str, status: str | None = None) -> Obligation:
    qs = Obligation.objects.filter(person=person, kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_date").first()  # type: ignore[return-value]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


ADDRESS = {
    "address_type": "residence",
    "line1": "1 Example Street",
    "locality": "Braddon",
    "state": "ACT",
    "postcode": "2612",
}
NEW_ADDRESS = {
    "address_type": "residence",
    "line1": "22 Northbourne Avenue",
    "locality": "Turner",
    "state": "ACT",
    "postcode": "2612",
}
VEHICLE = {
    "use": "owned",
    "vehicle_type": "car",
    "make": "Mazda",
    "model": "CX-5",
    "colour": "Blue",
    "registration": "YQZ42A",
}
