"""Part 3 Division 3: travel — intended absence (s 11A), changes while away (s 11B), return or
decision not to leave (s 11C); Norfolk Island (s 2I).

> This section applies if a registrable person— (a) intends to leave New South Wales for 14 or
> more consecutive days to travel elsewhere in Australia, or (b) intends to leave New South Wales
> to travel out of Australia.

> At least 7 days before leaving New South Wales, the registrable person must report the intended
> travel to the Commissioner of Police and must provide details of—

> If circumstances arise making it impracticable for a registrable person to make the report 7
> days before the person leaves, it is sufficient compliance with subsection (2) if the
> registrable person reports the required information to the Commissioner of Police at least 24
> hours before the intended travel.

> As soon as is practicable after making the decision, the registrable person must—

> The registrable person must make the report— (a) by facsimile or email sent to the Commissioner
> of Police or to any other address permitted by the regulations, or (b) in any other manner
> permitted by the regulations.

> If the registrable person left New South Wales, the person must report the person’s return to
> New South Wales to the Commissioner of Police within 7 days after entering and remaining in New
> South Wales for 14 or more consecutive days, not counting any days spent in government custody.

> If the registrable person decides not to leave New South Wales, the person must report the
> change of intention to the Commissioner of Police within 7 days of deciding not to leave.

> For this Act, if a person travels to Norfolk Island, the person travels outside New South Wales.

Readings: days away are counted from the day after leaving (a trip leaving 1 June and returning
15 June is 14 days; Interpretation Act 1987 (NSW) s 36 (1); NSW-V1); "at least 7 days before
leaving" is not moved by s 36 (2) (NSW-T2); the 14 days back in NSW are counted from the day after
return, so the return report falls 21 days after return (NSW-T4); a travel notice is not owed if
he decided not to travel before it fell due (NSW-V2).
"""

from __future__ import annotations

from datetime import date

from ncos.law.answer import Manner, Status
from ncos.law.facts import Event
from ncos.law.jurisdictions.nsw.common import IA_36_1, NswContext, fmt, is_norfolk, is_overseas, s
from ncos.law.jurisdictions.nsw.s013_013a_protected import ANY_WAY, oblige
from ncos.law.rules import obligation_key
from ncos.law.time import at_least_days_before


def _cancellation(ctx: NswContext, e: Event) -> Event | None:
    assert e.depart is not None  # noqa: S101 - callers check
    return next(
        (
            c
            for c in ctx.of("travel_cancelled")
            if c.day is not None and c.day <= e.depart and (e.day is None or c.day >= e.day)
        ),
        None,
    )


def _back(ctx: NswContext, e: Event) -> date | None:
    assert e.depart is not None  # noqa: S101 - callers check
    backs = [
        x.day
        for x in ctx.of("returned", "entered_jurisdiction")
        if x.day is not None and x.day > e.depart
    ]
    if backs:
        return min(backs)
    return e.return_


def _notice(ctx: NswContext, e: Event) -> str | None:
    """Record the s 11A notice for a travel intention; the paragraph that applies, or None."""
    assert e.depart is not None  # noqa: S101 - callers check
    dest = e.destination or "elsewhere"
    threshold = ctx.params.integer("travel_threshold_days")
    norfolk = [s("s 2I")] if is_norfolk(dest) else []
    if is_overseas(dest):
        para = "s 11A (1) (b)"
        why = f"he intends to leave New South Wales to travel out of Australia ({dest})"
    else:
        back = e.return_
        days = None if back is None else (back - e.depart).days
        if back is not None and days is not None and days < threshold:
            ctx.builder.step(
                f"The trip to {dest} from {fmt(e.depart)} to {fmt(back)} is {days} days, "
                f"less than {threshold} consecutive days within Australia, so s 11A does not "
                "require it to be reported in advance",
                s("s 11A (1) (a)"),
                *norfolk,
            )
            return None
        para = "s 11A (1) (a)"
        length = "with no return date" if days is None else f"for {days} days"
        why = f"he intends to leave New South Wales {length} to travel to {dest}, in Australia"
    n = ctx.params.integer("travel_notice_days")
    due = at_least_days_before(e.depart, n)
    cancel = _cancellation(ctx, e)
    key = obligation_key("travel_notice", e.depart, dest)
    status = None
    text = (
        f"Travel notice: {why}, leaving {fmt(e.depart)}. Report the intended travel at least {n} "
        f"days before leaving: by {fmt(due)} (a day counted back from departure is not moved for "
        "a weekend or holiday). If circumstances make that impracticable, at least 24 hours "
        "before the travel suffices (s 11A (3))."
    )
    if (
        cancel is not None
        and cancel.day is not None
        and cancel.day < due
        and key not in ctx.met_keys
    ):
        status = Status.NOT_APPLICABLE
        text += f" Not owed: he decided not to travel on {fmt(cancel.day)}, before it fell due."
    oblige(
        ctx,
        "travel_notice",
        key=key,
        trigger=e.day,
        due=due,
        citations=(s(para), s("s 11A (2)"), s("s 12A (2)"), *norfolk),
        explanation=text,
        manner=ANY_WAY,
        status=status,
    )
    return para


def _after(ctx: NswContext, e: Event) -> None:
    """s 11C: the decision not to leave, or the return."""
    assert e.depart is not None  # noqa: S101 - callers check
    cancel = _cancellation(ctx, e)
    if cancel is not None and cancel.day is not None:
        n = ctx.params.integer("decision_not_to_travel_days")
        d = ctx.after_days(cancel.day, n, base=(s("s 11C (1)"), s("s 11C (3)")))
        oblige(
            ctx,
            "decision_not_to_travel",
            key=obligation_key("decision_not_to_travel", cancel.day),
            trigger=cancel.day,
            due=d.day,
            citations=(*d.citations, s("s 12A (2)")),
            explanation=(
                f"He decided on {fmt(cancel.day)} not to leave New South Wales as reported: report "
                f"the change of intention within {n} days: by {fmt(d.day)}. {d.sentence()}"
            ).strip(),
            manner=ANY_WAY,
        )
        return
    if e.depart > ctx.as_of:
        return
    back = _back(ctx, e)
    if back is None:
        return
    stay = ctx.params.integer("return_presence_days")
    n = ctx.params.integer("return_report_days")
    day14 = ctx.presence_day(back, stay)
    if day14 is None:
        ctx.builder.step(
            f"He returned on {fmt(back)} and leaves again before remaining {stay} consecutive "
            "days, so that return is not yet reportable",
            s("s 11C (2)"),
        )
        return
    d = ctx.after_days(day14, n, base=(s("s 11C (1)"), s("s 11C (2)"), IA_36_1))
    oblige(
        ctx,
        "return_report",
        key=obligation_key("return_report", back),
        trigger=back,
        opens=day14,
        due=d.day,
        citations=(*d.citations, s("s 12A (2)")),
        explanation=(
            f"He returned to New South Wales on {fmt(back)}; counting from the next day and not "
            f"counting days in government custody, he has remained {stay} consecutive days on "
            f"{fmt(day14)}. Report the return within {n} days after that: by {fmt(d.day)}. "
            f"{d.sentence()}"
        ).strip(),
        manner=ANY_WAY,
    )


def travel(ctx: NswContext) -> None:
    for e in ctx.of("travel_intent"):
        if e.depart is None or e.destination in (None, "NSW"):
            continue
        if not ctx.in_period(e.depart):
            continue
        if _notice(ctx, e) is not None:
            _after(ctx, e)
    for e in ctx.of("travel_change"):
        if e.day is None or not ctx.in_period(e.day):
            continue
        oblige(
            ctx,
            "travel_change",
            key=obligation_key("travel_change", e.at),
            trigger=e.at,
            due=None,
            citations=(s("s 11B (1)"), s("s 11B (2)"), s("s 11B (3)")),
            explanation=(
                f"While out of New South Wales he decided on {fmt(e.day)} to change his travel "
                "(or to stay elsewhere in Australia beyond 13 days): report it as soon as is "
                "practicable, by fax or email or another way the regulations permit. Obligations "
                "under s 11B are not suspended while he is outside New South Wales."
            ),
            manner=(Manner.IN_WRITING,),
            suspendable=False,
        )
