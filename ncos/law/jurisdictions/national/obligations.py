"""Reporting obligations under the national model (ACT Part 3.2-3.3 state them).

Initial report within 7 days after sentence or leaving custody (s 23); annual report before the
end of the anniversary month of the first report (s 37); changes of personal details within
7 days (s 54 (1) (b)), details about children within 24 hours after the day of the change
(s 54 (1) (a)); travel for 7 or more consecutive days, or overseas, at least 7 days before leaving
(s 42), a decision not to travel (s 48) and the return (s 47) within 7 days; leaving government
custody after 7 or more days in it, within 7 days (s 56). A person entering the jurisdiction
contacts its registrar as the interstate travel table states. "Within 7 days" deadlines move to
the next working day where they fall on a weekend or public holiday (the model's interpretation
Acts do this; cited as a national-model assumption).

The model text (ACT s 54 (1) (a), s 37 (3) def relevant time, s 56 (1)):

> (a) for personal details mentioned in section 59 (1) (e)—within 24 hours after the day the
> change happens

> means before the end of the month in the year when the anniversary of the day the offender
> first reported under this Act or a corresponding law falls.

> (a) is in government custody for 7 or more consecutive days; and (b) leaves government custody
> in the ACT.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from ncos.law.answer import AnswerBuilder, Manner, Status
from ncos.law.explain import Citation
from ncos.law.facts import Case, Event
from ncos.law.jurisdictions.national.common import NAMES, cite_param, model, params
from ncos.law.jurisdictions.national.contact import interstate_contact_rules
from ncos.law.jurisdictions.national.s083_094_period import ReportingPeriod
from ncos.law.rules import custody_spells, obligation_key
from ncos.law.time import (
    Feb29,
    NonWorkingDays,
    at_least_days_before,
    before_end_of_anniversary_month,
    due_within_days_after,
    zone,
)

_IN_PERSON_KINDS = ("address", "tattoo")
_CHILD_KINDS = ("child_household", "child_contact")
AU = ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")


def _in_period(rp: ReportingPeriod, day: date) -> bool:
    return rp.start is not None and rp.start <= day and (rp.end is None or day <= rp.end)


def _days(name: str) -> tuple[int, str]:
    v = params().entry(name)
    return int(v.value), v.section


def initial_report(case: Case, rp: ReportingPeriod, b: AnswerBuilder, nwd: NonWorkingDays) -> None:
    days, _ = _days("initial_report_days")
    sub = (
        "s 23 (1) (b)"
        if rp.last_sentenced and rp.last_sentenced.offence.custodial
        else "s 23 (1) (a)"
    )
    if rp.start is None:
        b.obligation(
            "initial_report",
            key="initial_report:on_release",
            trigger=None,
            due=None,
            citations=model(sub),
            explanation=(
                f"Initial report in person within {days} days after leaving full-time custody "
                "(the release date is not given)."
            ),
            manner=(Manner.IN_PERSON,),
            status=Status.UPCOMING,
        )
        return
    due = due_within_days_after(rp.start, days, non_working=nwd)
    rolled = f" ({due.reason})" if due.reason else ""
    b.obligation(
        "initial_report",
        key=obligation_key("initial_report", rp.start),
        trigger=rp.start,
        due=due.day,
        citations=(*model(sub), *due.citations),
        explanation=(
            f"Initial report of personal details, in person, within {days} days after "
            f"{rp.start.isoformat()}: by {due.day.isoformat()}{rolled}."
        ),
        manner=(Manner.IN_PERSON,),
    )


def annual_reports(case: Case, rp: ReportingPeriod, b: AnswerBuilder) -> None:
    firsts = [
        e.day
        for e in case.events_by_day("first_report", "report_made")
        if e.day is not None and (e.type == "first_report" or e.kind == "initial_report")
    ]
    if not firsts:
        b.step(
            "Annual reports fall in the month of the anniversary of the first report; no first "
            "report is recorded, so none is listed yet.",
            *model("s 37 (3)"),
        )
        return
    anchor = firsts[0]
    last_year = case.as_of.year + 1
    for year in range(anchor.year + 1, last_year + 1):
        due = before_end_of_anniversary_month(anchor, year, feb29=Feb29.ROUND_DOWN)
        if rp.end is not None and due > rp.end:
            break
        opens = date(year, anchor.month, 1)
        b.obligation(
            "annual_report",
            key=obligation_key("annual_report", year),
            trigger=opens,
            due=due,
            citations=model("s 37 (1)", "s 37 (3)"),
            explanation=(
                f"Annual report for {year}, in person, in the month of the anniversary of the "
                f"first report ({anchor.isoformat()}): by {due.isoformat()}."
            ),
            manner=(Manner.IN_PERSON,),
            year=year,
        )


def _end_of_next_day(day: date, code: str) -> datetime:
    """24 hours after the day `day` (the end of the next day), in the jurisdiction's zone."""
    return datetime.combine(day + timedelta(days=2), time(0), tzinfo=zone(code))


def changes(case: Case, rp: ReportingPeriod, b: AnswerBuilder, nwd: NonWorkingDays) -> None:
    days, _ = _days("change_report_days")
    hours, _ = _days("child_change_hours")
    for e in case.events_of("change_of_details"):
        if e.day is None or e.kind is None or not _in_period(rp, e.day):
            continue
        if e.kind in _CHILD_KINDS:
            due_at = _end_of_next_day(e.day, case.jurisdiction)
            b.obligation(
                "child_details",
                key=obligation_key("child_details", e.kind, e.day),
                trigger=e.at,
                due=due_at,
                citations=model("s 54 (1) (a)"),
                explanation=(
                    f"Report the change ({e.kind.replace('_', ' ')}) within {hours} hours after "
                    f"the day it happened ({e.day.isoformat()}): by the end of "
                    f"{(e.day + timedelta(days=1)).isoformat()}."
                ),
                manner=(Manner.IN_PERSON_OR_OTHER,),
                change=e.kind,
            )
            continue
        due = due_within_days_after(e.day, days, non_working=nwd)
        manner = Manner.IN_PERSON if e.kind in _IN_PERSON_KINDS else Manner.IN_PERSON_OR_OTHER
        rolled = f" ({due.reason})" if due.reason else ""
        b.obligation(
            "change_of_details",
            key=obligation_key("change_of_details", e.kind, e.day),
            trigger=e.day,
            due=due.day,
            citations=(*model("s 54 (1) (b)", "s 54 (2)"), *due.citations),
            explanation=(
                f"Report the change ({e.kind.replace('_', ' ')}) "
                f"{'in person ' if manner is Manner.IN_PERSON else ''}within {days} days after "
                f"{e.day.isoformat()}: by {due.day.isoformat()}{rolled}."
            ),
            manner=(manner,),
            change=e.kind,
        )


def _reportable(e: Event, code: str, threshold: int) -> str | None:
    dest = e.destination or ""
    if dest not in AU:
        return "travel outside Australia"
    if dest == code:
        return None
    if e.depart is None:
        return None
    if e.return_ is None:
        return "travel with no return date"
    away = (e.return_ - e.depart).days
    return f"{away} consecutive days outside {NAMES[code]}" if away >= threshold else None


def travel(case: Case, rp: ReportingPeriod, b: AnswerBuilder, nwd: NonWorkingDays) -> None:
    code = case.jurisdiction
    notice, _ = _days("travel_notice_days")
    threshold, _ = _days("travel_threshold_days")
    rules = interstate_contact_rules()
    cancels = [e for e in case.events_by_day("travel_cancelled") if e.day is not None]
    for e in case.events_of("travel_intent"):
        if e.depart is None or not _in_period(rp, e.depart):
            continue
        why = _reportable(e, code, threshold)
        if why is None:
            b.step(
                f"Travel from {e.depart.isoformat()} to {e.destination} is for fewer than "
                f"{threshold} days within Australia: no travel notice is needed.",
                *model("s 42 (1)"),
            )
            continue
        due = at_least_days_before(e.depart, notice)
        dest = e.destination or "overseas"
        details: dict[str, Any] = {"destination": dest, "depart": e.depart.isoformat()}
        extra = ""
        contact_cites: tuple[Citation, ...] = ()
        if dest in rules and dest != code:
            contact_cites = (cite_param(params().entry(f"contact_{dest}")),)
            rule = rules[dest]
            details["destination_contact"] = {
                "threshold_days": rule.threshold_days,
                "deadline_days": rule.deadline_days,
                "contact": rule.contact,
            }
            extra = (
                f" In {rule.name} the person must contact the registrar within "
                f"{rule.deadline_days} days of arrival if staying {rule.threshold_text} "
                f"({rule.contact})."
            )
        cancel = next((c for c in cancels if c.day is not None and c.day <= e.depart), None)
        status = (
            Status.NOT_APPLICABLE
            if cancel is not None and cancel.day and cancel.day <= due
            else None
        )
        b.obligation(
            "travel_notice",
            key=obligation_key("travel_notice", e.depart, dest),
            trigger=e.day or due,
            due=due,
            citations=(*model("s 42 (1)", "s 42 (2)"), *contact_cites),
            explanation=(
                f"Report the travel details ({why}) in person at least {notice} days before "
                f"leaving on {e.depart.isoformat()}: by {due.isoformat()}."
                + (" Not needed: the travel was cancelled first." if status else "")
                + extra
            ),
            manner=(Manner.IN_PERSON,),
            status=status,
            **details,
        )
        if cancel is not None and cancel.day is not None:
            days, _ = _days("decision_not_to_travel_days")
            d = due_within_days_after(cancel.day, days, non_working=nwd)
            b.obligation(
                "decision_not_to_travel",
                key=obligation_key("decision_not_to_travel", e.depart, dest),
                trigger=cancel.day,
                due=d.day,
                citations=(*model("s 48"), *d.citations),
                explanation=(
                    f"Report the decision not to travel (decided {cancel.day.isoformat()}) within "
                    f"{days} days: by {d.day.isoformat()}."
                ),
                manner=(Manner.IN_PERSON_OR_OTHER,),
            )
            continue
        for r in case.events_by_day("returned"):
            if r.day is None or r.day < e.depart:
                continue
            days, _ = _days("return_report_days")
            d = due_within_days_after(r.day, days, non_working=nwd)
            key = obligation_key("return_report", r.day)
            if not b.has(key):
                b.obligation(
                    "return_report",
                    key=key,
                    trigger=r.day,
                    due=d.day,
                    citations=(*model("s 47"), *d.citations),
                    explanation=(
                        f"Report the return to {NAMES[code]} ({r.day.isoformat()}) in person "
                        f"within {days} days: by {d.day.isoformat()}."
                    ),
                    manner=(Manner.IN_PERSON,),
                )
            break


def entering(case: Case, rp: ReportingPeriod, b: AnswerBuilder) -> None:
    code = case.jurisdiction
    rule = interstate_contact_rules()[code]
    source = cite_param(params().entry(f"contact_{code}"))
    leaving = [e for e in case.events_by_day("left_jurisdiction") if e.day is not None]
    for e in case.events_by_day("entered_jurisdiction"):
        arrival = e.day
        if arrival is None or rp.start is None or (rp.end is not None and arrival > rp.end):
            continue
        due = arrival + timedelta(days=rule.deadline_days)
        left = next((x.day for x in leaving if x.day is not None and x.day >= arrival), None)
        status = None
        note = ""
        if rule.threshold_days is not None and left is not None:
            stayed = (left - arrival).days
            if stayed < rule.threshold_days:
                status = Status.NOT_APPLICABLE
                note = f" Not needed: the person left on {left.isoformat()}, after {stayed} days."
        b.obligation(
            "entering_jurisdiction_report",
            key=obligation_key("entering_jurisdiction_report", arrival),
            trigger=arrival,
            due=due,
            citations=(source, *model("s 34")),
            explanation=(
                f"Entering {rule.name} on {arrival.isoformat()} (from {e.from_ or 'elsewhere'}): "
                f"a stay of {rule.threshold_text} requires contact with the registrar within "
                f"{rule.deadline_days} days of arrival ({rule.contact}): by {due.isoformat()}."
                + note
            ),
            manner=(Manner.IN_PERSON_OR_OTHER,),
            status=status,
            threshold_days=rule.threshold_days,
            deadline_days=rule.deadline_days,
            contact=rule.contact,
        )


def leaving_custody(case: Case, rp: ReportingPeriod, b: AnswerBuilder, nwd: NonWorkingDays) -> None:
    threshold, _ = _days("custody_report_threshold_days")
    days, _ = _days("leaving_custody_days")
    for spell in custody_spells(case, sentences=False):
        if spell.end is None or not _in_period(rp, spell.start):
            continue
        if (spell.end - spell.start).days < threshold:
            continue
        d = due_within_days_after(spell.end, days, non_working=nwd)
        b.obligation(
            "leaving_custody_report",
            key=obligation_key("leaving_custody_report", spell.end),
            trigger=spell.end,
            due=d.day,
            citations=(*model("s 56"), *d.citations),
            explanation=(
                f"In government custody from {spell.start.isoformat()} to "
                f"{spell.end.isoformat()} ({(spell.end - spell.start).days} days): report in "
                f"person within {days} days after leaving, by {d.day.isoformat()}."
            ),
            manner=(Manner.IN_PERSON,),
        )


def all_obligations(case: Case, rp: ReportingPeriod, b: AnswerBuilder) -> None:
    nwd = NonWorkingDays.for_jurisdiction(case.jurisdiction)
    initial_report(case, rp, b, nwd)
    if rp.start is None:
        return
    annual_reports(case, rp, b)
    changes(case, rp, b, nwd)
    travel(case, rp, b, nwd)
    entering(case, rp, b)
    leaving_custody(case, rp, b, nwd)
