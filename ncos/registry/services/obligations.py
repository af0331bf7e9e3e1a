"""From the register's facts to the law engine's answer, and back into stored obligations.

* `case_for_person(person, as_of)` builds the contract's case (`shared/spec/assessment.md`) from
  the person's findings of guilt, custody, parole, orders and personal-details changes, plus the
  events other apps contribute through `EVENT_PROVIDERS`.
* `recompute(person, actor=, trigger=)` calls `ncos.law.assess`, keeps an `Assessment` snapshot
  when the answer changed, upserts `Obligation` rows by the answer's `key`, and moves the status
  where the answer requires it (found guilty → registrable; period over → reporting ended;
  finding quashed → no longer registrable). Services call it inside their own transaction, so
  the facts and the obligations they imply are committed together.

EVENT_PROVIDERS — the hook for other apps
    A provider is ``provider(person, as_of) -> Iterable[dict]`` returning contract events
    (``report_made``, ``first_report``, ``travel_intent``, ``travel_cancelled``, ``returned``,
    ``entered_jurisdiction``, ``left_jurisdiction`` …), each a dict exactly as the contract
    spells it. Register one at import time of your app (e.g. in ``AppConfig.ready``)::

        from ncos.registry.services.obligations import EVENT_PROVIDERS
        EVENT_PROVIDERS.append(my_reports_as_events)

    Providers must be pure reads (no writes, no audit) and must not call registry services.
    After your app records something that changes the events (a report made, a travel notice),
    call ``ncos.registry.services.obligations_refresh(actor=..., person_id=...)`` in the same
    transaction so the person's obligations follow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from ncos.registry.choices import (
    DetailKind,
    OffenceOutcome,
    OrderKind,
)
from ncos.registry.kinds import spec_for
from ncos.registry.models import Detail, Person
from ncos.registry.services._common import jsonable

logger = logging.getLogger("ncos.registry")

EventProvider = Callable[[Person, date], Iterable[dict[str, Any]]]
EVENT_PROVIDERS: list[EventProvider] = []


# --- the case ---------------------------------------------------------------------------------


def _offence_case(offence: Any) -> dict[str, Any]:
    fields = {
        "ref": offence.ref,
        "act": offence.act,
        "provision": offence.provision,
        "description": offence.description,
        "date_committed": offence.date_committed,
        "victim": offence.victim_ref or None,
        "victim_age": offence.victim_age,
        "date_found_guilty": offence.date_found_guilty,
        "date_sentenced": offence.date_sentenced,
        "custodial": offence.custodial,
        "custody_release_date": offence.custody_release_date,
        "jurisdiction_of_conviction": offence.jurisdiction_of_conviction or None,
        "imprisonment": offence.imprisonment,
        "supervision": offence.supervision,
        "non_conviction_order": offence.non_conviction_order,
        "court_exempted": offence.court_exempted,
    }
    if offence.circumstances:
        fields["circumstances"] = dict(offence.circumstances)
    for key, value in (offence.engine_extra or {}).items():
        fields.setdefault(key, value)
    return {k: jsonable(v) for k, v in fields.items() if v is not None and v != ""}


def _registrable_since(person: Person, offences: list[Any]) -> date | None:
    """The first day the register knows of a finding or order that can make them registrable;
    personal-details changes before it are not "changes" the Act asks to be reported."""
    days = [o.date_found_guilty for o in offences if o.date_found_guilty]
    days += [
        o.effective_from or o.made_on
        for o in person.orders.filter(withdrawn=False).only("effective_from", "made_on", "kind")
        if o.kind in (OrderKind.REGISTRATION, OrderKind.CORRESPONDING_REGISTRATION)
    ]
    return min(days) if days else None


def _detail_events(person: Person, since: date | None, as_of: date) -> list[dict[str, Any]]:
    """`change_of_details` events: a fact starting (valid_from) or ending (the day after
    valid_to), from `since` to `as_of`. An end that is the start of another fact of the same kind
    (moving house) is one change, not two."""
    if since is None:
        return []
    facts = list(
        Detail.objects.filter(person=person, is_current=True, withdrawn=False).exclude(
            kind=DetailKind.DESCRIPTION
        )
    )
    starts: dict[tuple[str, date], Detail] = {}
    for fact in facts:
        if fact.valid_from is not None:
            starts.setdefault((fact.kind, fact.valid_from), fact)
    events: dict[tuple[str, date], dict[str, Any]] = {}
    for fact in facts:
        engine_kind = spec_for(fact.kind).engine_kind
        if engine_kind is None:
            continue
        moments: list[tuple[date, datetime | None]] = []
        if fact.valid_from is not None:
            moments.append((fact.valid_from, fact.changed_at))
        if fact.valid_to is not None:
            after = fact.valid_to + timedelta(days=1)
            if (fact.kind, after) not in starts:
                moments.append((after, None))
        for day, moment in moments:
            if day < since or day > as_of:
                continue
            event: dict[str, Any] = {"type": "change_of_details", "kind": engine_kind}
            if moment is not None and _same_local_day(moment, day, person):
                event["datetime"] = moment.astimezone(_zone(person)).isoformat()
            else:
                event["date"] = day.isoformat()
            events.setdefault((engine_kind, day), event)
    return [events[k] for k in sorted(events, key=lambda k: (k[1], k[0]))]


def _zone(person: Person) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(person.managing_jurisdiction.time_zone)


def _same_local_day(moment: datetime, day: date, person: Person) -> bool:
    return moment.astimezone(_zone(person)).date() == day


def _order_events(person: Person, as_of: date) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for order in person.orders.filter(withdrawn=False):
        start = order.effective_from or order.made_on
        if order.kind == OrderKind.REGISTRATION:
            events.append({"type": "registration_order", "date": start})
            if order.quashed_on:
                events.append({"type": "registration_order_quashed", "date": order.quashed_on})
        elif order.kind == OrderKind.SUSPENSION:
            events.append({"type": "suspension_order", "date": start})
            if order.ends_on:
                events.append({"type": "suspension_order_ended", "date": order.ends_on})
        elif order.kind == OrderKind.CORRESPONDING_REGISTRATION:
            event: dict[str, Any] = {
                "type": "corresponding_offender",
                "date": start,
                "from": order.jurisdiction,
            }
            if order.period:
                event["period"] = order.period
            if order.ends_on:
                event["end"] = order.ends_on
            events.append(event)
    return [jsonable(e) for e in events if _on_or_before(e, as_of)]


def _on_or_before(event: dict[str, Any], as_of: date) -> bool:
    day = event.get("date")
    return day is None or date.fromisoformat(str(day)) <= as_of


def _custody_events(person: Person, as_of: date) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for spell in person.custody_periods.filter(withdrawn=False):
        events.append({"type": "entered_custody", "date": spell.entered_on})
        if spell.left_on:
            events.append({"type": "left_custody", "date": spell.left_on})
    for parole in person.paroles.filter(withdrawn=False):
        start: dict[str, Any] = {"type": "parole_start", "date": parole.starts_on}
        if parole.term_ends_on:
            start["end"] = parole.term_ends_on
        events.append(start)
        if parole.ends_on:
            events.append({"type": "parole_end", "date": parole.ends_on})
    return [jsonable(e) for e in events if _on_or_before(jsonable(e), as_of)]


def _event_sort_key(event: dict[str, Any]) -> str:
    return str(event.get("date") or event.get("datetime") or event.get("depart") or "")


def case_for_person(person: Person, as_of: date) -> dict[str, Any]:
    """The law engine's case for `person` on `as_of` (ids, dates and codes; never a name)."""
    offences = list(
        person.offences.filter(
            outcome__in=[OffenceOutcome.FOUND_GUILTY, OffenceOutcome.QUASHED],
            date_found_guilty__isnull=False,
        ).order_by("date_found_guilty", "ref")
    )
    events: list[dict[str, Any]] = []
    for offence in offences:
        if offence.outcome == OffenceOutcome.QUASHED and offence.quashed_on:
            quashed: dict[str, Any] = {
                "type": "finding_quashed",
                "ref": offence.ref,
                "date": offence.quashed_on.isoformat(),
            }
            if offence.retrial_ordered:
                quashed["retrial"] = True
            events.append(quashed)
    events += _custody_events(person, as_of)
    events += _order_events(person, as_of)
    events += _detail_events(person, _registrable_since(person, offences), as_of)
    for provider in EVENT_PROVIDERS:
        events.extend(dict(e) for e in provider(person, as_of))
    events.sort(key=_event_sort_key)
    return {
        "jurisdiction": person.managing_jurisdiction_id,
        "as_of": as_of.isoformat(),
        "person": {
            "date_of_birth": person.date_of_birth.isoformat(),
            "protected": person.protected,
        },
        "offences": [_offence_case(o) for o in offences],
        "events": events,
    }


def recompute(person: Person, *, actor: Any, trigger: str, as_of: date | None = None) -> Any:
    """Assess the (locked) person and store the answer: see `ncos.registry.services.assessing`."""
    from ncos.registry.services.assessing import recompute as _recompute

    return _recompute(person, actor=actor, trigger=trigger, as_of=as_of)
