"""Part 3 Division 3, s 10: the annual report, made in person (s 12A (1) (b)).

> A registrable person must give the Commissioner of Police a personal information report about
> the person each year during the reporting month for the person.

> reporting month, for a registrable person, means— (a) the calendar month in which the person
> first gave the Commissioner of Police a personal information report under this Act, or (b) if
> the registrable person’s reporting period expires, but the person is then required to give the
> Commissioner a personal information report under section 9A—the calendar month in which the
> person first gave the Commissioner of Police a personal information report for the current
> reporting period.

Readings: the report the reporting month is named after is that year's report, so the first
annual report falls in the following year (NSW-A1); a report made outside the reporting month is
not the annual report (NSW-A2); the last day of the month moves past a weekend or holiday under
the Interpretation Act 1987 (NSW) s 36 (2) (NSW-A3); no annual report is owed for a year in which
the period ends before the reporting month does (NSW-A4). The answer lists every annual report
up to `as_of` and the next one.
"""

from __future__ import annotations

from datetime import date

from ncos.law.jurisdictions.nsw.common import NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s013_013a_protected import IN_PERSON, oblige
from ncos.law.jurisdictions.nsw.s014_014c_reporting_period import ReportingPeriod
from ncos.law.rules import obligation_key
from ncos.law.time import last_day_of_month, roll_forward


def first_report(ctx: NswContext, since: date | None) -> date | None:
    """The day he first gave a personal information report (on or after `since`)."""
    days = [
        e.day
        for e in ctx.of("first_report", "report_made")
        if e.day is not None
        and (e.type == "first_report" or e.kind == "initial_report")
        and (since is None or e.day >= since)
    ]
    return min(days) if days else None


def annual_reports(ctx: NswContext, rp: ReportingPeriod) -> None:
    if rp.start is None:
        return
    since = rp.start if rp.renewed else None
    first = first_report(ctx, since)
    para = "s 10 (4) (b)" if rp.renewed else "s 10 (4) (a)"
    if first is None:
        ctx.builder.step(
            "No personal information report is recorded yet, so his reporting month (the month "
            "of his first report) and his annual reports cannot be fixed",
            s(para),
        )
        return
    month = first.month
    ctx.builder.step(
        f"He first gave a personal information report on {fmt(first)}, so {first:%B} is his "
        "reporting month",
        s(para),
    )
    year = first.year + 1
    while True:
        opens = date(year, month, 1)
        closes = last_day_of_month(year, month)
        if not ctx.life and ctx.period_end is not None and closes > ctx.period_end:
            break
        rolled = roll_forward(closes, ctx.nwd)
        note = f" {rolled.reason}." if rolled.rolled and rolled.reason else ""
        oblige(
            ctx,
            "annual_report",
            key=obligation_key("annual_report", year),
            trigger=opens,
            due=rolled.day,
            citations=(s("s 10 (1)"), s("s 12A (1) (b)"), *rolled.citations),
            explanation=(
                f"Annual report for {year}, in person, during his reporting month "
                f"({opens:%B %Y}): by {fmt(rolled.day)}.{note}"
            ),
            manner=IN_PERSON,
        )
        if opens > ctx.as_of:
            break
        year += 1
