"""Part 3 Division 6: the reporting period — when it begins (s 14), how long it is (s 14AA, and
s 3I for a period an order must specify; s 14A and s 14B otherwise), and parole (s 14C).

> For the purposes of this Act, a registrable person’s reporting obligations in respect of a
> registrable offence begin— (a) when the person is sentenced for the offence, or (b) when the
> person ceases to be in government custody in relation to the offence, whichever is the later.

> If a relevant order made in relation to a registrable person specifies a reporting period, the
> registrable person must continue to comply with the reporting obligations imposed under this
> Act for the specified reporting period.

> The reporting period for a registrable person subject to a registrable person order or child
> protection registration order is— (a) 8 years, if the person has only ever been found guilty of
> a single Class 2 offence, or (b) 15 years, if the person— (i) has only ever been found guilty of
> a single Class 1 offence, or (ii) has ever been found guilty of more than a single registrable
> offence, but is not covered by paragraph (c), or (c) the remainder of the person’s life, if the
> person is a registrable person in relation to— (i) a Class 1 offence and the person subsequently
> commits and is found guilty of another registrable offence, or (ii) a Class 2 offence and the
> person subsequently commits and is found guilty of a Class 1 offence, or (iii) a Class 2 offence
> and the person subsequently commits and is found guilty of another Class 2 offence and has ever
> been found guilty of 3 or more Class 2 offences.

> If the registrable person was a child when each registrable offence was committed, the
> reporting period for the registrable person order or child protection registration order is—
> (a) half the period that would otherwise apply under subsection (1)(a) or (b), or (b) 7 and a
> half years, if subsection (1)(c) would otherwise apply.

> Subsection (1)(c) or (2)(b) does not apply if the registrable person was not given notice of the
> person’s reporting obligations under this Act or a corresponding Act before the person committed
> the subsequent offence.

> Subsection (1) (c) does not apply if the registrable person was not given notice of the person’s
> reporting obligations under this Act or a corresponding Act before the person committed the
> subsequent offence.

> Instead, a reporting period that is half the reporting period that would otherwise apply to the
> person under section 14A (or seven and a half years in the case of a reporting period for life)
> applies to the person.

> Despite anything to the contrary in this Division, the reporting period is extended until the
> expiry of the term of imprisonment to which the parole or existing licence relates.

Readings (docs/law/interpretations.md, NSW): "subsequently commits" means commits after becoming
a registrable person in relation to the earlier offence — the day of sentence (or of the order)
— and notice is presumed given that day unless the offence's `notice_given` says otherwise
(NSW-P1, NSW-P2). A period of years "dating from" the day obligations begin is reckoned exclusive
of that day (Interpretation Act 1987 (NSW) s 36 (1)), so it ends at the end of the corresponding
day; a corresponding day the month lacks gives the month's last day (NSW-T1). With several
registering offences the period runs from the latest day on which obligations begin (NSW-P3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ncos.law.answer import LIFE, Period
from ncos.law.explain import Citation
from ncos.law.jurisdictions.nsw.common import IA_36_1, NswContext, fmt, period_words, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import Finding, Incident, same_incident
from ncos.law.jurisdictions.nsw.s003c_003h_orders import Order
from ncos.law.time import Feb29, add_years_months

FEB29 = Feb29.ROUND_DOWN
"""A period ending on a day its month lacks ends on the month's last day (NSW-T1)."""


@dataclass
class Length:
    period: Period
    citations: tuple[Citation, ...]
    text: str
    life_rule: str | None = None
    young: bool = False


@dataclass
class ReportingPeriod:
    period: Period | None
    start: date | None
    base_end: date | None
    """The last day before any extension (None for life or an unknown start)."""
    via_orders: bool
    renewed: bool = False
    """The previous period had expired before the latest sentence (s 9B (1); s 10 (4) (b))."""

    @property
    def life(self) -> bool:
        return self.period is not None and self.period.life


def _life(
    ctx: NswContext, incidents: Sequence[Incident], orders: bool, *, explain: bool
) -> str | None:
    """Which of s 3I (1) (c) (i)–(iii) (or s 14A (1) (c)) applies, if any."""
    n_class2 = sum(1 for i in incidents if i.offence_class == "class2")
    threshold = ctx.params.integer("life_class2_count")
    para = "s 3I" if orders else "s 14A"
    notice = "s 3I (4)" if orders else "s 14A (2)"
    found: str | None = None
    for a in incidents:
        registered = a.registered_on
        if not a.ground or registered is None:
            continue
        notified = a.notified or registered
        for b in incidents:
            committed = b.committed
            if b is a or committed is None or committed <= registered:
                continue
            if a.offence_class == "class1":
                rule = "(i)"
            elif b.offence_class == "class1":
                rule = "(ii)"
            elif n_class2 >= threshold:
                rule = "(iii)"
            else:
                continue
            if committed <= notified:
                if explain:
                    ctx.builder.step(
                        f"{', '.join(b.refs)} was committed on {fmt(committed)}, after he "
                        f"became a registrable person for {', '.join(a.refs)} but before he was "
                        f"given notice of his reporting obligations ({fmt(notified)}), so it "
                        "cannot make his period life-long",
                        s(notice),
                    )
                continue
            if found is None and explain:
                ctx.builder.step(
                    f"He is a registrable person in relation to {', '.join(a.refs)} (a "
                    f"{'Class 1' if a.offence_class == 'class1' else 'Class 2'} offence, "
                    f"registered {fmt(registered)}) and subsequently committed "
                    f"{', '.join(b.refs)} on {fmt(committed)}, after notice of his reporting "
                    "obligations"
                    + (
                        f", and he has been found guilty of {n_class2} Class 2 offences"
                        if rule == "(iii)"
                        else ""
                    ),
                    s(f"{para} (1) (c) {rule}"),
                )
            found = found or rule
    return found


def length(
    ctx: NswContext, findings: Sequence[Finding], *, orders: bool, explain: bool = True
) -> Length:
    """The length of the reporting period from every finding of guilt counted."""
    incidents = same_incident(ctx, findings) if explain else _quiet_incidents(ctx, findings)
    if explain and len(incidents) < len(findings) and not orders:
        ctx.builder.step(
            "For the reporting period, offences arising from the same incident are treated as a "
            "single offence (a single Class 1 offence if any of them is Class 1)",
            s("s 14A (4)"),
        )
    para = "s 3I" if orders else "s 14A"
    rule = _life(ctx, incidents, orders, explain=explain)
    young = bool(findings) and all(f.child is True for f in findings)
    n = len(incidents)
    if rule is not None:
        full, cite, text = LIFE, s(f"{para} (1) (c) {rule}"), "the remainder of his life"
    elif n == 1 and incidents[0].offence_class == "class2":
        full = Period.parse(ctx.params.value("period_single_class2"))
        cite = s(f"{para} (1) (a)")
        text = "he has only ever been found guilty of a single Class 2 offence"
    elif n == 1:
        full = Period.parse(ctx.params.value("period_single_class1"))
        cite = s(f"{para} (1) (b) (i)")
        text = "he has only ever been found guilty of a single Class 1 offence"
    else:
        full = Period.parse(ctx.params.value("period_multiple"))
        cite = s(f"{para} (1) (b) (ii)")
        text = f"he has been found guilty of more than a single registrable offence ({n})"
    if not young:
        return Length(full, (cite,), text, rule, False)
    if full.life:
        half = Period.parse(ctx.params.value("period_young_life"))
        ycite = s("s 3I (2) (b)") if orders else s("s 14B (2)")
    else:
        months = full.years * 12 + full.months
        half = Period(months // 2 // 12, months // 2 % 12)
        ycite = s("s 3I (2) (a)") if orders else s("s 14B (2)")
    return Length(
        half,
        (cite, ycite),
        f"{text}; he was a child when he committed each registrable offence, so the period is "
        f"{period_words(half) if full.life else 'half of ' + period_words(full)}",
        rule,
        True,
    )


def _quiet_incidents(ctx: NswContext, findings: Sequence[Finding]) -> list[Incident]:
    """`same_incident` without recording explanation steps (for a what-was-it computation)."""
    from ncos.law.answer import AnswerBuilder
    from ncos.law.explain import Trace

    real = ctx.builder
    ctx.builder = AnswerBuilder(ctx.case, trace=Trace())
    try:
        return same_incident(ctx, findings)
    finally:
        ctx.builder = real


def obligations_begin(grounds: Sequence[Finding]) -> tuple[date | None, Finding | None]:
    """s 14: the latest day on which obligations begin for a registering finding, and the finding
    (None if he is still in custody under the latest sentence)."""
    latest: Finding | None = None
    for f in grounds:
        key = f.registered_on or date.min
        if latest is None or key > (latest.registered_on or date.min):
            latest = f
    if latest is None:
        return None, None
    if latest.obligations_begin is None:
        return None, latest
    days = [f.obligations_begin for f in grounds if f.obligations_begin is not None]
    return max(days), latest


def last_day(start: date, period: Period) -> date | None:
    """The last day of a period of years and months beginning when obligations begin on `start`.

    >>> last_day(date(2025, 1, 10), Period(15))
    datetime.date(2040, 1, 10)
    >>> last_day(date(2024, 2, 29), Period(15)), last_day(date(2024, 8, 30), Period(7, 6))
    (datetime.date(2039, 2, 28), datetime.date(2032, 2, 29))
    """
    if period.life:
        return None
    return add_years_months(start, period.years, period.months, feb29=FEB29)


def reporting_period(
    ctx: NswContext, findings: Sequence[Finding], orders_: Sequence[Order] = ()
) -> ReportingPeriod:
    """The period, its start and its end before extensions, with the steps that decide them."""
    b = ctx.builder
    grounds = [f for f in findings if f.ground]
    orders = any(f.via_order for f in grounds)
    ln = length(ctx, findings, orders=orders)
    period = ln.period
    cites: list[Citation] = list(ln.citations)
    latest_order = max(
        (f for f in grounds if f.via_order),
        key=lambda f: f.registered_on or date.min,
        default=None,
    )
    if latest_order is not None and latest_order.order_period is not None:
        period = Period.parse(latest_order.order_period)
        b.step(
            f"The most recent order specifies a reporting period of {period_words(period)}; he "
            "must comply for the specified period",
            s("s 14AA (1)"),
            s("s 14AA (2)"),
        )
    else:
        intro = (
            "The reporting period his order must specify is"
            if orders
            else "No order specifies his reporting period, so the Act fixes it at"
        )
        b.step(
            f"{intro} {period_words(period)}: {ln.text}",
            *cites,
            *((s("s 14AA (1)"),) if orders else ()),
        )
    start, latest = obligations_begin(grounds)
    if start is None and latest is not None:
        b.step(
            f"He is still in government custody under the sentence for {latest.ref}; his "
            "reporting obligations begin when he ceases to be in custody, so the period has not "
            "begun",
            s("s 14 (b)"),
        )
        return ReportingPeriod(period, None, None, orders)
    if start is None:
        return ReportingPeriod(period, None, None, orders)
    assert latest is not None  # noqa: S101 - a start implies a registering finding
    para = "s 14 (b)" if latest.custodial and latest.released == start else "s 14 (a)"
    what = (
        "he ceased to be in government custody"
        if para == "s 14 (b)"
        else ("the order was made" if latest.order is not None else "he was sentenced")
    )
    b.step(
        f"His reporting obligations began on {fmt(start)}, when {what} (the later of sentence "
        "and release from custody)",
        s(para),
    )
    end = last_day(start, period)
    if end is not None:
        b.step(
            f"A period of {period_words(period)} dating from {fmt(start)} is reckoned from the "
            f"next day, so it ends at the end of {fmt(end)}"
            + (
                " (the corresponding day does not exist, so the last day of that month)"
                if end.day != start.day
                else ""
            ),
            IA_36_1,
        )
    if end is not None:
        end = _bail_order_reduction(ctx, orders_, end)
    renewed = _renewed(ctx, findings, latest)
    return ReportingPeriod(period, start, end, orders, renewed)


def _bail_order_reduction(ctx: NswContext, orders_: Sequence[Order], end: date) -> date:
    """s 3G (8): time he complied only because of a s 3G order that ceased on his sentence."""
    for order in orders_:
        if order.section != "s 3G" or order.ceased_on is None or order.day is None:
            continue
        days = (order.ceased_on - order.day).days
        if days <= 0:
            continue
        end = end - timedelta(days=days)
        ctx.builder.step(
            f"The s 3G order made on bail on {fmt(order.day)} ceased when he was sentenced on "
            f"{fmt(order.ceased_on)} and he continues to be a registrable person: the period is "
            f"reduced by the {days} days he complied solely because of that order, to "
            f"{fmt(end)}",
            s("s 3G (8)"),
        )
    return end


def _renewed(ctx: NswContext, findings: Sequence[Finding], latest: Finding) -> bool:
    """Whether the period for earlier registering findings expired before the latest sentence
    (computed without the late-report extension of s 15 (4))."""
    from ncos.law.jurisdictions.nsw.s015_016b_suspension_extension import extend_quietly

    sentenced = latest.registered_on
    found = latest.found_guilty or sentenced
    if sentenced is None or found is None:
        return False
    # The period as it stood before the new finding of guilt: findings made before it.
    earlier = [f for f in findings if f.found_guilty is not None and f.found_guilty < found]
    earlier_grounds = [f for f in earlier if f.ground and (f.registered_on or date.max) < found]
    if not earlier_grounds:
        return False
    orders = any(f.via_order for f in earlier_grounds)
    ln = length(ctx, earlier, orders=orders, explain=False)
    start, _ = obligations_begin(earlier_grounds)
    if start is None or ln.period.life:
        return False
    end = last_day(start, ln.period)
    assert end is not None  # noqa: S101 - not life
    end = extend_quietly(ctx, start, end)
    return end < sentenced


def parole_extension(ctx: NswContext, end: date) -> date:
    """s 14C: extend to the expiry of the term of imprisonment if he is on parole then."""
    expiries: list[date] = []
    for e in ctx.of("parole_start"):
        if e.end is not None and (e.day is None or e.day <= end):
            expiries.append(e.end)
    for e in ctx.of("parole_end"):
        if e.day is not None:
            expiries.append(e.day)
    later = [x for x in expiries if x > end]
    if not later:
        return end
    expiry = max(later)
    ctx.builder.step(
        f"He is on parole for a registrable offence and the term of imprisonment expires on "
        f"{fmt(expiry)}, after the period would end ({fmt(end)}): the period is extended until "
        "the term expires",
        s("s 14C (1)"),
        s("s 14C (2)"),
    )
    return expiry
