"""Who is registrable and for how long, under the national model (ACT ss 8-9, 83-93 state it).

- Registrable (s 8 (1) (a)): sentenced for a class 1 or class 2 offence; not (s 9 (1) (a)) only
  for a non-conviction order, nor (s 9 (1) (b)) only for a single class 2 offence whose sentence
  included neither imprisonment nor supervision, nor where a court exempted the person (s 9 (2),
  (3)); a quashed finding does not count (s 13).
- Same incident (s 90): offences against the same victim committed on the same day are one
  offence (class 1 if any is).
- Length (ss 84-87): one class 1 offence 15 years; one class 2 offence 8 years; two class 2
  offences 15 years; two offences with a class 1, or more than two, life. Young offenders (s 89):
  a young person when committing each offence, 7½ years (4 years for a single class 2 offence).
- Start (s 83): when sentenced for the last registrable offence, or when released if the sentence
  began full-time custody.
- End: the last day of the period; extended by days in government custody during it (s 93) and to
  the end of the term of imprisonment of a parole (s 92).

The model text (ACT s 84, s 90 (1), s 93):

> If the only registrable offence that a registrable offender has ever been found guilty of is a
> single class 1 offence, the offender’s reporting period is 15 years.

> For this part, 2 or more offences arising from the same incident are to be treated as a single
> offence.

> If a registrable offender spends time in government custody, the offender’s reporting period is
> extended by the length of time the offender is in custody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ncos.law.answer import LIFE, AnswerBuilder, Period
from ncos.law.explain import NATIONAL_MODEL_ASSUMPTION, Citation
from ncos.law.facts import Case
from ncos.law.jurisdictions.national.classes import ClassifiedOffence
from ncos.law.jurisdictions.national.common import model, params
from ncos.law.rules import custody_spells
from ncos.law.time import Feb29, OpenSpellError, Spell, age_on, extend_excluding_custody


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    registrable: bool
    offences: tuple[ClassifiedOffence, ...] = ()
    period: Period | None = None
    start: date | None = None
    end: date | None = None
    last_sentenced: ClassifiedOffence | None = None


def _quashed(case: Case) -> set[str]:
    return {e.ref for e in case.events_of("finding_quashed") if e.ref and not e.retrial}


def registrable_offences(
    case: Case, classified: list[ClassifiedOffence], b: AnswerBuilder
) -> list[ClassifiedOffence]:
    quashed = _quashed(case)
    out: list[ClassifiedOffence] = []
    for c in classified:
        o = c.offence
        if c.offence_class == "none":
            continue
        if o.ref in quashed:
            b.step(f"{o.ref}: the finding of guilt was quashed; it does not count.", *model("s 13"))
        elif o.non_conviction_order:
            b.step(
                f"{o.ref}: a non-conviction order was made; it does not make the person "
                "registrable.",
                *model("s 9 (1) (a)"),
            )
        elif o.court_exempted:
            b.step(
                f"{o.ref}: a court decided the person is not to be registered for it.",
                *model("s 9 (2)", "s 9 (3)"),
            )
        elif o.date_sentenced is None:
            b.step(
                f"{o.ref}: no sentence date is given; a person is a registrable offender when "
                "sentenced for a registrable offence.",
                *model("s 8 (1) (a)"),
            )
        else:
            out.append(c)
    return out


def incidents(offences: list[ClassifiedOffence]) -> list[list[ClassifiedOffence]]:
    groups: dict[tuple[str, date], list[ClassifiedOffence]] = {}
    out: list[list[ClassifiedOffence]] = []
    for c in offences:
        o = c.offence
        if o.victim is None or o.date_committed is None:
            out.append([c])
            continue
        key = (o.victim, o.date_committed)
        if key not in groups:
            groups[key] = []
            out.append(groups[key])
        groups[key].append(c)
    return out


def _single_class2_exception(group: list[ClassifiedOffence]) -> str | None:
    """Why a single class 2 offence does not make the person registrable, or None."""
    for c in group:
        o = c.offence
        if o.custodial or o.imprisonment or o.supervision:
            return None
    unknown = any(c.offence.imprisonment is None and c.offence.supervision is None for c in group)
    return (
        "the sentence is not shown to have included imprisonment or supervision"
        if unknown
        else "the sentence included neither imprisonment nor supervision"
    )


def _length(case: Case, groups: list[list[ClassifiedOffence]]) -> tuple[Period, tuple[str, ...]]:
    p = params()
    n1 = sum(1 for g in groups if any(c.offence_class == "class1" for c in g))
    total = len(groups)
    committed = [c.offence.date_committed for g in groups for c in g]
    adult = p.integer("adult_age")
    young = all(d is not None and age_on(case.person.date_of_birth, d) < adult for d in committed)
    if young:
        if total == 1 and n1 == 0:
            v = p.entry("young_single_class2_years")
            return Period(int(v.value)), (v.section,)
        v = p.entry("young_offender_months")
        months = int(v.value)
        return Period(months // 12, months % 12), (v.section,)
    if total > 2:
        return LIFE, ("Crimes (Child Sex Offenders) Act 2005 (ACT) s 87 (2)",)
    if total == 2 and n1 >= 1:
        return LIFE, ("Crimes (Child Sex Offenders) Act 2005 (ACT) s 87 (1)",)
    if total == 2:
        v = p.entry("two_class2_years")
    elif n1 == 1:
        v = p.entry("single_class1_years")
    else:
        v = p.entry("single_class2_years")
    return Period(int(v.value)), (v.section,)


def reporting_period(
    case: Case, classified: list[ClassifiedOffence], b: AnswerBuilder
) -> ReportingPeriod:
    offences = registrable_offences(case, classified, b)
    if not offences:
        b.step(
            "No offence makes the person a registrable offender under the national model.",
            *model("s 8 (1) (a)", "s 10"),
        )
        return ReportingPeriod(False)
    groups = incidents(offences)
    for g in groups:
        if len(g) > 1:
            refs = ", ".join(c.offence.ref for c in g)
            b.step(
                f"{refs} were committed against the same person on the same day: they arise from "
                "the same incident and are one offence for the reporting period.",
                *model("s 90", "dict, def same incident"),
            )
    if len(groups) == 1 and all(c.offence_class == "class2" for c in groups[0]):
        why = _single_class2_exception(groups[0])
        if why is not None:
            b.step(
                f"The only registrable offence is a single class 2 offence and {why}: the person "
                "is not a registrable offender only because of it.",
                *model("s 9 (1) (b)"),
            )
            return ReportingPeriod(False, tuple(offences))
    period, sources = _length(case, groups)
    classes = ", ".join(f"{c.offence.ref} {c.offence_class}" for c in offences)
    b.step(
        f"The person is a registrable offender ({classes}; {len(groups)} offence(s) after "
        f"same-incident offences are joined); the reporting period is {words(period)}.",
        *model("s 8 (1) (a)"),
        *(_cite(s) for s in sources),
    )
    last = max(offences, key=lambda c: c.offence.date_sentenced or date.min)
    o = last.offence
    assert o.date_sentenced is not None  # noqa: S101 - registrable offences are sentenced
    if o.custodial:
        start = o.custody_release_date
        if start is None:
            b.step(
                f"{o.ref}: the sentence began full-time custody and no release date is given; the "
                "reporting period begins when the person leaves custody.",
                *model("s 83 (1) (b)"),
            )
        else:
            b.step(
                f"The reporting period begins on {start.isoformat()}, when the person left the "
                f"full-time custody the sentence for {o.ref} began.",
                *model("s 83 (1) (b)"),
            )
    else:
        start = o.date_sentenced
        b.step(
            f"The reporting period begins on {start.isoformat()}, when the person was sentenced "
            f"for {o.ref}.",
            *model("s 83 (1) (a)"),
        )
    end = _end(case, period, start, sources, b)
    return ReportingPeriod(True, tuple(offences), period, start, end, last)


def _cite(section: str) -> Citation:
    return Citation("national model parameters", section, section)


def words(period: Period) -> str:
    """``15 years``, ``7 years 6 months``, ``the rest of the person's life``."""
    if period.life:
        return "the rest of the person's life"
    text = f"{period.years} years"
    return text + (f" {period.months} months" if period.months else "")


def _end(
    case: Case, period: Period, start: date | None, sources: tuple[str, ...], b: AnswerBuilder
) -> date | None:
    if start is None or period.life:
        return None
    last = period.last_day(start, feb29=Feb29.ROUND_UP)
    assert last is not None  # noqa: S101 - not life
    leap = (
        " (a period beginning on 29 February runs to the day before 1 March)"
        if (start.month, start.day) == (2, 29)
        else ""
    )
    b.step(
        f"A period of {words(period)} beginning on {start.isoformat()} ends on "
        f"{last.isoformat()}{leap}.",
        *(_cite(s) for s in sources),
        NATIONAL_MODEL_ASSUMPTION,
    )
    spells = [s for s in custody_spells(case, sentences=False) if s.end is None or s.end > start]
    if spells:
        try:
            extended = extend_excluding_custody(last, spells, start=start)
        except OpenSpellError:
            b.step(
                "The person is in government custody and the period is extended by the time in "
                "custody: its end is not known until release.",
                *model("s 93"),
            )
            return None
        if extended != last:
            b.step(
                f"The period is extended by the days in government custody during it, to "
                f"{extended.isoformat()}.",
                *model("s 93"),
            )
            last = extended
    for e in case.events_of("parole_start"):
        if e.end is not None and e.end > last:
            b.step(
                f"The person is on parole and the term of imprisonment ends on "
                f"{e.end.isoformat()}, after the period would end: the period is extended to it.",
                *model("s 92"),
            )
            last = e.end
    return last


__all__ = ["ReportingPeriod", "Spell", "incidents", "registrable_offences", "reporting_period"]
