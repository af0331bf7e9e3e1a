"""Suspension of reporting obligations: part 3.6, ss 95–102.

> This part applies only to a registrable offender whose reporting period under part 3.5
> (Reporting periods) is the rest of the offender’s life.

> (1) A suspension order made for a registrable offender ceases to have effect if, after the
> order is made, the offender— (a) is found guilty of a registrable offence; or (b) is made the
> subject of a child sex offender registration order; or (c) becomes a prescribed corresponding
> offender.

A suspension order runs from the day it is made until a `suspension_order_ended` event or the
first s 101 (1) event after it (a later finding's `date_found_guilty`, else its `date_sentenced`).
A finding later quashed is not a finding of guilt (s 7 (2)), so it never ends an order (s 101 (2)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.jurisdictions.act.s007_013_registrable import Registrability
from ncos.law.jurisdictions.act.s083_094_reporting_period import PeriodResult
from ncos.law.time import Feb29, add_years, extend_excluding_custody


@dataclass(frozen=True, slots=True)
class Cessation:
    """A suspension order that ceased under s 101 (1) on `day` (s 30 applies)."""

    day: date
    reason: str
    provision: str


def _s101_events(ctx: ActContext, reg: Registrability, made: date) -> list[tuple[date, str, str]]:
    out: list[tuple[date, str, str]] = []
    for f in reg.findings:
        o = f.offence
        if o is None:
            if f.order is not None and f.order.day is not None and f.order.day > made:
                out.append(
                    (f.order.day, "made the subject of a registration order", "s 101 (1) (b)")
                )
            continue
        found = o.date_found_guilty or o.date_sentenced
        if found is not None and found > made:
            if f.order is not None:
                day = f.order.day or found
                out.append(
                    (day, f"made the subject of a registration order ({o.ref})", "s 101 (1) (b)")
                )
            else:
                out.append(
                    (found, f"found guilty of a registrable offence ({o.ref})", "s 101 (1) (a)")
                )
    for e in reg.corresponding:
        if e.day is not None and e.day > made:
            out.append((e.day, "became a prescribed corresponding offender", "s 101 (1) (c)"))
    return sorted(out)


def assess_suspension(
    ctx: ActContext, reg: Registrability, result: PeriodResult
) -> list[Cessation]:
    b = ctx.builder
    cessations: list[Cessation] = []
    life = result.period is not None and result.period.life
    for order in ctx.of("suspension_order"):
        if order.day is None:
            continue
        if not life:
            b.step(
                f"A suspension order is recorded on {fmt(order.day)}, but part 3.6 applies only to "
                "an offender whose reporting period is the rest of his life, so it has no effect "
                "on this period",
                s("s 95"),
            )
            continue
        b.step(
            f"The Supreme Court made a suspension order on {fmt(order.day)}: his reporting "
            "obligations are suspended from that day",
            s("s 97 (2)"),
        )
        end: date | None = None
        ended = next(
            (
                e
                for e in ctx.of("suspension_order_ended")
                if e.day is not None and e.day >= order.day
            ),
            None,
        )
        triggers = _s101_events(ctx, reg, order.day)
        if triggers and (ended is None or (ended.day is not None and triggers[0][0] < ended.day)):
            day, why, provision = triggers[0]
            end = day
            b.step(
                f"The suspension order ceased to have effect on {fmt(day)}: after it was made he "
                f"was {why}",
                s(provision),
            )
            cessations.append(Cessation(day, why, provision))
        elif ended is not None:
            end = ended.day
            b.step(f"The suspension order ended on {fmt(ended.day) if ended.day else '?'}")
        ctx.suspensions.append((order.day, end))
    if life and reg.findings:
        _eligibility(ctx, reg, result)
    return cessations


def _eligibility(ctx: ActContext, reg: Registrability, result: PeriodResult) -> None:
    """s 96 (a): the earliest day he could apply for a suspension order (an added field)."""
    last = result.start
    if last is None:
        return
    years = ctx.params.integer("suspension_wait_years")
    plain = add_years(last, years, feb29=Feb29.ROUND_UP)
    eligible = extend_excluding_custody(plain, ctx.counted_spells, start=last)
    ctx.builder.extra["suspension_eligible_from"] = eligible.isoformat()
    ctx.builder.step(
        f"He may apply for a suspension order once {years} years have passed (excluding days in "
        f"government custody) since he was last sentenced or released from government custody for "
        f"a registrable offence, and while he is not on parole: from {fmt(eligible)}",
        s("s 96 (a)"),
        s("s 96 (c)"),
    )
