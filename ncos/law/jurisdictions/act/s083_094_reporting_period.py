"""The reporting period: part 3.5, ss 83–94.

> If the only registrable offence that a registrable offender has ever been found guilty of is a
> single class 1 offence, the offender’s reporting period is 15 years.

> If a registrable offender spends time in government custody, the offender’s reporting period is
> extended by the length of time the offender is in custody.

Length (ss 84–89, 91) counts every finding of guilt, ever (s 88), with offences from the same
incident as one (s 90). One reporting period runs, from the start (s 83) for the most recently
sentenced offence (interpretation ACT-7). Its last day is the day before the same date N years
later; a period starting on 29 February ends on 28 February (interpretation ACT-8). It is then
extended by days in government custody during it (s 93) and, on parole, to the end of the term
(s 92).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ncos.law.answer import LIFE, Period
from ncos.law.contract import read_date
from ncos.law.explain import Citation
from ncos.law.facts import Event
from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.jurisdictions.act.s007_013_registrable import Finding, Registrability
from ncos.law.jurisdictions.act.same_incident import Unit, group
from ncos.law.time import Feb29, Spell, extend_excluding_custody

# A period of years that starts on 29 February ends on the day before 1 March of the last year:
# the anniversary of 29 February in a common year is taken as 1 March, so the period is never
# shorter than the years it names (interpretation ACT-8).
PERIOD_FEB29 = Feb29.ROUND_UP


@dataclass
class PeriodResult:
    period: Period | None = None
    start: date | None = None
    end: date | None = None
    provisional: bool = False
    units: list[Unit] = field(default_factory=list)
    initial_spell: Spell | None = None
    latest: Finding | None = None
    coverage: list[tuple[date, date | None]] = field(default_factory=list)
    """Every period that ran: one from each sentencing, its length counting the findings up to
    then (the last is the current period, with its extensions). Obligations arise only on days
    a period covers."""


def _length(
    ctx: ActContext, findings: list[Finding], units: list[Unit], *, quiet: bool = False
) -> tuple[Period, str, Citation]:
    p = ctx.params
    n = len(units)
    class1 = sum(1 for u in units if u.offence_class == "class1")
    if findings and all(f.young is True for f in findings):
        if n == 1 and class1 == 0:
            e = p.entry("period_young_single_class2")
            return (
                Period.parse(e.value),
                (
                    "He was a young person when he committed his only registrable offence, a "
                    "single class 2 offence: the reporting period is 4 years"
                ),
                s(e.section),
            )
        e = p.entry("period_young")
        return (
            Period.parse(e.value),
            (
                "He was a young person when he committed each registrable offence: the reporting "
                "period is 7½ years, whatever the number or class of the offences"
            ),
            s(e.section),
        )
    unknown = [f.ref for f in findings if f.young is None and f.offence is not None]
    if unknown and all(f.young is not False for f in findings) and not quiet:
        ctx.builder.step(
            f"The date the offence was committed is not given for {', '.join(unknown)}, so it is "
            "not established that every offence was committed as a young person",
            s("s 89 (1)"),
        )
    if n == 1:
        e = p.entry("period_single_class1" if class1 else "period_single_class2")
        what = "class 1" if class1 else "class 2"
        return (
            Period.parse(e.value),
            (
                f"The only registrable offence he has ever been found guilty of is a single {what} "
                f"offence: the reporting period is {Period.parse(e.value).years} years"
            ),
            s(e.section),
        )
    if n == 2 and class1 == 0:
        e = p.entry("period_two_class2")
        return (
            Period.parse(e.value),
            (
                "The only registrable offences he has ever been found guilty of are 2 class 2 "
                "offences: the reporting period is 15 years"
            ),
            s(e.section),
        )
    if n == 2:
        return (
            LIFE,
            (
                "He has been found guilty of 2 registrable offences and at least 1 is a class 1 "
                "offence: the reporting period is the rest of his life"
            ),
            s("s 87 (1)"),
        )
    return (
        LIFE,
        (
            f"He has been found guilty of more than 2 registrable offences ({n}): the reporting "
            "period is the rest of his life"
        ),
        s("s 87 (2)"),
    )


def _start_of(ctx: ActContext, f: Finding) -> tuple[date | None, Spell | None, str]:
    """s 83 (1): the later of sentencing and, if in full-time custody on that day, leaving it."""
    if f.sentenced is None:
        return None, None, f"{f.ref} has not been sentenced (no date given)"
    spell = ctx.spell_on(f.sentenced)
    if f.custodial or spell is not None:
        if spell is None:
            spell = Spell(f.sentenced, f.offence.custody_release_date if f.offence else None)
        if spell.end is None:
            return (
                None,
                spell,
                (
                    f"{f.ref}: he was in full-time government custody on the day he was sentenced "
                    f"({fmt(f.sentenced)}) and has not left it"
                ),
            )
        return (
            spell.end,
            spell,
            (
                f"{f.ref}: he was in full-time government custody on the day he was sentenced "
                f"({fmt(f.sentenced)}); the period begins when he stopped being in it, "
                f"{fmt(spell.end)}"
            ),
        )
    return (
        f.sentenced,
        None,
        f"{f.ref}: the period begins when he was sentenced, {fmt(f.sentenced)}",
    )


@dataclass(frozen=True, slots=True)
class _Foreign:
    last: date | None  # None: life
    period: Period
    start: date
    became: date


def _months_between(start: date, after_end: date) -> Period:
    months = (after_end.year - start.year) * 12 + after_end.month - start.month
    if after_end.day < start.day:
        months -= 1
    return Period(months // 12, months % 12)


def _foreign(ctx: ActContext, e: Event) -> _Foreign | None:
    became = e.day or ctx.as_of
    period = Period.parse(e.period) if e.period else None
    raw_start = e.extra.get("start")
    start = read_date(raw_start, f"{e.path}.start") if raw_start is not None else became
    if period is not None and period.life:
        return _Foreign(None, LIFE, start, became)
    if e.end is not None:
        return _Foreign(
            e.end, period or _months_between(start, e.end + timedelta(days=1)), start, became
        )
    if period is not None:
        return _Foreign(period.last_day(start, feb29=PERIOD_FEB29), period, start, became)
    ctx.builder.step(
        f"The corresponding law's reporting period is not given ({e.path}): the end of his "
        "reporting period cannot be worked out",
        s("s 94 (1)"),
    )
    return None


def _corresponding(ctx: ActContext, reg: Registrability, result: PeriodResult) -> None:
    """s 94: a prescribed corresponding offender's period is the foreign one (the longest)."""
    best: _Foreign | None = None
    for e in reg.corresponding:
        cand = _foreign(ctx, e)
        if cand is None:
            continue
        if best is None or (best.last is not None and (cand.last is None or cand.last > best.last)):
            best = cand
    if best is None:
        return
    many = len(reg.corresponding) > 1
    ctx.builder.step(
        f"He became a prescribed corresponding offender on {fmt(best.became)}; his reporting "
        "period is the period he would have to report under the corresponding law"
        + (" (the longest of them)" if many else "")
        + ": "
        + ("the rest of his life" if best.last is None else f"{best.period}, to {fmt(best.last)}"),
        s("s 8 (1) (c)"),
        s("s 11 (1) (a)"),
        s("s 94 (1)"),
        *([s("s 94 (2)")] if many else []),
    )
    if result.period is None:
        result.period, result.start, result.end = best.period, best.start, best.last
    elif best.last is None:
        result.period, result.end = LIFE, None
    elif not result.period.life and (result.end is None or best.last > result.end):
        ctx.builder.step(
            "The corresponding law's period ends later than the period worked out under this "
            "part, so it is the reporting period",
            s("s 94 (1)"),
        )
        result.period, result.end = best.period, best.last


def assess_period(ctx: ActContext, reg: Registrability) -> PeriodResult:
    b = ctx.builder
    result = PeriodResult()
    findings = reg.findings
    if findings:
        pre = [
            f.ref
            for f in findings
            if f.committed and f.committed < ctx.params.value("commencement")
        ]
        if pre:
            b.step(
                f"Offences committed before the Act commenced count for the length of the "
                f"period ({', '.join(pre)})",
                s("s 88"),
            )
        result.units = group(ctx, findings)
        period, text, cite = _length(ctx, findings, result.units)
        b.step(text, cite)
        result.period = period
        starts: list[tuple[date | None, Finding, Spell | None, str]] = []
        for f in findings:
            start, spell, why = _start_of(ctx, f)
            starts.append((start, f, spell, why))
        latest = max(starts, key=lambda t: (t[0] is None, t[0] or date.min))
        start, f, spell, why = latest
        result.latest, result.initial_spell = f, spell
        cites = [s("s 83 (1) (b)") if spell is not None else s("s 83 (1) (a)")]
        if len(starts) > 1:
            why += " (the most recent sentence governs)"
        b.step(why, *cites)
        result.start = start
        base = None if start is None else period.last_day(start, feb29=PERIOD_FEB29)
        if start is not None and base is not None:
            result.end = base
            b.step(f"{period} from {fmt(start)}: the last day is {fmt(base)}", cite)
    if reg.corresponding:
        _corresponding(ctx, reg, result)
    if result.end is not None and result.start is not None:
        result.end = _extend(ctx, result, reg, result.start, result.end)
    result.coverage = _coverage(ctx, reg, result)
    return result


def _coverage(
    ctx: ActContext, reg: Registrability, result: PeriodResult
) -> list[tuple[date, date | None]]:
    out: list[tuple[date, date | None]] = []
    dated = [(start, f) for f in reg.findings if (start := _start_of(ctx, f)[0]) is not None]
    for start in sorted({d for d, _ in dated}):
        if result.start is not None and start >= result.start:
            break
        prefix = [f for d, f in dated if d <= start]
        period = _length(ctx, prefix, group(ctx, prefix, explain=False), quiet=True)[0]
        out.append((start, period.last_day(start, feb29=PERIOD_FEB29)))
    if result.start is not None:
        out.append((result.start, None if result.period and result.period.life else result.end))
    return out


def _extend(
    ctx: ActContext, result: PeriodResult, reg: Registrability, start: date, end: date
) -> date:
    b = ctx.builder
    extended = extend_excluding_custody(end, ctx.counted_spells, start=start)
    if extended != end:
        days = (extended - end).days
        b.step(
            f"He spent {days} day(s) in government custody during the reporting period, so it is "
            f"extended by that time, to {fmt(extended)}",
            s("s 93"),
        )
        if ctx.in_custody_now:
            result.provisional = True
            b.step(
                "He is in government custody on the day asked about: each further day in "
                "custody extends the period by a day",
                s("s 93"),
            )
        end = extended
    for e in ctx.of("parole_start"):
        if e.end is None:
            continue
        if e.ref is not None and all(f.ref != e.ref for f in reg.findings):
            continue
        ended = next((x for x in ctx.of("parole_end") if x.day and e.day and x.day >= e.day), None)
        if ended is not None and ended.day is not None and ended.day < e.end:
            continue
        if end < e.end:
            b.step(
                f"He is on parole for a registrable offence and the reporting period would end "
                f"({fmt(end)}) before the term of imprisonment ends ({fmt(e.end)}): it is "
                "extended until the end of the term",
                s("s 92 (1)"),
                s("s 92 (2)"),
            )
            end = e.end
    return end
