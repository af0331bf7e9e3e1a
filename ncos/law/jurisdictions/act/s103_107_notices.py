"""Notice of a changed reporting period: s 107 (part 3.7).

> (2) The chief police officer must give written notice to the registrable offender as soon as
> practicable after the change, and in no case later than the time the offender next reports
> under this Act.

This is the chief police officer's duty, not the offender's, so it is listed under the added
answer key ``police_actions`` rather than among the offender's obligations. The period is taken to
have changed since he was last told when it was extended (s 92, s 93) after his first report.
"""

from __future__ import annotations

from ncos.law.jurisdictions.act.common import ActContext, s
from ncos.law.jurisdictions.act.s037_041_annual_report import first_reported
from ncos.law.jurisdictions.act.s083_094_reporting_period import PeriodResult


def period_change_notice(ctx: ActContext, result: PeriodResult) -> None:
    extended = any({"s 92 (2)", "s 93"} & set(step.sections) for step in ctx.builder.trace.steps)
    first = first_reported(ctx)
    if not extended or first is None:
        return
    text = (
        "His reporting period has been extended since he was told of it: the chief police "
        "officer must give him written notice of the change as soon as practicable, and no later "
        "than when he next reports"
    )
    ctx.builder.step(text, s("s 107 (1)"), s("s 107 (2)"))
    actions = ctx.builder.extra.setdefault("police_actions", [])
    actions.append(
        {
            "kind": "reporting_period_notice",
            "key": "reporting_period_notice:"
            + (result.end.isoformat() if result.end is not None else "life"),
            "sections": ["s 107 (1)", "s 107 (2)"],
            "explanation": text,
        }
    )
