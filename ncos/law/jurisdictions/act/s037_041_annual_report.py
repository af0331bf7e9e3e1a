"""Annual reports: division 3.3.1, ss 37–41.

> relevant time, in relation to a report by a registrable offender in a year, means before the
> end of the month in the year when the anniversary of the day the offender first reported under
> this Act or a corresponding law falls.

> This division does not apply to a registrable offender in relation to a year if the offender is
> in government custody at the end of the relevant time for the offender’s report in that year.

> This division does not apply to a registrable offender in relation to a year if the offender is
> outside the ACT for the last 7 days before the relevant time for the offender’s report in that
> year.

Each year's report is `due` on the last day of the anniversary month; it can be made at any time
in that year (trigger: 1 January), and is shown `upcoming` until the anniversary month begins.
An anniversary of 29 February falls in February (interpretation ACT-14). s 37 (2) is read as: no
report for a year whose last day falls after the reporting period has ended (interpretation
ACT-9). s 40 (suspension) is lost from the text and read like s 36; s 41 (protected offenders) is
lost and not applied (interpretation ACT-13).
"""

from __future__ import annotations

from datetime import date, timedelta

from ncos.law.answer import Manner, Status
from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.rules import obligation_key
from ncos.law.time import Feb29, anniversary, before_end_of_anniversary_month

ANNIVERSARY_FEB29 = Feb29.ROUND_DOWN


def first_reported(ctx: ActContext) -> date | None:
    """The day he first reported under this Act or a corresponding law."""
    days = [
        e.day
        for e in ctx.of("first_report", "report_made")
        if e.day is not None and (e.type == "first_report" or e.kind == "initial_report")
    ]
    for e in ctx.of("corresponding_offender"):
        raw = e.extra.get("first_reported")
        if isinstance(raw, str):
            try:
                days.append(date.fromisoformat(raw))
            except ValueError:
                continue
    return min(days) if days else None


def annual_reports(ctx: ActContext) -> None:
    b = ctx.builder
    anchor = first_reported(ctx)
    if anchor is None:
        if ctx.period_start is not None:
            b.step(
                "He has not yet made a first report: annual reports fall due before the end of "
                "the month in which each anniversary of his first report falls",
                s("s 37 (3)"),
            )
        return
    n_away = ctx.params.integer("annual_absence_days")
    year = anchor.year + 1
    while True:
        due = before_end_of_anniversary_month(anchor, year, feb29=ANNIVERSARY_FEB29)
        if ctx.period_over_before(due):
            if ctx.period_end is not None and ctx.period_end >= date(year, 1, 1):
                b.step(
                    f"No annual report is required in {year}: the reporting period ends on "
                    f"{fmt(ctx.period_end)}, before the relevant time ({fmt(due)})",
                    s("s 37 (2)"),
                )
            break
        if not ctx.in_period(due):
            # Between an earlier period that ended and a later one: no report that year.
            if due > ctx.as_of:
                break
            year += 1
            continue
        month_start = due.replace(day=1)
        cites = [s("s 37 (1)"), s("s 37 (3)")]
        what = (
            f"Annual report for {year}: attend an approved reporting place before the end of "
            f"{due:%B} {year} (first report {fmt(anchor)})"
        )
        if (anchor.month, anchor.day) == (2, 29) and not _leap(year):
            what += "; the anniversary of 29 February is taken to fall in February"
        status: Status | None = None
        if ctx.suspended(due):
            status = Status.SUSPENDED
            cites.append(s("s 40"))
            what += "; his reporting obligations are suspended"
        elif ctx.in_custody(due):
            status = Status.NOT_APPLICABLE
            cites.append(s("s 38"))
            what += "; not required: he is in government custody at the end of the relevant time"
        elif all(ctx.outside_act(due - timedelta(days=k)) for k in range(n_away)):
            status = Status.NOT_APPLICABLE
            cites.append(s("s 39"))
            what += (
                f"; not required: he is outside the ACT for the last {n_away} days before the "
                "relevant time"
            )
        b.obligation(
            "annual_report",
            key=obligation_key("annual_report", year),
            trigger=date(year, 1, 1),
            due=due,
            citations=cites,
            explanation=what,
            manner=(Manner.IN_PERSON,),
            status=status,
            opens=month_start,
            year=year,
            anniversary=anniversary(anchor, year, feb29=ANNIVERSARY_FEB29).isoformat(),
        )
        if due > ctx.as_of:
            break
        year += 1


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
