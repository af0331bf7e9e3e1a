"""The itinerary of a travel plan: the stays and their checks (ACT s 42 (2); NSW s 11A (2)),
the snapshot kept in the travel log, and the one destination the law engine takes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ncos.access.errors import RuleViolation
from ncos.directory.models import JurisdictionCode
from ncos.sharing.choices import TransportMode
from ncos.sharing.models import TravelLeg, TravelPlan

MAX_LEGS = 20
CODES = frozenset(JurisdictionCode.values)


@dataclass(frozen=True)
class LegInput:
    """One stay: `destination` is a jurisdiction code (ACT, NSW, …) or a foreign country."""

    destination: str
    arrive_on: date
    leave_on: date | None = None
    place: str = ""


@dataclass(frozen=True)
class Itinerary:
    depart_on: date
    return_on: date | None
    no_return: bool
    legs: Sequence[LegInput]
    transport_mode: str
    transport_details: str = ""
    purpose: str = ""


def _leg_target(destination: str, home: str, field: str) -> tuple[str | None, str]:
    text = (destination or "").strip()
    if not text:
        raise RuleViolation("Give the state, territory or country of each stay.", field)
    if text.upper() in CODES:
        code = text.upper()
        if code == home:
            raise RuleViolation(
                f"A stay in {home} is not travel away from the managing jurisdiction.", field
            )
        return code, ""
    if text.lower() in ("australia", "au", "aus"):
        raise RuleViolation("For a stay in Australia, choose the state or territory.", field)
    if len(text) > 60:
        raise RuleViolation("A country name has at most 60 characters.", field)
    return None, text


def validate(itinerary: Itinerary, home: str) -> list[tuple[str | None, str, LegInput]]:
    """Check the itinerary; return (jurisdiction, country, leg) per stay, in order."""
    if itinerary.transport_mode not in TransportMode.values:
        raise RuleViolation("Choose how the person is travelling.", "transport_mode")
    if itinerary.no_return and itinerary.return_on is not None:
        raise RuleViolation(
            "Give a return date or say the person does not intend to return, not both.",
            "return_on",
        )
    if not itinerary.no_return and itinerary.return_on is None:
        raise RuleViolation(
            "Give the intended return date, or say the person does not intend to return "
            "(ACT s 42 (2) (d), (e)).",
            "return_on",
        )
    if itinerary.return_on is not None and itinerary.return_on < itinerary.depart_on:
        raise RuleViolation("The return date is before the departure date.", "return_on")
    legs = list(itinerary.legs)
    if not legs:
        raise RuleViolation("Give at least one destination.", "legs")
    if len(legs) > MAX_LEGS:
        raise RuleViolation(f"At most {MAX_LEGS} stays can be recorded.", "legs")
    out: list[tuple[str | None, str, LegInput]] = []
    previous: date | None = None
    for i, leg in enumerate(legs):
        field = f"legs[{i}]"
        code, country = _leg_target(leg.destination, home, f"{field}.destination")
        if leg.arrive_on < itinerary.depart_on:
            raise RuleViolation("A stay cannot start before the departure.", f"{field}.arrive_on")
        if itinerary.return_on is not None and leg.arrive_on > itinerary.return_on:
            raise RuleViolation("A stay cannot start after the return.", f"{field}.arrive_on")
        if previous is not None and leg.arrive_on < previous:
            raise RuleViolation("List the stays in the order of travel.", f"{field}.arrive_on")
        if leg.leave_on is not None:
            if leg.leave_on < leg.arrive_on:
                raise RuleViolation("A stay cannot end before it starts.", f"{field}.leave_on")
            if itinerary.return_on is not None and leg.leave_on > itinerary.return_on:
                raise RuleViolation("A stay cannot end after the return.", f"{field}.leave_on")
        elif i != len(legs) - 1:
            raise RuleViolation(
                "Give the day the person leaves each stay but the last.", f"{field}.leave_on"
            )
        if len(leg.place or "") > 300:
            raise RuleViolation("The address or locality is too long.", f"{field}.place")
        previous = leg.arrive_on
        out.append((code, country, leg))
    return out


def engine_destination(legs: Iterable[tuple[str | None, str]], home: str) -> str:
    """The one `destination` the law engine's `travel_intent` takes: "overseas" if any stay is
    outside Australia (that alone makes the travel reportable), else the first jurisdiction."""
    pairs = list(legs)
    if any(code is None for code, _ in pairs):
        return "overseas"
    return next((code for code, _ in pairs if code and code != home), home)


def snapshot(plan: TravelPlan) -> dict[str, Any]:
    legs = list(plan.legs.all())
    return {
        "depart_on": plan.depart_on.isoformat(),
        "return_on": plan.return_on.isoformat() if plan.return_on else None,
        "no_return": plan.no_return,
        "transport_mode": plan.transport_mode,
        "transport_details": plan.transport_details,
        "purpose": plan.purpose,
        "destination": engine_destination(
            ((leg.jurisdiction_id, leg.country) for leg in legs), plan.home_jurisdiction_id
        ),
        "legs": [
            {
                "destination": leg.destination,
                "overseas": leg.is_overseas,
                "place": leg.place,
                "arrive_on": leg.arrive_on.isoformat(),
                "leave_on": leg.leave_on.isoformat() if leg.leave_on else None,
            }
            for leg in legs
        ],
    }


def write_legs(plan: TravelPlan, checked: list[tuple[str | None, str, LegInput]]) -> None:
    plan.legs.all().delete()  # the current itinerary; its history is in TravelChange
    TravelLeg.objects.bulk_create(
        [
            TravelLeg(
                plan=plan,
                position=i + 1,
                jurisdiction_id=code,
                country=country,
                place=(leg.place or "").strip(),
                arrive_on=leg.arrive_on,
                leave_on=leg.leave_on,
            )
            for i, (code, country, leg) in enumerate(checked)
        ]
    )


def apply_itinerary(plan: TravelPlan, itinerary: Itinerary, checked: list[Any]) -> None:
    plan.depart_on = itinerary.depart_on
    plan.return_on = itinerary.return_on
    plan.no_return = itinerary.no_return
    plan.transport_mode = itinerary.transport_mode
    plan.transport_details = (itinerary.transport_details or "").strip()[:300]
    plan.purpose = (itinerary.purpose or "").strip()[:300]
    plan.overseas = any(code is None for code, _, _ in checked)
