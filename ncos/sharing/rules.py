"""What the receiving registry needs to know, computed from the law engine's public pieces:

* the interstate contact table (`ncos.law.jurisdictions.national_model.interstate_contact_rules`:
  how long in a jurisdiction triggers contact with its registrar, and the deadline), and
* the receiving jurisdiction's working days (`ncos.law.time.NonWorkingDays`), which decide when
  an unacknowledged notification is escalated.

Stays are measured as the days between arriving and leaving (as the engine measures travel of
"7 or more consecutive days", interpretation ACT-15); contact is due "within N days of arrival",
counted from the arrival day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ncos.law.jurisdictions.national_model import ContactRule, interstate_contact_rules
from ncos.law.time import NonWorkingDays

ACK_WORKING_DAYS = 2


def contact_rule(code: str) -> ContactRule:
    return interstate_contact_rules()[code]


def ack_due_on(sent_at: datetime, code: str, time_zone: str) -> date:
    """The last day to acknowledge: the 2nd working day of the receiving jurisdiction after the
    day (in its time zone) the notification was sent.

    >>> from datetime import datetime, timezone
    >>> # Friday 23 Jan 2026, 10:00 in Sydney; Monday 26 Jan is Australia Day in NSW.
    >>> ack_due_on(datetime(2026, 1, 22, 23, 0, tzinfo=timezone.utc), "NSW", "Australia/Sydney")
    datetime.date(2026, 1, 28)
    """
    day = sent_at.astimezone(ZoneInfo(time_zone)).date()
    nwd = NonWorkingDays.for_jurisdiction(code)
    counted = 0
    while counted < ACK_WORKING_DAYS:
        day += timedelta(days=1)
        if nwd.is_working_day(day):
            counted += 1
    return day


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


@dataclass(frozen=True)
class StayRequirement:
    """What the traveller must do in one jurisdiction for one stay."""

    arrive_on: date
    leave_on: date | None
    days: int | None
    place: str
    contact_required: bool
    contact_due_on: date | None
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "arrive_on": self.arrive_on.isoformat(),
            "leave_on": self.leave_on.isoformat() if self.leave_on else None,
            "days": self.days,
            "place": self.place,
            "contact_required": self.contact_required,
            "contact_due_on": self.contact_due_on.isoformat() if self.contact_due_on else None,
            "explanation": self.explanation,
        }


def stay_requirement(
    rule: ContactRule, arrive_on: date, leave_on: date | None, place: str = ""
) -> StayRequirement:
    days = None if leave_on is None else (leave_on - arrive_on).days
    required = rule.threshold_days is None or days is None or days >= rule.threshold_days
    due = arrive_on + timedelta(days=rule.deadline_days) if required else None
    if required:
        length = "an open-ended stay" if days is None else f"a stay of {_days(days)}"
        text = (
            f"{length.capitalize()} meets the {rule.name} threshold ({rule.threshold_text}): the "
            f"traveller must contact the registrar within {rule.deadline_days} days of arrival, "
            f"by {due.isoformat() if due else ''} ({rule.contact})."
        )
    else:
        text = (
            f"A stay of {_days(days or 0)} is under the {rule.name} threshold "
            f"({rule.threshold_text}): "
            "no contact is required unless the stay is extended."
        )
    return StayRequirement(arrive_on, leave_on, days, place, required, due, text)


def requirements_for(code: str, stays: Iterable[tuple[date, date | None, str]]) -> dict[str, Any]:
    """The notification's "what the traveller must do there" block for jurisdiction `code`."""
    rule = contact_rule(code)
    items = [stay_requirement(rule, a, b, p) for a, b, p in stays]
    dues = [i.contact_due_on for i in items if i.contact_due_on]
    return {
        "jurisdiction": code,
        "name": rule.name,
        "threshold_days": rule.threshold_days,
        "threshold_text": rule.threshold_text,
        "deadline_days": rule.deadline_days,
        "contact": rule.contact,
        "source": rule.source,
        "stays": [i.as_dict() for i in items],
        "contact_required": any(i.contact_required for i in items),
        "contact_due_on": min(dues).isoformat() if dues else None,
    }
