"""Part 3 Division 7: suspension and extension of reporting obligations (ss 15, 16, 16A).

> A registrable person’s reporting obligations are suspended for any period during which— (a)
> the person is in government custody, or (b) the person is outside New South Wales unless the
> person is a person to whom Division 5 applies or the obligation is under section 11B, or (c)
> the person is the subject of an order in force under section 16 (or an equivalent order in a
> foreign jurisdiction), or

> The period for which a registrable person’s reporting obligations continue is extended by the
> length of time for which those obligations are suspended from time to time under subsection (1)
> (a).

> The reporting period of a registrable person whose reporting obligations are suspended under
> subsection (1)(b) is extended by the length of time during the period of suspension that— (a)
> the person was— (i) travelling outside Australia for longer than 28 days, or (ii) resident
> outside Australia, and (b) the person was not required to report under a corresponding Act.

> The reporting period of a registrable person is extended by the additional period specified in
> subsection (5) if the person is in breach of the person’s reporting obligations because the
> person failed to give the Commissioner of Police a personal information report within 28 days
> after the day on which the report was due to be given.

> The additional period for subsection (4)— (a) means the period— (i) starting 28 days after the
> personal information report was due to be given, and (ii) ending when the person gives the
> Commissioner of Police the personal information report, and (b) excludes any period during
> which the person’s reporting obligations are suspended.

> An order made under section 16 ceases to have effect if, at any time after the making of the
> order, the registrable person— (a) is made subject to a child protection registration order or
> any other order prescribed by the regulations for the purposes of this section, or (b) is found
> guilty of a registrable offence, or

Readings: a custody spell lasts from the day he entered custody to the day he left, as elapsed
days (NSW-E1); a trip outside Australia longer than 28 days extends the period by the whole trip
(NSW-E2), and he is taken not to have had to report under a corresponding Act while overseas; a
personal information report (initial or annual) still outstanding extends the period by the days
so far, which grow until it is made (NSW-E3); several late reports extend it by the days on which
any of them was more than 28 days late, each day once (NSW-E4). An obligation whose last day falls
while his obligations are suspended is shown as suspended and is not revived afterwards (NSW-S1).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from ncos.law.answer import Obligation, Status
from ncos.law.explain import Citation
from ncos.law.jurisdictions.nsw.common import NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import Finding
from ncos.law.time import extend_excluding_custody, local_date

PIR_KINDS = ("initial_report", "annual_report")
"""Obligations that are personal information reports (s 2B (1); s 15 (4))."""


def suspension_reason(ctx: NswContext, day: date) -> tuple[Citation, str] | None:
    """Why his obligations are suspended on `day` (s 15 (1)), or None."""
    if ctx.in_custody(day):
        return s("s 15 (1) (a)"), f"on {fmt(day)} he was in government custody"
    if not ctx.protected and ctx.outside_nsw(day):
        return s("s 15 (1) (b)"), f"on {fmt(day)} he was outside New South Wales"
    if ctx.suspension_order_on(day):
        return s("s 15 (1) (c)"), f"on {fmt(day)} an order under s 16 suspended his obligations"
    return None


def absences_in_period(ctx: NswContext) -> None:
    """Say which times outside NSW during the period suspended his obligations (s 15 (1) (b))."""
    for a in ctx.absences:
        if ctx.period_start is None or (a.end is not None and a.end <= ctx.period_start):
            continue
        if not ctx.life and ctx.period_end is not None and a.start > ctx.period_end:
            continue
        until = f"to {fmt(a.end)}" if a.end is not None else "(not back)"
        where = f" ({a.destination})" if a.destination else ""
        if ctx.protected:
            ctx.builder.step(
                f"He was outside New South Wales from {fmt(a.start)} {until}{where}; as a person "
                "to whom Division 5 applies, his obligations were not suspended",
                s("s 15 (1) (b)"),
            )
        else:
            ctx.builder.step(
                f"He was outside New South Wales from {fmt(a.start)} {until}{where}: his reporting "
                "obligations (other than under s 11B) were suspended while he was away",
                s("s 15 (1) (b)"),
            )


def suspension_orders(ctx: NswContext, findings: Iterable[Finding]) -> None:
    """The NCAT orders suspending his obligations (s 16 (3)) and when each ceased (s 16A)."""
    b = ctx.builder
    found = sorted(f.found_guilty for f in findings if f.found_guilty is not None)
    cpro_days = sorted(e.day for e in ctx.of("registration_order") if e.day is not None)
    ends = [e.day for e in ctx.of("suspension_order_ended") if e.day is not None]
    for e in ctx.of("suspension_order"):
        if e.day is None:
            continue
        start = e.day
        candidates: list[tuple[date, Citation, str]] = []
        end = next((d for d in ends if d >= start), None)
        if end is not None:
            candidates.append((end, s("s 16A (1)"), "it ended"))
        guilty = next((d for d in found if d > start), None)
        if guilty is not None:
            candidates.append(
                (guilty, s("s 16A (1) (b)"), "he was found guilty of a registrable offence")
            )
        order = next((d for d in cpro_days if d > start), None)
        if order is not None:
            candidates.append(
                (order, s("s 16A (1) (a)"), "he was made subject to a registration order")
            )
        b.step(
            f"The Civil and Administrative Tribunal made an order suspending his reporting "
            f"obligations on {fmt(start)}",
            s("s 16 (3)"),
        )
        if candidates:
            stop, cite, why = min(candidates, key=lambda c: c[0])
            b.step(f"The order ceased to have effect on {fmt(stop)}: {why}", cite)
            ctx.suspension_orders.append((start, stop))
        else:
            ctx.suspension_orders.append((start, None))


def _overseas_days(ctx: NswContext, start: date, end: date) -> list[tuple[date, date, int]]:
    """Trips out of Australia longer than 28 days during [start, end]: (left, back, days)."""
    limit = ctx.params.integer("overseas_travel_days")
    out = []
    for a in ctx.absences:
        if not a.overseas or a.start > end:
            continue
        back = a.end if a.end is not None else ctx.as_of + timedelta(days=1)
        if back <= start:
            continue
        days = (back - a.start).days
        if days > limit:
            lo, hi = max(a.start, start), min(back, end + timedelta(days=1))
            out.append((a.start, back, max(0, (hi - lo).days)))
    return out


def extend_quietly(ctx: NswContext, start: date, end: date) -> date:
    """The end extended for custody (s 15 (2)) and long overseas travel (s 15 (3)), no steps."""
    extra = sum(days for _, _, days in _overseas_days(ctx, start, end))
    return extend_excluding_custody(end + timedelta(days=extra), ctx.counted_spells, start=start)


def _nsw_day(value: date | datetime) -> date:
    """The NSW calendar day of a due date or moment (24-hour limits are date-times; a datetime is
    also a date, so test for it first)."""
    return local_date(value, "NSW") if isinstance(value, datetime) else value


def late_days(ctx: NswContext, obligations: Iterable[Obligation]) -> tuple[int, list[str]]:
    """s 15 (4)–(5): days on which a personal information report was more than 28 days late,
    not counting days his obligations were suspended (each day counted once)."""
    grace = ctx.params.integer("late_report_grace_days")
    days: set[date] = set()
    notes: list[str] = []
    for o in obligations:
        if (
            o.kind not in PIR_KINDS
            or o.due is None
            or o.status
            in (
                Status.SUSPENDED,
                Status.NOT_APPLICABLE,
            )
        ):
            continue
        due = _nsw_day(o.due)
        first = due + timedelta(days=grace)
        if o.met_on is not None:
            stop, made = _nsw_day(o.met_on), True
        else:
            stop, made = ctx.as_of, False
        if stop <= first:
            continue
        window = [first + timedelta(days=i) for i in range((stop - first).days)]
        counted = [d for d in window if suspension_reason(ctx, d) is None]
        days.update(counted)
        notes.append(
            f"{o.key} was due on {fmt(due)} and "
            + (f"was made on {fmt(stop)}" if made else f"has not been made by {fmt(stop)}")
            + f": {len(counted)} day(s) from {fmt(first)}"
            + ("" if made else ", and more each day until it is made")
        )
    return len(days), notes


def extended_end(
    ctx: NswContext,
    start: date,
    base_end: date,
    late: int,
    *,
    explain: bool,
    notes: list[str] | None = None,
) -> date:
    """The period's last day after s 15 (2), (3), (4) extensions (and s 14C if `explain`)."""
    b = ctx.builder
    trips = _overseas_days(ctx, start, base_end)
    overseas = sum(days for _, _, days in trips)
    pre_custody = base_end + timedelta(days=overseas + late)
    end = extend_excluding_custody(pre_custody, ctx.counted_spells, start=start)
    if not explain:
        return end
    for left, back, days in trips:
        b.step(
            f"He was travelling outside Australia from {fmt(left)} to {fmt(back)}, longer than "
            f"{ctx.params.integer('overseas_travel_days')} days, and was not required to report "
            "under a corresponding Act: the period is "
            f"extended by the {days} days of that travel",
            s("s 15 (1) (b)"),
            s("s 15 (3)"),
        )
    if late:
        detail = f" ({'; '.join(notes)})" if notes else ""
        b.step(
            "He failed to give a personal information report within "
            f"{ctx.params.integer('late_report_grace_days')} days after it was due"
            f"{detail}: the period is extended by {late} day(s), each day counted once",
            s("s 15 (4)"),
            s("s 15 (5)"),
        )
    if end != pre_custody:
        days = (end - pre_custody).days
        open_now = any(sp.end is None for sp in ctx.spells)
        b.step(
            f"His obligations were suspended for {days} day(s) while he was in government "
            "custody during the period, which extends it by that time"
            + (
                " (he is still in custody: the end moves on a day for each further day)"
                if open_now
                else ""
            ),
            s("s 15 (1) (a)"),
            s("s 15 (2)"),
        )
    return end
