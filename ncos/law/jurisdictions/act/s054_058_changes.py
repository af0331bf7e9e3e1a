"""Changes of personal details and leaving custody: division 3.3.3, ss 54–58 (with ss 59–62).

> (3) A change happens in the following personal details only at the end of the relevant 7 days
> or 3 days mentioned in section 60: (a) the premises where the offender generally lives; (b) the
> household in which the offender and a child generally live; (c) when the offender has
> unsupervised contact with a child;

> (4) The Legislation Act, section 151A (Periods of time ending on non-working days) does not
> apply to subsection (1) (a).

A `change_of_details` event's day is the day the new circumstance began (he moved in, the child
came to live in the household, the first day of contact). For the s 54 (3) kinds the change
happens at the end of the 7th (address) or 3rd (child) day, counted as if the days were
consecutive, unless the event gives `happens` (interpretation ACT-1). The 24-hour limit runs from
the end of the day the change happens (ACT-2) and is never rolled (s 54 (4)); the 7-day limit is
rolled past non-working days (Legislation Act s 151A, ACT-3). Vehicle and employment changes happen
on the event's day (ACT-17). s 54 (5), s 56 (2) and s 57 are lost from the text and read from
their parallels (s 25 (3), s 22 (2), s 36); s 58 (1)'s conditions are lost and not applied (ACT-13).
"""

from __future__ import annotations

from datetime import date, timedelta

from ncos.law.answer import Manner, Status
from ncos.law.contract import read_date
from ncos.law.explain import Citation
from ncos.law.facts import Event
from ncos.law.jurisdictions.act.common import ActContext, Deadline, fmt, s
from ncos.law.jurisdictions.act.presence import absence_covering, leaves_within
from ncos.law.rules import obligation_key

CHILD_KINDS = ("child_household", "child_contact")
IN_PERSON_KINDS = ("address", "tattoo")
# kind -> (parameter giving the s 60 days, s 54 (3) paragraph, s 60 paragraph)
_HAPPENS: dict[str, tuple[str, str, str]] = {
    "address": ("lives_days", "(a)", "(a)"),
    "child_household": ("child_household_days", "(b)", "(b)"),
    "child_contact": ("child_contact_days", "(c)", "(c)"),
}
_DETAIL: dict[str, str] = {
    "name": "(a)",
    "address": "(d)",
    "child_household": "(e)",
    "child_contact": "(e)",
    "employment": "(f)",
    "club": "(g)",
    "vehicle": "(h)",
    "tattoo": "(i)",
    "regular_travel": "(n)",
    "carriage_service": "(p)",
    "internet_provider": "(q)",
    "internet_identity": "(s)",
    "passport": "(t)",
}
_WORDS: dict[str, str] = {
    "child_household": "a child generally living in his household",
    "child_contact": "regular unsupervised contact with a child",
    "internet_identity": "internet user name or identity",
    "carriage_service": "carriage service",
    "internet_provider": "internet or carriage service provider",
    "regular_travel": "regular travel",
}


def _happens(
    ctx: ActContext, e: Event, began: date, change: str
) -> tuple[date, list[Citation], str]:
    raw = e.extra.get("happens")
    if raw is not None:
        day = read_date(raw, f"{e.path}.happens")
        return day, [], f"the change happened on {fmt(day)} (as recorded)"
    if change not in _HAPPENS:
        return began, [], f"the change happened on {fmt(began)}"
    param, p54, p60 = _HAPPENS[change]
    n = ctx.params.integer(param)
    day = began + timedelta(days=n - 1)
    return (
        day,
        [s(f"s 54 (3) {p54}"), s(f"s 60 {p60}")],
        (
            f"the change began on {fmt(began)} and happens only at the end of the {n} days in "
            f"s 60, that is at the end of {fmt(day)} (taking the days as consecutive)"
        ),
    )


def changes(ctx: ActContext) -> None:
    b = ctx.builder
    for e in ctx.of("change_of_details"):
        began, change = e.day, e.kind
        if began is None or change is None:
            continue
        if not ctx.in_period(began):
            b.step(
                f"The {change} change on {fmt(began)} is outside the reporting period: no report "
                "of it is required",
                s("s 54 (1)"),
            )
            continue
        away = absence_covering(ctx, began)
        if away is not None:
            _returning(ctx, e, began, change, away.end)
        else:
            _in_act(ctx, e, began, change)


def _meta(change: str) -> tuple[str, str, list[Manner], list[Citation]]:
    kind = "child_details" if change in CHILD_KINDS else "change_of_details"
    if change == "regular_travel":
        kind = "regular_travel"
    manner = [Manner.IN_PERSON] if change in IN_PERSON_KINDS else [Manner.APPROVED_WAY]
    cites = [s(f"s 59 (1) {_DETAIL[change]}")] if change in _DETAIL else []
    if change == "regular_travel":
        cites.insert(0, s("s 49 (2)"))
    return kind, _WORDS.get(change, change), manner, cites


def _by(d: Deadline) -> str:
    return f"the end of {fmt(d.day)}" if d.moment is not None else fmt(d.day)


def _in_act(ctx: ActContext, e: Event, began: date, change: str) -> None:
    b = ctx.builder
    kind, words, manner, detail = _meta(change)
    happens, happen_cites, happen_text = _happens(ctx, e, began, change)
    if change in CHILD_KINDS:
        hours = ctx.params.integer("child_change_hours")
        d = ctx.hours_after_day(happens, hours, base=[s("s 54 (1) (a)"), s("s 54 (4)")])
        limit = f"within {hours} hours after the day the change happens"
    else:
        days = ctx.params.integer("change_report_days")
        d = ctx.after_days(happens, days, base=[s("s 54 (1) (b)")])
        limit = f"within {days} days after the day the change happens"
    if ctx.period_over_before(d.day):
        b.step(
            f"The {words} change: the reporting period ends before the report is due, so it is "
            "not required",
            s("s 54 (5)"),
        )
        return
    in_person = Manner.IN_PERSON in manner
    cites = [*d.citations, s("s 54 (2) (a)") if in_person else s("s 54 (2) (b)"), *detail]
    cites.extend(happen_cites)
    how = "in person at an approved reporting place" if in_person else "in an approved way"
    text = (
        f"Change of personal details ({words}): {happen_text}; report it {how} {limit}, by "
        f"{_by(d)}. {d.sentence()}"
    )
    status = None
    if ctx.suspended(happens):
        status = Status.SUSPENDED
        cites.append(s("s 57"))
    b.obligation(
        kind,
        key=obligation_key(kind, change, began),
        trigger=e.at,
        due=d.due,
        citations=cites,
        explanation=text.strip(),
        manner=manner,
        status=status,
        opens=happens if happens > began else None,
        change=change,
        happens=happens.isoformat(),
    )


def _returning(ctx: ActContext, e: Event, began: date, change: str, entry: date | None) -> None:
    """s 55: a change while outside the ACT, reported once he has been back 7 days."""
    b = ctx.builder
    kind, words, manner, detail = _meta(change)
    key = obligation_key(kind, change, began)
    if ctx.case.person.protected:
        b.step(
            f"The {words} change happened while he was outside the ACT; he is a protected "
            "registrable offender, so s 55 does not apply",
            s("s 58 (2)"),
        )
        return
    n = ctx.params.integer("presence_days")
    day7 = None if entry is None else ctx.stay_day(entry, n)
    child = change in CHILD_KINDS
    base_cite = s("s 55 (2) (a)") if child else s("s 55 (2) (b)")
    manner_cite = s("s 55 (3) (a)") if Manner.IN_PERSON in manner else s("s 55 (3) (b)")
    if day7 is None:
        b.obligation(
            kind,
            key=key,
            trigger=e.at,
            due=None,
            citations=[base_cite, manner_cite, *detail],
            explanation=(
                f"Change of personal details ({words}) while outside the ACT: report it once he "
                f"has been back in the ACT for {n} consecutive days (not yet)"
            ),
            manner=manner,
            status=Status.UPCOMING,
            change=change,
        )
        return
    if child:
        d = ctx.hours_after_day(day7, ctx.params.integer("child_change_hours"), base=[base_cite])
    else:
        d = ctx.after_days(day7, ctx.params.integer("change_report_days"), base=[base_cite])
    b.obligation(
        kind,
        key=key,
        trigger=e.at,
        due=d.due,
        citations=[*d.citations, manner_cite, *detail],
        explanation=(
            f"Change of personal details ({words}) while outside the ACT: he has been back in the "
            f"ACT for {n} consecutive days on {fmt(day7)}; report it by {_by(d)}. {d.sentence()}"
        ).strip(),
        manner=manner,
        status=Status.SUSPENDED if ctx.suspended(day7) else None,
        change=change,
    )


def leaving_custody(ctx: ActContext) -> None:
    """s 56: after 7 or more consecutive days in government custody, report within 7 days."""
    b = ctx.builder
    n = ctx.params.integer("custody_report_threshold_days")
    for sp in ctx.spells:
        if sp.end is None or sp.end > ctx.as_of or not ctx.in_period(sp.end):
            continue
        # Custody that ends when the period begins is reported under s 23 (1) (b), not s 56.
        if ctx.period_start is not None and sp.end <= ctx.period_start:
            continue
        if ctx.initial_spell is not None and sp.start <= ctx.initial_spell.start < (sp.end):
            continue
        if (sp.end - sp.start).days < n:
            continue
        d = ctx.after_days(
            sp.end, ctx.params.integer("initial_report_days"), base=[s("s 56 (2) (a)")]
        )
        leaves = leaves_within(ctx, sp.end, d.day)
        cites = [s("s 56 (1)"), *d.citations]
        text = (
            f"He was in government custody for {(sp.end - sp.start).days} consecutive days "
            f"({fmt(sp.start)} to {fmt(sp.end)}): report in person within 7 days after leaving "
            f"custody, by {fmt(d.day)}. " + d.sentence()
        )
        due = d.day
        if leaves is not None and leaves < d.day:
            due = leaves
            cites.append(s("s 56 (2) (b)"))
            text = (
                f"He left government custody on {fmt(sp.end)} after {(sp.end - sp.start).days} "
                f"days and leaves the ACT on {fmt(leaves)}, within the 7 days: report in person "
                "before leaving the ACT"
            )
        status = None
        if ctx.suspended(sp.end):
            status = Status.SUSPENDED
            cites.append(s("s 57"))
        b.obligation(
            "leaving_custody_report",
            key=obligation_key("leaving_custody_report", sp.end),
            trigger=sp.end,
            due=due,
            citations=cites,
            explanation=text.strip(),
            manner=(Manner.IN_PERSON,),
            status=status,
        )
