"""Part 3 Division 3: changes in relevant personal information (s 10A, Schedule 1C), contact with
children (s 11) and intended changes of residence (s 11F).

> During a registrable person’s reporting period, the registrable person must notify the
> Commissioner of Police of a change in the registrable person’s relevant personal information—
> (a) if the change occurs when the registrable person is in New South Wales and not in
> government custody— (i) for information referred to in Schedule 1C, clause 9—within 24 hours
> after the change occurs, or (ii) otherwise—within 5 days after the change occurs, or (b) if the
> change occurs when the registrable person is in government custody in New South Wales—within 5
> days after the registrable person ceases to be in government custody, or (c) if the change
> occurs when the registrable person is not in New South Wales—within 5 days after the
> registrable person enters New South Wales.

> Within 24 hours after the registrable person has the contact with the child, the registrable
> person must give the Commissioner of Police a report that includes the following information,
> to the extent it is known by the registrable person—

> At least 14 days before changing the place, the registrable person must report the intended
> change to the Commissioner of Police and must provide details of—

> A registrable person who reports an intended change of place under this section and who
> subsequently changes the place where he or she generally resides to the place detailed in the
> report is not required to comply with the reporting obligations imposed by section 10A with
> respect to that change of place.

> Details of the time the person has spent in government custody in New South Wales or a foreign
> jurisdiction in relation to a registrable offence since the person became a registrable person,
> including when and where the custody occurred.

Readings: every recorded change of address is taken to have been intended, so the s 11F notice
is due 14 days before it (NSW-D1); passport details are not in Schedule 1C (NSW-D2); a 24-hour
change recorded by date only is due by the end of the next day (NSW-T3); each custody spell
ending in the period changes his information (Sch 1C cl 7) and is reported within 5 days after
release (NSW-D3). Changes before the period begins are covered by the initial report.
"""

from __future__ import annotations

from datetime import date, datetime

from ncos.law.answer import Manner, Status
from ncos.law.explain import Citation
from ncos.law.facts import Event
from ncos.law.jurisdictions.nsw.common import Deadline, NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s013_013a_protected import ANY_WAY, IN_PERSON, oblige
from ncos.law.rules import obligation_key
from ncos.law.time import at_least_days_before

CLAUSES: dict[str, tuple[str, str]] = {
    "name": ("Sch 1C cl 1", "a change of name"),
    "address": ("Sch 1C cl 1", "a change in the premises where he generally resides"),
    "tattoo": ("Sch 1C cl 1", "a change in his tattoos or permanent distinguishing marks"),
    "employment": ("Sch 1C cl 2", "a change in his work"),
    "club": ("Sch 1C cl 3", "a change in his affiliation with a club or organisation"),
    "vehicle": ("Sch 1C cl 4", "a change in his relevant vehicles or other transport"),
    "carriage_service": ("Sch 1C cl 5", "a change in the carriage services he uses"),
    "internet_provider": ("Sch 1C cl 5", "a change of internet service provider"),
    "internet_identity": ("Sch 1C cl 5", "a change in his internet user names or identities"),
    "regular_travel": ("Sch 1C cl 8", "a change in his regular travel outside NSW"),
    "child_household": ("Sch 1C cl 9", "a change in the children he resides with"),
}
_IN_PERSON_KINDS = {"address": "s 12A (1) (c)", "tattoo": "s 12A (1) (d)"}


def _manner(kind: str) -> tuple[tuple[Citation, ...], tuple[Manner, ...]]:
    if kind in _IN_PERSON_KINDS:
        return (s(_IN_PERSON_KINDS[kind]),), IN_PERSON
    return (s("s 12A (2)"),), ANY_WAY


def _in_period(ctx: NswContext, e: Event) -> bool:
    if e.day is None or ctx.period_start is None:
        return False
    if not ctx.in_period(e.day):
        where = (
            "before his reporting period began" if e.day < ctx.period_start else "after it ended"
        )
        ctx.builder.step(
            f"The {e.type.replace('_', ' ')} of {fmt(e.day)} occurred {where}; s 10A applies "
            "only during the reporting period",
            s("s 10A (1)"),
        )
        return False
    return True


def _ten_a(ctx: NswContext, e: Event, kind: str) -> None:
    assert e.day is not None  # noqa: S101 - checked by _in_period
    day = e.day
    clause, words = CLAUSES[kind]
    n = ctx.params.integer("change_report_days")
    mcites, manner = _manner(kind)
    key = obligation_key("change_of_details", kind, e.at)
    status: Status | None = None
    spell = ctx.spell_on(day)
    away = None if ctx.protected else ctx.absence_on(day)
    d: Deadline | None
    if spell is not None:
        if spell.end is None:
            d, status = None, Status.SUSPENDED
            when = (
                f"within {n} days after he ceases to be in government custody (he is still in "
                "custody)"
            )
        else:
            d = ctx.after_days(spell.end, n, base=(s("s 10A (1) (b)"),))
            when = f"within {n} days after he ceased to be in government custody ({fmt(spell.end)})"
    elif away is not None:
        if away.end is None or away.end > ctx.as_of:
            d, status = None, Status.SUSPENDED
            when = f"within {n} days after he enters New South Wales (he has not returned)"
        else:
            d = ctx.after_days(away.end, n, base=(s("s 10A (1) (c)"),))
            when = f"within {n} days after he entered New South Wales ({fmt(away.end)})"
    elif kind == "child_household":
        hours = ctx.params.integer("child_change_hours")
        d = ctx.hours_after(e.at or day, hours, base=(s("s 10A (1) (a) (i)"),))
        when = f"within {hours} hours after the change"
    else:
        d = ctx.after_days(day, n, base=(s("s 10A (1) (a) (ii)"),))
        when = f"within {n} days after the change"
    if (
        kind == "address"
        and obligation_key("change_of_details", "address_intended", day) in ctx.met_keys
    ):
        status = Status.NOT_APPLICABLE
    cites = [*(d.citations if d else (s("s 10A (1)"),)), s(clause), *mcites]
    text = f"Report {words} ({fmt(day)}) {when}"
    text += f": by {fmt(d.day)}." if d is not None and d.moment is None else "."
    if d is not None and d.moment is not None:
        text = f"Report {words} {when}: by {d.moment.isoformat()}."
    if d is not None and d.notes:
        text += " " + d.sentence()
    if status is Status.NOT_APPLICABLE:
        cites.append(s("s 11F (4)"))
        text += (
            " Not required: he reported the intended change 14 days ahead and moved to the place "
            "he reported (s 11F (4))."
        )
    oblige(
        ctx,
        "change_of_details",
        key=key,
        trigger=e.at,
        due=None if d is None else d.due,
        citations=cites,
        explanation=text,
        manner=manner,
        status=status,
    )


def _intended_residence(ctx: NswContext, e: Event) -> None:
    assert e.day is not None  # noqa: S101 - checked by _in_period
    n = ctx.params.integer("intended_residence_days")
    due = at_least_days_before(e.day, n)
    oblige(
        ctx,
        "change_of_details",
        key=obligation_key("change_of_details", "address_intended", e.day),
        trigger=None,
        due=due,
        citations=(s("s 11F (1)"), s("s 11F (2)"), s("s 12A (2)")),
        explanation=(
            f"Report the intended change of the place where he generally resides at least {n} "
            f"days before changing it ({fmt(e.day)}): by {fmt(due)} (a day counted back from an "
            "event is not moved for a weekend or holiday). In an emergency, not more than 3 days "
            "after the change, with evidence of the circumstances (s 11F (3))."
        ),
        manner=ANY_WAY,
    )


def _child_contact(ctx: NswContext, e: Event) -> None:
    assert e.day is not None  # noqa: S101 - checked by _in_period
    hours = ctx.params.integer("child_contact_hours")
    d = ctx.hours_after(e.at or e.day, hours, base=(s("s 11 (1)"), s("s 11 (2)")))
    due: date | datetime = d.due
    when = d.moment.isoformat() if d.moment is not None else fmt(d.day)
    oblige(
        ctx,
        "child_details",
        key=obligation_key("child_details", e.at),
        trigger=e.at,
        due=due,
        citations=(*d.citations, s("s 12A (2)")),
        explanation=(
            f"He had contact with a child ({fmt(e.day)}): report the child's name, date of birth "
            f"and address (to the extent known) within {hours} hours: by {when}. {d.sentence()} "
            "Not required if the child resides with him and he has already reported that "
            "(s 11 (3))."
        ),
        manner=ANY_WAY,
    )


def changes(ctx: NswContext) -> None:
    for e in ctx.of("change_of_details"):
        kind = e.kind or ""
        if not _in_period(ctx, e):
            continue
        assert e.day is not None  # noqa: S101 - checked by _in_period
        if kind == "child_contact":
            _child_contact(ctx, e)
            continue
        if kind == "passport":
            oblige(
                ctx,
                "change_of_details",
                key=obligation_key("change_of_details", kind, e.at),
                trigger=e.at,
                due=None,
                citations=(s("Sch 1C"),),
                explanation=(
                    f"A change of passport ({fmt(e.day)}) is not relevant personal information "
                    "under Schedule 1C, so s 10A does not require it to be reported (a passport "
                    "is presented as identification when reporting in person, s 12D (1A))."
                ),
                manner=ANY_WAY,
                status=Status.NOT_APPLICABLE,
            )
            continue
        if kind == "address":
            _intended_residence(ctx, e)
        _ten_a(ctx, e, kind)


def leaving_custody(ctx: NswContext) -> None:
    """s 10A (1) (b) with Sch 1C cl 7: the time in custody is reported after release."""
    n = ctx.params.integer("change_report_days")
    for spell in ctx.event_spells:
        left = spell.end
        if left is None or ctx.period_start is None or left <= ctx.period_start:
            continue
        if not ctx.in_period(left) or not ctx.in_period(spell.start):
            continue
        d = ctx.after_days(left, n, base=(s("s 10A (1) (b)"), s("Sch 1C cl 7")))
        days = (left - spell.start).days
        oblige(
            ctx,
            "leaving_custody_report",
            key=obligation_key("leaving_custody_report", left),
            trigger=left,
            due=d.day,
            citations=(*d.citations, s("s 12A (2)")),
            explanation=(
                f"He was in government custody from {fmt(spell.start)} to {fmt(left)} ({days} "
                f"days). The time in custody, and any other change in his personal information "
                f"while in custody, must be reported within {n} days after he ceased to be in "
                f"custody: by {fmt(d.day)}. {d.sentence()}"
            ).strip(),
            manner=ANY_WAY,
        )
