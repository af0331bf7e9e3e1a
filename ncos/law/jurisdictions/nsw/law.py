"""The NSW law: Child Protection (Offenders Registration) Act 2000 (NSW), as amended by the Child
Protection (Offenders Registration) Amendment Act 2024.

The order of the rules:

1. Who is a registrable person (Part 2, Part 2A, Part 2B; Sch 2 cl 33) — every offence
   classified (s 2D), findings quashed dropped (s 2B (2A)), orders applied.
2. The reporting period (Part 2A Division 3 and Part 3 Division 6): length, start, base end.
3. Suspension orders (s 16, s 16A), then the obligations (Part 3 Divisions 2–3, as modified by
   Division 5 and suspended under s 15 (1)), and the extensions of s 15 (2)–(5) and s 14C.

The extension for late personal information reports depends on when reports were made, and the
annual reports owed depend on when the period ends, so steps 3 run on scratch builders until the
period's end no longer changes; the final pass records the steps the answer shows.
"""

from __future__ import annotations

from datetime import date

from ncos.law.answer import Answer, AnswerBuilder
from ncos.law.contract import CaseError
from ncos.law.explain import Trace
from ncos.law.facts import Case
from ncos.law.jurisdictions.nsw.common import NswContext
from ncos.law.jurisdictions.nsw.s003a_003b_registrable import Registrability, assess_registrable
from ncos.law.jurisdictions.nsw.s003l_003n_corresponding import arrivals, corresponding_period
from ncos.law.jurisdictions.nsw.s009a_009c_initial_report import initial_reports
from ncos.law.jurisdictions.nsw.s010_annual_report import annual_reports
from ncos.law.jurisdictions.nsw.s010a_011_011f_changes import changes, leaving_custody
from ncos.law.jurisdictions.nsw.s011a_011d_travel import travel
from ncos.law.jurisdictions.nsw.s014_014c_reporting_period import (
    ReportingPeriod,
    parole_extension,
    reporting_period,
)
from ncos.law.jurisdictions.nsw.s015_016b_suspension_extension import (
    absences_in_period,
    extended_end,
    late_days,
    suspension_orders,
)

_MAX_PASSES = 8


def _obligations(ctx: NswContext, reg: Registrability, rp: ReportingPeriod) -> None:
    initial_reports(ctx, reg.grounds, rp, corresponding=bool(reg.corresponding))
    arrivals(ctx, reg.findings, bool(reg.corresponding))
    if rp.start is None:
        return
    annual_reports(ctx, rp)
    changes(ctx)
    leaving_custody(ctx)
    travel(ctx)


def _end(
    ctx: NswContext,
    rp: ReportingPeriod,
    late: int,
    *,
    explain: bool,
    late_notes: list[str] | None = None,
) -> date | None:
    if rp.start is None or rp.base_end is None:
        return None
    end = extended_end(ctx, rp.start, rp.base_end, late, explain=explain, notes=late_notes or [])
    if explain:
        end = parole_extension(ctx, end)
    return end


class NswLaw:
    code = "NSW"

    def assess(self, case: Case) -> Answer:
        try:
            return self._assess(case)
        except (OverflowError, ValueError) as exc:
            # Adding 15 years to a day in 9995, or counting back from 0001-01-01, leaves the
            # calendar `datetime.date` can hold: the case cannot be computed, say so.
            if "out of range" not in str(exc):
                raise
            raise CaseError(
                "a date in this case is too close to the limits of the calendar (years 1 to "
                "9999) for its reporting period and obligations to be computed",
                "",
            ) from exc

    def _assess(self, case: Case) -> Answer:
        builder = AnswerBuilder(case)
        ctx = NswContext(case, builder)
        reg = assess_registrable(ctx)
        if not reg.registrable:
            return builder.build(registrable=False)
        rp: ReportingPeriod | None = (
            reporting_period(ctx, reg.findings, reg.orders) if reg.grounds else None
        )
        if reg.corresponding:
            rp = corresponding_period(ctx, reg.corresponding, rp)
        assert rp is not None  # noqa: S101 - registrable means grounds or corresponding
        ctx.period_start, ctx.life = rp.start, rp.life
        suspension_orders(ctx, reg.findings)
        late = 0
        notes: list[str] = []
        ctx.period_end = _end(ctx, rp, late, explain=False)
        for _ in range(_MAX_PASSES):
            ctx.builder = AnswerBuilder(case, trace=Trace())
            _obligations(ctx, reg, rp)
            scratch = ctx.builder.build(registrable=True)
            ctx.met_keys = frozenset(o.key for o in scratch.obligations if o.met_on is not None)
            late, notes = late_days(ctx, scratch.obligations)
            end = _end(ctx, rp, late, explain=False)
            if end == ctx.period_end:
                break
            ctx.period_end = end
        ctx.builder = builder
        ctx.period_end = _end(ctx, rp, late, explain=True, late_notes=notes)
        absences_in_period(ctx)
        _obligations(ctx, reg, rp)
        return builder.build(registrable=True, period=rp.period, start=rp.start, end=ctx.period_end)
