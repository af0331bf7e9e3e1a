"""When a registered person's request must be answered (ACT s 122; NSW s 19B).

ACT Crimes (Child Sex Offenders) Act 2005 s 122 (2): "The chief police officer must comply with
subsection (1) as soon as practicable, but no later than 14 days after the day the chief police
officer was asked." The day asked is the calendar day in the ACT's time zone; "14 days after
the day" makes the last day the 14th calendar day after it (`within_days_after`, not rolled:
elapsed hours and daylight-saving changes do not matter, only calendar days).

Interpretation (recorded here and in the page text): the Legislation Act 2001 (ACT) s 151A may
let a period that ends on a non-working day end on the next working day. ncos does not extend:
the 14th day is shown as the due date (answering earlier is always lawful).

NSW Child Protection (Offenders Registration) Act 2000 s 19B (2) says only "as soon as
practicable after being asked": the Act fixes no number of days. ncos follows the Act: the NSW
due date is a 14-day *service target* (security.md PR-1), marked as not statutory. The other
six jurisdictions are not encoded yet: the ACT period is used as a stated national-model
assumption. Neither Act sets a period for a correction request (s 122 (3)-(4); s 19B (3)-(4));
ncos sets a 30-day service target for the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ncos.cases.choices import RequestKind
from ncos.law.time import within_days_after

COPY_DAYS = 14
CORRECTION_TARGET_DAYS = 30


@dataclass(frozen=True)
class Deadline:
    received_on: date  # the day asked, in the jurisdiction's zone
    due: date
    statutory: bool  # True when the Act itself fixes `due`
    basis: str  # why, with the section, for the page and the record


def day_asked(received_at: datetime, zone: ZoneInfo) -> date:
    """The calendar day on which the request was made, where the registry is."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    return received_at.astimezone(zone).date()


def request_deadline(
    kind: str, jurisdiction: str, received_at: datetime, zone: ZoneInfo
) -> Deadline:
    received_on = day_asked(received_at, zone)
    if kind == RequestKind.CORRECTION:
        return Deadline(
            received_on,
            within_days_after(received_on, CORRECTION_TARGET_DAYS, non_working=None),
            False,
            (
                "Service target of 30 days: the Act sets no period for deciding a correction "
                + (
                    "(NSW s 19B (3)-(4))."
                    if jurisdiction == "NSW"
                    else "(ACT s 122 (3)-(4))."
                    if jurisdiction == "ACT"
                    else "(national model assumption, after ACT s 122 (3)-(4))."
                )
            ),
        )
    due = within_days_after(received_on, COPY_DAYS, non_working=None)
    if jurisdiction == "ACT":
        return Deadline(
            received_on,
            due,
            True,
            "ACT s 122 (2): as soon as practicable, but no later than 14 days after the day "
            "the chief police officer was asked.",
        )
    if jurisdiction == "NSW":
        return Deadline(
            received_on,
            due,
            False,
            "NSW s 19B (2): as soon as practicable after being asked (no fixed period); "
            "service target of 14 days.",
        )
    return Deadline(
        received_on,
        due,
        False,
        "National model assumption: no later than 14 days after the day asked, as in "
        "ACT s 122 (2).",
    )
