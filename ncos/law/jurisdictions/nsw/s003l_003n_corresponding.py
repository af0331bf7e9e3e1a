"""Part 2B: corresponding registrable persons (ss 3L, 3M, 3N) arriving in NSW.

> This section applies to a corresponding registrable person in New South Wales if the person has
> not given a personal information report to the Commissioner of Police within the previous 12
> months.

> The report must be given— (a) within 5 days after the corresponding registrable person arrives
> in New South Wales, not counting days when the corresponding registrable person is in
> government custody, and (b) before the person leaves New South Wales.

> A relevant person must comply with the person’s reporting obligations under this Act until the
> later of— (a) the expiry of the person’s reporting period in relation to all corresponding
> registrars to whom the person has reporting obligations, or (b) the expiry of the reporting
> period that would have applied to the person under this Act if the person had been sentenced
> by a court in New South Wales.

A person found guilty in a foreign jurisdiction of a Class 1 or Class 2 offence is presumed to
have been required to report there, and so to be a corresponding registrable person under
s 3L (1) (b) (NSW-R5); a `corresponding_offender` event says so directly (s 3L (1) (a)). The
exemption for visitors from prescribed areas staying 24 hours or less (s 3M (4)) depends on the
regulations and is not encoded. The report is the `entering_jurisdiction_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ncos.law.answer import Period
from ncos.law.facts import Event
from ncos.law.jurisdictions.nsw.common import NswContext, fmt, period_words, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import Finding
from ncos.law.jurisdictions.nsw.s013_013a_protected import ANY_WAY, oblige
from ncos.law.jurisdictions.nsw.s014_014c_reporting_period import ReportingPeriod, last_day
from ncos.law.rules import obligation_key
from ncos.law.time import Feb29, add_months


def corresponding_period(
    ctx: NswContext, events: Sequence[Event], nsw: ReportingPeriod | None
) -> ReportingPeriod:
    """s 3N (5): the later of the foreign period's expiry and the NSW period's."""
    e = events[-1]
    period = None if e.period is None else Period.parse(e.period)
    start = e.day
    end = e.end
    if end is None and period is not None and start is not None:
        end = last_day(start, period)
    origin = e.from_ or "the foreign jurisdiction"
    foreign_life = period is not None and period.life
    if nsw is not None and nsw.period is not None:
        foreign_later = foreign_life or (
            end is not None and nsw.base_end is not None and end > nsw.base_end
        )
        if not foreign_later or nsw.life:
            ctx.builder.step(
                "His NSW reporting period ends no earlier than his reporting period in "
                f"{origin}, so the NSW period applies",
                s("s 3N (5) (b)"),
            )
            return nsw
    words = "a period not given" if period is None else period_words(period)
    ctx.builder.step(
        f"As a corresponding registrable person he reports until his reporting period in "
        f"{origin} ({words}"
        + (f", ending {fmt(end)}" if end is not None and not foreign_life else "")
        + ") expires, if that is later than any NSW period",
        s("s 3N (5) (a)"),
    )
    return ReportingPeriod(
        period,
        start if nsw is None else (nsw.start or start),
        None if foreign_life else end,
        nsw.via_orders if nsw is not None else False,
    )


def _reported_within(ctx: NswContext, day: date) -> bool:
    months = ctx.params.integer("corresponding_previous_report_months")
    since = add_months(day, -months, feb29=Feb29.ROUND_DOWN)
    return any(
        e.day is not None
        and since <= e.day < day
        and (e.type == "first_report" or e.kind in ("initial_report", "annual_report"))
        for e in ctx.of("first_report", "report_made")
    )


def arrivals(ctx: NswContext, findings: list[Finding], corresponding: bool) -> None:
    foreign = [f for f in findings if f.ground and f.foreign]
    if not foreign and not corresponding:
        return
    n = ctx.params.integer("corresponding_report_days")
    for e in ctx.of("entered_jurisdiction"):
        if e.day is None or (ctx.period_start is not None and e.day < ctx.period_start):
            continue
        if _reported_within(ctx, e.day):
            ctx.builder.step(
                f"He arrived on {fmt(e.day)} having given a personal information report within "
                "the previous 12 months, so no s 3M report is needed",
                s("s 3M (1)"),
            )
            continue
        d = ctx.after_days(e.day, n, exclude_custody=True, base=(s("s 3M (1)"), s("s 3M (3) (a)")))
        due = d.day
        notes = list(d.notes)
        cites = list(d.citations)
        leave = ctx.departure_after(e.day)
        if leave is not None and leave < due:
            due = leave
            cites.append(s("s 3M (3) (b)"))
            notes.append(
                f"He leaves New South Wales on {fmt(leave)}: the report is due before he leaves."
            )
        presumed = (
            " (found guilty in a foreign jurisdiction of a Class 1 or Class 2 offence, he is taken "
            "to have been required to report there: s 3L (1) (b))"
            if foreign and not corresponding
            else ""
        )
        origin = e.from_ or "a foreign jurisdiction"
        oblige(
            ctx,
            "entering_jurisdiction_report",
            key=obligation_key("entering_jurisdiction_report", e.day),
            trigger=e.day,
            due=due,
            citations=(*cites, s("s 3L (1)")),
            explanation=(
                f"He arrived in New South Wales on {fmt(e.day)} from {origin} as a corresponding "
                f"registrable person{presumed}: report his name, "
                f"contact details and the details of his visit within {n} days after arriving, "
                f"not counting days in government custody, and before leaving: by {fmt(due)}. "
                + " ".join(notes)
            ).strip(),
            manner=ANY_WAY,
        )
