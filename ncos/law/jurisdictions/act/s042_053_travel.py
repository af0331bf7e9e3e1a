"""Travel: division 3.3.2, ss 42–53.

> It is a defence to a prosecution of a registrable offender for an offence against section 58A
> (Offence—fail to report as required), in relation to a reporting obligation under section 42,
> if— (a) circumstances make it impracticable for the registrable offender to make the report at
> least 7 days before leaving the ACT; and (b) the offender makes the report at least 24 hours
> before leaving the ACT.

> This division does not apply to a registrable offender in relation to a report if the offender
> is in government custody when the report is required to be made.

Readings (docs/law/interpretations.md): travel of "7 or more consecutive days" is measured as the
days between leaving and returning (ACT-15); "at least 7 days before leaving" is leaving day − 7
and is not moved for a weekend or holiday (ACT-10); s 47 applies only if he reported the travel
under s 42, as it says (ACT-16); s 53 (suspension) is lost from the text and read like s 36.
"""

from __future__ import annotations

from datetime import date, timedelta

from ncos.law.answer import Manner, Status
from ncos.law.facts import Event
from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.jurisdictions.act.presence import absence_covering, cancellation_of, planned_return
from ncos.law.rules import obligation_key
from ncos.law.time import JURISDICTIONS, at_least_days_before


def _reported(ctx: ActContext, kind: str, key: str, since: date | None, by: date | None) -> bool:
    for e in ctx.of("report_made"):
        if e.day is None or e.kind != kind:
            continue
        if e.key is not None:
            if e.key == key:
                return True
            continue
        if (since is None or e.day >= since) and (by is None or e.day <= by):
            return True
    return False


def _home(ctx: ActContext) -> str:
    """s 50: for a protected registrable offender, "the ACT" means where he generally lives."""
    if ctx.case.person.protected:
        where = ctx.case.person.extra.get("generally_lives")
        if isinstance(where, str) and where.upper() in JURISDICTIONS:
            return where.upper()
    return "ACT"


def _reportable(ctx: ActContext, e: Event, depart: date, destination: str) -> tuple[bool, str]:
    n = ctx.params.integer("travel_threshold_days")
    if destination not in JURISDICTIONS:
        return True, f"outside Australia ({destination})"
    # What he intended when leaving decides s 42; later decisions are ss 45 and 46.
    back = e.return_
    if back is None:
        return True, f"to {destination}, with no return to the ACT intended"
    days = (back - depart).days
    if days >= n:
        return True, f"to {destination} for {days} days ({fmt(depart)} to {fmt(back)})"
    return False, f"to {destination} for {days} days, fewer than {n}"


def travel(ctx: ActContext) -> None:
    b = ctx.builder
    home = _home(ctx)
    if home != "ACT":
        b.step(
            f"He is a protected registrable offender who generally lives in {home}: the travel "
            f"rules apply as if a reference to the ACT were a reference to {home}",
            s("s 50"),
        )
    for e in ctx.of("travel_intent"):
        depart, destination = e.depart, e.destination
        if depart is None or destination is None or destination == home:
            continue
        if ctx.period_start is None or depart < ctx.period_start:
            continue
        if ctx.period_over_before(depart):
            b.step(
                f"Travel leaving {fmt(depart)}: the reporting period has ended before he "
                "leaves, so no travel report is required",
                s("s 42 (3)"),
            )
            continue
        yes, what = _reportable(ctx, e, depart, destination)
        if not yes:
            b.step(
                f"Travel {what}: within Australia and for fewer than 7 consecutive days, so no "
                "report before leaving is required",
                s("s 42 (1) (b) (i)"),
            )
            continue
        _notice(ctx, e, depart, destination, what)


def _notice(ctx: ActContext, e: Event, depart: date, destination: str, what: str) -> None:
    b = ctx.builder
    n = ctx.params.integer("travel_notice_days")
    due = at_least_days_before(depart, n)
    key = obligation_key("travel_notice", depart, destination)
    overseas = destination not in JURISDICTIONS
    para = "(ii)" if overseas else "(i)"
    cites = [s(f"s 42 (1) (b) {para}"), s("s 42 (2)")]
    text = (
        f"Travel notice: he intends to travel {what}; report the travel details in person at least "
        f"{n} days before leaving, by {fmt(due)}"
    )
    if not ctx.nwd.is_working_day(due):
        text += f" ({ctx.nwd.describe(due)}: the day is not moved)"
    text += (
        ". If circumstances make that impracticable, reporting at least 24 hours before leaving "
        "is a defence"
    )
    cites.append(s("s 43"))
    cancel = cancellation_of(ctx, e)
    cancel_day = None if cancel is None else cancel.day
    reported = _reported(ctx, "travel_notice", key, e.day, depart)
    status: Status | None = None
    if cancel_day is not None and cancel_day <= depart:
        if not reported and cancel_day <= due:
            status = Status.NOT_APPLICABLE
            text += f"; not required: on {fmt(cancel_day)} he decided not to travel"
        elif reported:
            _decision_not_to_leave(ctx, depart, cancel_day)
    if status is None and ctx.suspended(due):
        status = Status.SUSPENDED
        cites.append(s("s 53"))
    elif status is None and ctx.in_custody(due):
        status = Status.NOT_APPLICABLE
        cites.append(s("s 52"))
        text += "; not required: he is in government custody when the report is required"
    b.obligation(
        "travel_notice",
        key=key,
        trigger=e.day,
        due=due,
        citations=cites,
        explanation=text,
        manner=(Manner.IN_PERSON,),
        status=status,
        depart=depart.isoformat(),
        destination=destination,
        defence_latest=(depart - timedelta(days=1)).isoformat(),
    )
    if status is None and reported and (cancel_day is None or cancel_day > depart):
        _return_report(ctx, e, depart, overseas)
    elif status is None and not reported and depart <= ctx.as_of:
        b.step(
            "He did not report this travel under s 42, so s 47 (report of return) does not apply "
            "to it; changes while away are reported under s 55",
            s("s 47 (1) (a)"),
        )


def _decision_not_to_leave(ctx: ActContext, depart: date, cancel_day: date) -> None:
    d = ctx.after_days(cancel_day, ctx.params.integer("travel_report_days"), base=[s("s 48 (2)")])
    ctx.builder.obligation(
        "decision_not_to_travel",
        key=obligation_key("decision_not_to_travel", cancel_day),
        trigger=cancel_day,
        due=d.day,
        citations=d.citations,
        explanation=(
            f"He reported travel leaving {fmt(depart)} and on {fmt(cancel_day)} decided not to "
            f"leave: report the decision in an approved way within 7 days, by {fmt(d.day)}. "
            + d.sentence()
        ).strip(),
        manner=(Manner.APPROVED_WAY,),
    )


def _return_report(ctx: ActContext, e: Event, depart: date, overseas: bool) -> None:
    b = ctx.builder
    absence = absence_covering(ctx, depart)
    back = absence.end if absence is not None else None
    if back is None:
        back = planned_return(ctx, e)
    if back is None:
        return
    n = ctx.params.integer("presence_days")
    if back <= ctx.as_of and ctx.stay_day(back, n) is None:
        b.step(
            f"He returned on {fmt(back)} but left again before he had been in the ACT for {n} "
            "consecutive days: no report of return is required",
            s("s 47 (1) (c)"),
        )
        return
    d = ctx.after_days(back, ctx.params.integer("return_report_days"), base=[s("s 47 (2) (a)")])
    cites = list(d.citations)
    text = f"Report of return to the ACT on {fmt(back)}, in an approved way, by {fmt(d.day)}"
    if overseas:
        cites.append(s("s 47 (2) (b)"))
        text += "; give a copy of his passport and documents that verify the travel"
    b.obligation(
        "return_report",
        key=obligation_key("return_report", back),
        trigger=back,
        due=d.day,
        citations=cites,
        explanation=(text + ". " + d.sentence()).strip(),
        manner=(Manner.APPROVED_WAY,),
        status=Status.SUSPENDED if ctx.suspended(back) else None,
    )


def travel_changes(ctx: ActContext) -> None:
    """ss 45 and 46: decisions made while outside the ACT."""
    b = ctx.builder
    n = ctx.params.integer("stay_outside_days")
    for c in ctx.of("travel_change"):
        if c.day is None or not ctx.in_period(c.day):
            continue
        absence = absence_covering(ctx, c.day)
        if absence is None:
            b.step(
                f"The travel change on {fmt(c.day)} was decided while he was in the ACT; it is "
                "not a change made while outside the ACT",
                s("s 46 (1) (a)"),
            )
            continue
        intent = next((i for i in ctx.of("travel_intent") if i.depart == absence.start), None)
        key = obligation_key("travel_notice", intent.depart, intent.destination) if intent else ""
        was_reported = intent is not None and _reported(
            ctx, "travel_notice", key, intent.day, intent.depart
        )
        d = ctx.after_days(c.day, ctx.params.integer("travel_report_days"))
        if was_reported:
            cites = [s("s 46 (2)"), s("s 46 (3)"), *d.citations]
            b.obligation(
                "travel_change",
                key=obligation_key("travel_change", c.day),
                trigger=c.day,
                due=d.day,
                citations=cites,
                explanation=(
                    f"While outside the ACT he decided on {fmt(c.day)} to change his travel "
                    f"details: report the change by post, fax or email by {fmt(d.day)}. "
                    + d.sentence()
                ).strip(),
                manner=(Manner.IN_WRITING,),
            )
            continue
        back = c.return_
        domestic = (c.destination or absence.to or "") in JURISDICTIONS
        if domestic and (back is None or (back - absence.start).days >= n):
            cites = [s("s 45 (1) (b)"), s("s 45 (2)"), s("s 45 (3)"), *d.citations]
            b.obligation(
                "travel_notice",
                key=obligation_key("travel_notice", c.day, "stay"),
                trigger=c.day,
                due=d.day,
                citations=cites,
                explanation=(
                    f"While outside the ACT he decided on {fmt(c.day)} to stay outside the ACT "
                    f"(within Australia) for {n} or more days: report his travel details, "
                    f"including travel already completed, by post, fax or email by {fmt(d.day)}. "
                    + d.sentence()
                ).strip(),
                manner=(Manner.IN_WRITING,),
            )
