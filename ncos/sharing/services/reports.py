"""The person's reports about their travel, as the law and the compliance register see them:
which obligation each report meets (the engine's key), and the compliance report recorded for
it."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ncos.access.errors import RuleViolation
from ncos.accounts.models import User
from ncos.registry.models import Person
from ncos.sharing.choices import ChangeKind
from ncos.sharing.models import TravelChange, TravelPlan
from ncos.sharing.services._common import now
from ncos.sharing.services.itinerary import snapshot

# The compliance register's report kind for each obligation kind a travel report meets. Keys are
# built as the engine builds them, from the kind and its trigger; `test_events.py` holds them
# to the engine's answers for the ACT, NSW and the national model.
COMPLIANCE_KIND = {
    "travel_notice": "travel",
    "travel_change": "travel_change",
    "decision_not_to_travel": "not_travelling",
    "return_report": "return",
}


def expected_key(kind: str, jurisdiction: str, plan: TravelPlan, day: date) -> str:
    """The key of the obligation a report of `kind` (made about `plan`, decided on `day`)
    meets under `jurisdiction`'s law."""
    from ncos.law.rules import obligation_key

    destination = snapshot(plan)["destination"]
    if kind == "travel_notice":
        return obligation_key("travel_notice", plan.depart_on, destination)
    if kind == "return_report":
        return obligation_key("return_report", day)
    if kind == "decision_not_to_travel":
        if jurisdiction in ("ACT", "NSW"):
            return obligation_key("decision_not_to_travel", day)
        return obligation_key("decision_not_to_travel", plan.depart_on, destination)
    if kind == "travel_change" and jurisdiction in ("ACT", "NSW"):
        return obligation_key("travel_change", day)
    return ""


def engine_kind(change: TravelChange) -> str:
    if change.kind == ChangeKind.RETURNED:
        return "return_report"
    if change.kind == ChangeKind.CANCELLED:
        return "decision_not_to_travel"
    if change.kind == ChangeKind.CHANGED and change.while_away:
        return "travel_change"
    return "travel_notice"  # the first report, even a late one, is the travel notice


def link_compliance(actor: User, person: Person, change: TravelChange, key: str) -> None:
    """Record the person's report in the compliance register, meeting the obligation the
    engine now shows (it then issues the receipt, counts lateness, …). Skipped for police
    information, or when the obligation is not open (not reportable, not yet triggered); the
    change's own `meets_key` still tells the engine the report was made."""
    if not key:
        return
    try:
        from ncos.compliance.services import report_record  # type: ignore[attr-defined]
    except ImportError:
        return
    from ncos.registry.models import Obligation

    open_ = Obligation.objects.filter(
        person=person, key=key, status__in=("due", "overdue", "upcoming")
    ).exists()
    if not open_ or change.reported_on is None:
        return
    zone = ZoneInfo(person.managing_jurisdiction.time_zone)
    stamp = now()
    received_at = (
        stamp
        if stamp.astimezone(zone).date() == change.reported_on
        else datetime.combine(change.reported_on, time(12, 0), tzinfo=zone)
    )
    try:
        report = report_record(
            actor=actor,
            person=person,
            kind=COMPLIANCE_KIND[engine_kind(change)],
            manner=change.report_manner,
            received_at=received_at,
            meets=[key],
            place_text=change.report_place,
            information=f"Travel {change.plan.reference}: {change.get_kind_display().lower()}.",
        )
    except RuleViolation as exc:
        field = {
            "manner": "report_manner",
            "received_at": "reported_on",
            "place": "report_place",
        }.get(exc.field or "")
        message = str(exc)
        if field == "report_manner":
            message += (
                " If the person did not report it that way, record it as police information: "
                "the obligation then stays open."
            )
        raise RuleViolation(message, field) from None
    change.report_id = report.pk
    change.save(update_fields=["report_id"])
