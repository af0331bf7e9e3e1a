"""Part 3 Division 2: the initial report (ss 9A, 9B), made in person (s 12A (1) (a)).

> A registrable person (other than a corresponding registrable person) who enters government
> custody in New South Wales before, on or after the commencement of this section as a
> consequence of having being sentenced for a registrable offence and who ceases to be in
> government custody while in New South Wales

> Within 5 days after the registrable person ceases to be in government custody

> Any other registrable person who is sentenced for a registrable offence in New South Wales

> Within 5 days after the registrable person is sentenced for the registrable offence

> A registrable person who enters New South Wales from a foreign jurisdiction and who has not
> previously been required under this Act to give the Commissioner of Police a personal
> information report about the person

> Within 5 days after entering and remaining in New South Wales for 14 or more consecutive days,
> not counting any days spent in government custody

> Despite subsection (1), a registrable person must give the Commissioner of Police a personal
> information report about the person before leaving New South Wales unless the person entered
> New South Wales from a foreign jurisdiction and remained in New South Wales for less than 14
> consecutive days, not counting any days spent in government custody.

> If a registrable person’s reporting period expires but the person is then sentenced for a
> registrable offence, the person must give the Commissioner of Police a personal information
> report about the person— (a) within 7 days after the person is sentenced for the registrable
> offence, or (b) if the registrable person is in government custody, within 7 days after the
> person ceases to be in government custody, whichever is the later.

Every sentence for a registrable offence in NSW gives an initial report (s 9A (1), second row),
including a new one during the period; s 9B (1) displaces it (7 days) when the earlier period had
expired. "Before leaving New South Wales" makes the departure day the last day (NSW-I1).
"""

from __future__ import annotations

from datetime import date

from ncos.law.answer import Status
from ncos.law.explain import Citation
from ncos.law.jurisdictions.nsw.common import IA_36_1, Deadline, NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import Finding
from ncos.law.jurisdictions.nsw.s013_013a_protected import IN_PERSON, oblige
from ncos.law.jurisdictions.nsw.s014_014c_reporting_period import ReportingPeriod
from ncos.law.rules import obligation_key

_IN_PERSON_CITE = s("s 12A (1) (a)")


def _before_leaving(
    ctx: NswContext, trigger: date, d: Deadline, cite: Citation
) -> tuple[date, list[Citation], list[str]]:
    leave = ctx.departure_after(trigger)
    if leave is not None and leave < d.day:
        return (
            leave,
            [cite],
            [
                f"He leaves New South Wales on {fmt(leave)}, so the report must be given before he "
                "leaves: that day is the last day."
            ],
        )
    return d.day, [], []


def _nsw_reports(ctx: NswContext, grounds: list[Finding], rp: ReportingPeriod) -> None:
    days = ctx.params.integer("initial_report_days")
    by_trigger: dict[date, list[Finding]] = {}
    pending: list[Finding] = []
    for f in grounds:
        if f.foreign:
            continue
        begin = f.obligations_begin
        if begin is None:
            if f.sentenced is not None:
                pending.append(f)
            continue
        by_trigger.setdefault(begin, []).append(f)
    for f in pending:
        assert f.sentenced is not None  # noqa: S101 - pending findings were sentenced
        oblige(
            ctx,
            "initial_report",
            key=obligation_key("initial_report", f.sentenced),
            trigger=None,
            due=None,
            citations=(s("s 9A (1)"), _IN_PERSON_CITE),
            explanation=(
                f"Initial report for {f.ref}: within {days} days after he ceases to be in "
                f"government custody under the sentence of {fmt(f.sentenced)}, in person; no "
                "release date is recorded yet."
            ),
            manner=IN_PERSON,
            status=Status.UPCOMING,
        )
    for trigger, group in sorted(by_trigger.items()):
        refs = ", ".join(f.ref for f in group)
        custody = any(f.custodial and f.released == trigger for f in group)
        renewed = rp.renewed and trigger == rp.start
        if renewed:
            n = ctx.params.integer("new_initial_report_days")
            base = s("s 9B (1) (b)") if custody else s("s 9B (1) (a)")
            what = (
                f"His earlier reporting period had expired when he was sentenced for {refs}: a "
                f"new personal information report is due within {n} days after "
                + ("he ceases to be in government custody" if custody else "he is sentenced")
            )
        else:
            n = ctx.params.integer("initial_report_days")
            base = s("s 9A (1)")
            what = f"Initial report for {refs}: within {n} days after " + (
                "he ceases to be in government custody" if custody else "he is sentenced"
            )
        d = ctx.after_days(trigger, n, base=(base, _IN_PERSON_CITE))
        due, cites, notes = _before_leaving(
            ctx, trigger, d, s("s 9B (5)") if renewed else s("s 9A (2)")
        )
        explanation = (
            f"{what} ({fmt(trigger)}), in person: by {fmt(due)}. " + " ".join([*d.notes, *notes])
        ).strip()
        # Keyed by the sentence, which is known before the release is, so the key does not
        # change when the release date is recorded.
        sentenced = min((f.sentenced for f in group if f.sentenced is not None), default=trigger)
        oblige(
            ctx,
            "initial_report",
            key=obligation_key("initial_report", sentenced),
            trigger=trigger,
            due=due,
            citations=(*d.citations, *cites),
            explanation=explanation,
            manner=IN_PERSON,
        )


def _entry_report(
    ctx: NswContext, grounds: list[Finding], rp: ReportingPeriod, corresponding: bool
) -> None:
    """s 9A (1), third row: a registrable person from a foreign jurisdiction entering NSW."""
    if any(not f.foreign for f in grounds) or not (grounds or corresponding):
        return
    n = ctx.params.integer("initial_report_days")
    stay = ctx.params.integer("presence_days")
    for e in ctx.of("entered_jurisdiction"):
        if e.day is None or (rp.start is not None and e.day < rp.start):
            continue
        entry = e.day
        day14 = ctx.presence_day(entry, stay)
        if day14 is None:
            ctx.builder.step(
                f"He entered New South Wales on {fmt(entry)} and left before remaining "
                f"{stay} consecutive days, so no initial report was required for that visit",
                s("s 9A (1)"),
                s("s 9A (2)"),
            )
            continue
        d = ctx.after_days(day14, n, base=(s("s 9A (1)"), IA_36_1, _IN_PERSON_CITE))
        due, cites, notes = _before_leaving(ctx, day14, d, s("s 9A (2)"))
        oblige(
            ctx,
            "initial_report",
            key=obligation_key("initial_report", entry),
            trigger=entry,
            opens=day14,
            due=due,
            citations=(*d.citations, *cites),
            explanation=(
                f"He entered New South Wales from a foreign jurisdiction on {fmt(entry)}; "
                f"counting from the next day and not counting days in government custody, he "
                f"has remained {stay} consecutive days on {fmt(day14)}. Initial report within "
                f"{n} days after that, in person: by {fmt(due)}. " + " ".join([*d.notes, *notes])
            ).strip(),
            manner=IN_PERSON,
        )
        return


def _after_suspension(ctx: NswContext) -> None:
    """s 9B (3): a personal information report after a s 16 order ceases to have effect."""
    n = ctx.params.integer("new_initial_report_days")
    for start, stop in ctx.suspension_orders:
        if stop is None or stop > ctx.as_of:
            continue
        spell = ctx.spell_on(stop)
        if spell is not None and spell.end is not None:
            trigger_day, para = spell.end, "s 9B (3) (b)"
        elif spell is not None:
            ctx.builder.step(
                f"The suspension order ceased on {fmt(stop)} while he was in government custody: "
                f"a personal information report is due within {n} days after he is released",
                s("s 9B (3) (b)"),
            )
            continue
        else:
            trigger_day, para = stop, "s 9B (3) (a)"
        d = ctx.after_days(trigger_day, n, base=(s(para), _IN_PERSON_CITE))
        oblige(
            ctx,
            "initial_report",
            key=obligation_key("initial_report", stop),
            trigger=stop,
            due=d.day,
            citations=d.citations,
            explanation=(
                f"The order suspending his obligations (made {fmt(start)}) ceased to have effect "
                f"on {fmt(stop)}: a personal information report is due within {n} days after "
                + ("that" if trigger_day == stop else f"his release on {fmt(trigger_day)}")
                + f", in person: by {fmt(d.day)}. "
                + d.sentence()
            ).strip(),
            manner=IN_PERSON,
        )


def initial_reports(
    ctx: NswContext, grounds: list[Finding], rp: ReportingPeriod, *, corresponding: bool = False
) -> None:
    _nsw_reports(ctx, grounds, rp)
    _entry_report(ctx, grounds, rp, corresponding)
    _after_suspension(ctx)
