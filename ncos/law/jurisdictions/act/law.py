"""The ACT: Crimes (Child Sex Offenders) Act 2005 (ACT), chapters 2 and 3.

`ActLaw.assess` applies the Act's parts in the order the Act builds on them: who is a registrable
offender (ch 2), the reporting period (pt 3.5) and its suspension (pt 3.6), then each reporting
obligation (pts 3.2 and 3.3), and finally the chief police officer's duty to give notice of a
changed reporting period (s 107).
"""

from __future__ import annotations

from ncos.law.answer import Answer, AnswerBuilder
from ncos.law.facts import Case
from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.jurisdictions.act.presence import build_absences
from ncos.law.jurisdictions.act.s007_013_registrable import Registrability, assess_registrable
from ncos.law.jurisdictions.act.s009_single_offence import apply_single_offence_exceptions
from ncos.law.jurisdictions.act.s022_036_initial_report import initial_reports
from ncos.law.jurisdictions.act.s037_041_annual_report import annual_reports
from ncos.law.jurisdictions.act.s042_053_travel import travel, travel_changes
from ncos.law.jurisdictions.act.s054_058_changes import changes, leaving_custody
from ncos.law.jurisdictions.act.s083_094_reporting_period import PeriodResult, assess_period
from ncos.law.jurisdictions.act.s095_102_suspension import assess_suspension
from ncos.law.jurisdictions.act.s103_107_notices import period_change_notice


def _grounds(ctx: ActContext, reg: Registrability) -> bool:
    b = ctx.builder
    grounds = reg.grounds
    sentenced = [f for f in grounds if f.order is None]
    ordered = [f for f in grounds if f.order is not None]
    if sentenced:
        b.step(
            f"He is a registrable offender: he was sentenced for a registrable offence "
            f"({', '.join(f.ref for f in sentenced)})",
            s("s 8 (1) (a)"),
            s("s 10 (1)"),
        )
    if ordered:
        b.step(
            "He is a registrable offender: he is the subject of a child sex offender registration "
            "order",
            s("s 8 (1) (b)"),
        )
    if reg.corresponding:
        b.step(
            "He is a registrable offender: he is a prescribed corresponding offender",
            s("s 8 (1) (c)"),
        )
    if grounds or reg.corresponding:
        return True
    if reg.findings:
        b.step(
            "None of his findings of guilt makes him a registrable offender on its own, so he is "
            "not a registrable offender",
            s("s 8 (3)"),
            s("s 9"),
        )
    else:
        b.step(
            "He has not been sentenced for a class 1 or class 2 offence, is not the subject of a "
            "child sex offender registration order and is not a prescribed corresponding "
            "offender: he is not a registrable offender",
            s("s 8 (1)"),
            s("s 10 (1)"),
        )
    return False


def _protected(ctx: ActContext) -> None:
    if ctx.case.person.protected:
        ctx.builder.step(
            "He is a protected registrable offender. The exceptions for protected offenders in "
            "ss 27, 32, 41, 51 and 58 (1) are missing from the text this engine holds, so they are "
            "not applied: check them in the authorised text before relying on an obligation below",
            s("s 110"),
        )


class ActLaw:
    """The ACT's law (see module docstring)."""

    code = "ACT"

    def assess(self, case: Case) -> Answer:
        b = AnswerBuilder(case)
        ctx = ActContext(case, b)
        ctx.absences = build_absences(ctx)
        reg = assess_registrable(ctx)
        apply_single_offence_exceptions(ctx, reg)
        if not _grounds(ctx, reg):
            return b.build(registrable=False)
        result = assess_period(ctx, reg)
        self._record_period(ctx, result)
        _protected(ctx)
        cessations = assess_suspension(ctx, reg, result)
        initial_reports(ctx, reg, result, cessations)
        annual_reports(ctx)
        travel(ctx)
        travel_changes(ctx)
        changes(ctx)
        leaving_custody(ctx)
        period_change_notice(ctx, result)
        if result.provisional:
            b.extra["reporting_period_end_provisional"] = True
        return b.build(registrable=True, period=result.period, start=result.start, end=result.end)

    @staticmethod
    def _record_period(ctx: ActContext, result: PeriodResult) -> None:
        ctx.period_start = result.start
        ctx.period_end = result.end
        ctx.life = result.period is not None and result.period.life
        ctx.initial_spell = result.initial_spell
        ctx.coverage = result.coverage
        if result.start is not None and result.end is not None and result.end < ctx.as_of:
            ctx.builder.step(
                f"His reporting period ended on {fmt(result.end)}: he has no reporting "
                "obligations after that day",
                s("s 19"),
            )
