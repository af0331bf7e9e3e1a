"""Initial reports and contact on entering the ACT: divisions 3.2.1–3.2.3, ss 22–36.

> (1) A registrable offender who is sentenced in the ACT for a registrable offence must report
> the offender’s personal details, in person, to the chief police officer at an approved
> reporting place—

> This division, other than section 30, does not apply to a registrable offender during any
> period when the offender’s reporting obligations are suspended under section 97 (Supreme Court
> may make suspension order).

The republished text lost s 23 (1) (c) and s 23 (2); they are read from the parallel s 22 (2) (b)
("if the offender leaves the ACT (other than in government custody) within the 7 days—before
leaving the ACT") and s 25 (3) (the section does not apply if the reporting period has ended
before the end of the period within which the report must be given) (interpretation ACT-12). The
exceptions in ss 26, 27 and 32 are lost; s 26 is read like s 31 (suspension), and ss 27 and 32
(protected offenders) are not applied: the answer says so (interpretation ACT-13).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ncos.law.answer import Manner, Status
from ncos.law.explain import Citation
from ncos.law.jurisdictions.act.common import ActContext, Deadline, fmt, s
from ncos.law.jurisdictions.act.presence import leaves_within
from ncos.law.jurisdictions.act.s007_013_registrable import Finding, Registrability
from ncos.law.jurisdictions.act.s083_094_reporting_period import PeriodResult
from ncos.law.jurisdictions.act.s095_102_suspension import Cessation
from ncos.law.rules import obligation_key


def reported_before(ctx: ActContext, day: date) -> bool:
    """Whether he reported his personal details to the chief police officer before `day`."""
    return any(
        e.day is not None
        and e.day < day
        and (e.type == "first_report" or e.kind == "initial_report")
        for e in ctx.of("first_report", "report_made")
    )


def _released(ctx: ActContext, day: date) -> date | None | bool:
    """False if not in custody on `day`; else the day he left custody (None: not yet)."""
    spell = ctx.spell_on(day)
    if spell is None:
        return False
    return spell.end


def _deadline(
    ctx: ActContext, trigger: date, base: Sequence[Citation], leave_cite: Citation
) -> Deadline:
    d = ctx.after_days(trigger, ctx.params.integer("initial_report_days"), base=base)
    leaves = leaves_within(ctx, trigger, d.day)
    if leaves is not None and leaves < d.day:
        return Deadline(
            leaves,
            None,
            (*base, leave_cite),
            (
                f"He leaves the ACT on {fmt(leaves)}, within the 7 days, so he must report before "
                "leaving.",
            ),
        )
    return d


def _add(
    ctx: ActContext,
    *,
    kind: str,
    key: str,
    trigger: date | None,
    waiting: str,
    base: Sequence[Citation],
    leave_cite: Citation,
    what: str,
    suspend_cite: Citation,
    manner: Sequence[Manner] = (Manner.IN_PERSON,),
) -> None:
    b = ctx.builder
    if b.has(key):
        return
    if trigger is None:
        b.obligation(
            kind,
            key=key,
            trigger=None,
            due=None,
            citations=base,
            explanation=f"{what}: due within 7 days after {waiting} (not yet)",
            manner=manner,
            status=Status.UPCOMING,
        )
        return
    d = _deadline(ctx, trigger, base, leave_cite)
    if ctx.period_over_before(d.day):
        b.step(
            f"{what}: the reporting period ends before the last day for the report, so it is not "
            "required",
            base[0],
        )
        return
    status = Status.SUSPENDED if ctx.suspended(trigger) else None
    cites = [*d.citations]
    if status is Status.SUSPENDED:
        cites.append(suspend_cite)
    b.obligation(
        kind,
        key=key,
        trigger=trigger,
        due=d.day,
        citations=cites,
        explanation=(
            f"{what}: report within 7 days after {fmt(trigger)}, by {fmt(d.day)}. " + d.sentence()
        ).strip(),
        manner=manner,
        status=status,
    )


def _sentencings(ctx: ActContext, reg: Registrability) -> dict[date, list[Finding]]:
    out: dict[date, list[Finding]] = {}
    for f in reg.findings:
        o = f.offence
        if o is None or f.sentenced is None or not f.ground:
            continue
        if o.jurisdiction_of_conviction not in (None, "ACT"):
            continue
        out.setdefault(f.sentenced, []).append(f)
    return out


def initial_reports(
    ctx: ActContext, reg: Registrability, result: PeriodResult, cessations: Sequence[Cessation]
) -> None:
    start = ctx.commencement
    suspend = s("s 26")
    for day, fs in sorted(_sentencings(ctx, reg).items()):
        refs = ", ".join(f.ref for f in fs)
        released = (
            _released(ctx, day) if day >= start else _released(ctx, start - timedelta(days=1))
        )
        if day < start:
            if released is False:
                continue
            base = [s("s 22 (2) (a)")]
            what = f"Initial report ({refs}): he was in custody when the Act commenced"
            leave = s("s 22 (2) (b)")
        elif ctx.ended_before(day):
            base = [s("s 28 (1)")]
            what = (
                f"New initial report ({refs}): his earlier reporting period had ended when he was "
                "sentenced for a later registrable offence"
            )
            leave = s("s 28 (1)")
        elif released is False:
            base = [s("s 23 (1) (a)")]
            what = f"Initial report after sentencing in the ACT ({refs})"
            leave = s("s 23 (1) (c)")
        else:
            base = [s("s 23 (1) (b)")]
            what = (
                f"Initial report after sentencing in the ACT ({refs}) and leaving full-time "
                "government custody"
            )
            leave = s("s 23 (1) (c)")
        trigger = day if released is False else released
        _add(
            ctx,
            kind="initial_report",
            key=obligation_key("initial_report", day),
            trigger=trigger if isinstance(trigger, date) else None,
            waiting="he leaves government custody",
            base=base,
            leave_cite=leave,
            what=what,
            suspend_cite=suspend,
        )
    _entering(ctx)
    _corresponding(ctx, reg)
    for c in cessations:
        if ctx.outside_act(c.day):
            continue
        released = _released(ctx, c.day)
        trigger = c.day if released is False else released
        _add(
            ctx,
            kind="initial_report",
            key=obligation_key("initial_report", c.day),
            trigger=trigger if isinstance(trigger, date) else None,
            waiting="he leaves government custody",
            base=[s("s 30 (2) (b)") if released is not False else s("s 30 (2) (a)")],
            leave_cite=s("s 30 (2)"),
            what="Report after the suspension order ceased to have effect",
            suspend_cite=s("s 30 (2)"),
        )


def _entering(ctx: ActContext) -> None:
    b = ctx.builder
    protected = ctx.case.person.protected
    n = ctx.params.integer("presence_days")
    for e in ctx.of("entered_jurisdiction"):
        if e.day is None or (e.from_ == "ACT"):
            continue
        if ctx.period_start is None or e.day < ctx.period_start or ctx.period_over_before(e.day):
            continue
        day7 = ctx.stay_day(e.day, n)
        if day7 is None:
            b.step(
                f"He entered the ACT on {fmt(e.day)} but left before he had been in the ACT for "
                f"{n} consecutive days: no report or contact is required for that entry",
                s("s 24 (1) (a)"),
            )
            continue
        released = _released(ctx, day7)
        trigger = day7 if released is False else released
        custody = released is not False
        if not reported_before(ctx, e.day):
            para = "(b)" if custody else "(a)"
            base = [s(f"s 24 (2) {para}")]
            if not protected:
                base.append(s("s 34 (2) (a) (ii)"))
            _add(
                ctx,
                kind="initial_report",
                key=obligation_key("initial_report", e.day),
                trigger=trigger if isinstance(trigger, date) else None,
                waiting="he leaves government custody",
                base=base,
                leave_cite=s("s 24 (2) (c)"),
                what=(
                    f"Initial report: he entered the ACT on {fmt(e.day)}, has been in the ACT for "
                    f"{n} consecutive days on {fmt(day7)} and has not reported to the chief "
                    "police officer before"
                ),
                suspend_cite=s("s 26"),
            )
        elif protected:
            b.step(
                "He is a protected registrable offender: the duty to make contact on entering "
                "the ACT does not apply to him",
                s("s 34 (1)"),
            )
        else:
            para = "(ii)" if custody else "(i)"
            _add(
                ctx,
                kind="entering_jurisdiction_report",
                key=obligation_key("entering_jurisdiction_report", e.day),
                trigger=trigger if isinstance(trigger, date) else None,
                waiting="he leaves government custody",
                base=[s("s 34 (2) (a)"), s(f"s 34 (2) (b) {para}")],
                leave_cite=s("s 34 (2) (b) (iii)"),
                what=(
                    f"Contact on entering the ACT (entered {fmt(e.day)}; in the ACT for {n} "
                    f"consecutive days on {fmt(day7)}): contact a contact person by telephone, "
                    "or report in person"
                ),
                suspend_cite=s("s 36"),
                manner=(Manner.APPROVED_WAY, Manner.IN_PERSON),
            )


def _corresponding(ctx: ActContext, reg: Registrability) -> None:
    for e in reg.corresponding:
        if e.day is None or ctx.outside_act(e.day) or reported_before(ctx, e.day):
            continue
        released = _released(ctx, e.day)
        trigger = e.day if released is False else released
        _add(
            ctx,
            kind="initial_report",
            key=obligation_key("initial_report", e.day),
            trigger=trigger if isinstance(trigger, date) else None,
            waiting="he leaves government custody",
            base=[s("s 29 (2)") if ctx.ended_before(e.day) else s("s 25 (2)")],
            leave_cite=s("s 25 (2)"),
            what=(
                f"Initial report: he became a prescribed corresponding offender on {fmt(e.day)} "
                "while in the ACT and has not reported to the chief police officer before"
            ),
            suspend_cite=s("s 26"),
        )
