"""Test data for national sharing, built through the services (so history, notifications,
obligations and audit are as in production)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.common.testing.fixtures import _make_user
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import make_offence, make_person, registrar_for
from ncos.sharing import services
from ncos.sharing.models import TravelPlan
from ncos.sharing.services import Itinerary, LegInput


def user_for(jurisdiction: str, role: Role = Role.REGISTRAR, *, cleared: bool = False) -> User:
    """One user per (jurisdiction, role, clearance), made once per test database."""
    username = f"sharing.{jurisdiction.lower()}.{role.value}{'.cleared' if cleared else ''}"
    user = User.objects.filter(username=username).first()
    return user or _make_user(username, jurisdiction=jurisdiction, roles=[role], cleared=cleared)


def registrable_person(jurisdiction: str = "ACT", **kw: Any) -> Person:
    """A registrable offender of `jurisdiction` (found guilty of a class 1 offence)."""
    person = make_person(jurisdiction, **kw)
    make_offence(
        person,
        found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 5, 2),
        actor=registrar_for(jurisdiction),
    )
    person.refresh_from_db()
    return person


def itinerary(
    person: Person,
    *,
    depart_in: int = 20,
    days: int = 20,
    legs: list[tuple[str, int, int | None, str]] | None = None,
    mode: str = "air",
) -> Itinerary:
    """An itinerary leaving `depart_in` days after today (home time); legs are
    (destination, arrive offset from departure, leave offset or None, place)."""
    start = local_today(person) + timedelta(days=depart_in)
    legs = legs or [("NSW", 0, days, "Newcastle")]
    return Itinerary(
        depart_on=start,
        return_on=start + timedelta(days=days),
        no_return=False,
        legs=[
            LegInput(
                destination=dest,
                arrive_on=start + timedelta(days=a),
                leave_on=None if b is None else start + timedelta(days=b),
                place=place,
            )
            for dest, a, b, place in legs
        ],
        transport_mode=mode,
        transport_details="QF 123",
        purpose="Family visit",
    )


OVERSEAS_WITH_NSW_STOPOVER = [
    ("NSW", 0, 2, "Mascot"),
    ("Thailand", 2, 18, "Bangkok"),
    ("NSW", 18, 20, "Sydney"),
]


def record_travel(person: Person, actor: User | None = None, **kw: Any) -> TravelPlan:
    return services.travel_record(
        actor=actor or registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        itinerary=itinerary(person, **kw),
        reported_on=local_today(person),
        report_place="Police station",
    )
