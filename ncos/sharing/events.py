"""The sharing app's events for the law engine (registered in `EVENT_PROVIDERS`).

From the travel log (`TravelChange`) and accepted transfers, for the person's *current* managing
jurisdiction (travel reported under another jurisdiction's law is history, not an event of this
one):

* `travel_intent` — the travel details as they stood before departure (the first report, or the
  last change reported before leaving), with `date` = the day they were reported;
* `travel_change` — each change decided while away (ACT ss 45–46, NSW s 11B);
* `travel_cancelled` — the decision not to travel (ACT s 48, NSW s 11C (3));
* `returned` — the day the person came back (ACT s 47, NSW s 11C (2));
* `report_made` — the person's own reports of these (not police information), each naming by
  `key` the obligation it meets (when the compliance register also recorded the report, its
  event names the same key: the engine counts it once);
* `entered_jurisdiction` — the day the person entered the jurisdiction that now manages them
  (from the accepted transfer), so its law applies from that day.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ncos.law.rules import obligation_key
from ncos.sharing.choices import ChangeKind
from ncos.sharing.models import TransferRequest, TravelChange, TravelPlan


def _on_or_before(day: date | None, as_of: date) -> bool:
    return day is not None and day <= as_of


def _report(change: TravelChange, as_of: date) -> list[dict[str, Any]]:
    """The person's report of this change, if it was one (`meets_key` set by the services:
    empty for police information), as a `report_made` naming the obligation it meets."""
    if not change.meets_key or not _on_or_before(change.reported_on, as_of):
        return []
    from ncos.sharing.services.reports import engine_kind

    return [
        {
            "type": "report_made",
            "kind": engine_kind(change),
            "date": change.reported_on.isoformat(),  # type: ignore[union-attr]
            "key": change.meets_key,
        }
    ]


def plan_events(plan: TravelPlan, changes: list[TravelChange], as_of: date) -> list[dict]:
    events: list[dict[str, Any]] = []
    notice = None
    for change in changes:
        if change.kind in (ChangeKind.RECORDED, ChangeKind.CHANGED) and not change.while_away:
            notice = change
    if notice is None:  # first reported while already away (ACT s 45): the log starts there
        notice = next((c for c in changes if c.kind == ChangeKind.RECORDED), None)
    if notice is None or not _on_or_before(notice.reported_on, as_of):
        return events
    after = notice.after
    destination = after.get("destination") or "overseas"
    events.append(
        {
            "type": "travel_intent",
            "date": notice.reported_on.isoformat(),  # type: ignore[union-attr]
            "depart": after["depart_on"],
            "return": after.get("return_on"),
            "destination": destination,
        }
    )
    notice_key = obligation_key(
        "travel_notice", date.fromisoformat(after["depart_on"]), destination
    )
    events += _report(notice, as_of)
    for change in changes:
        if change.kind == ChangeKind.CHANGED and change.while_away:
            if not _on_or_before(change.decided_on, as_of):
                continue
            events.append(
                {
                    "type": "travel_change",
                    "date": change.decided_on.isoformat(),
                    "return": change.after.get("return_on"),
                    "destination": change.after.get("destination"),
                }
            )
            events += _report(change, as_of)
        elif change.kind == ChangeKind.CANCELLED and _on_or_before(change.decided_on, as_of):
            events.append(
                {
                    "type": "travel_cancelled",
                    "date": change.decided_on.isoformat(),
                    "key": notice_key,
                }
            )
            events += _report(change, as_of)
        elif change.kind == ChangeKind.RETURNED and _on_or_before(change.decided_on, as_of):
            events.append({"type": "returned", "date": change.decided_on.isoformat()})
            events += _report(change, as_of)
    return events


def sharing_events(person: Any, as_of: date) -> list[dict[str, Any]]:
    """EVENT_PROVIDERS entry: pure reads, no audit."""
    events: list[dict[str, Any]] = []
    code = person.managing_jurisdiction_id
    plans = list(
        TravelPlan.objects.filter(person_id=person.pk, home_jurisdiction_id=code).order_by(
            "depart_on", "recorded_at"
        )
    )
    changes: dict[Any, list[TravelChange]] = {p.pk: [] for p in plans}
    for change in TravelChange.objects.filter(plan__in=plans).order_by("plan_id", "sequence"):
        changes[change.plan_id].append(change)
    for plan in plans:
        events += plan_events(plan, changes[plan.pk], as_of)
    for transfer in TransferRequest.objects.filter(
        person_id=person.pk, status="accepted", to_jurisdiction_id=code
    ).order_by("entered_on"):
        if _on_or_before(transfer.entered_on, as_of):
            events.append(
                {
                    "type": "entered_jurisdiction",
                    "date": transfer.entered_on.isoformat(),
                    "from": transfer.from_jurisdiction_id,
                }
            )
    return events
