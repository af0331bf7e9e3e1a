"""The national model: the law applied to NT, QLD, SA, TAS, VIC and WA until their own Acts are
encoded.

The ACT and NSW Acts follow the ANCOR model legislation; this module applies that model as the ACT
Act states it (15 years for a single class 1 offence, 8 for a single class 2, 15 for two class 2,
life for more; 7½ and 4 years for young offenders; initial report within 7 days; annual report;
changes within 7 days, details about children within 24 hours; travel notice 7 days before
leaving), with the interstate contact thresholds of the travel table in the ACT notice of
reporting obligations. Every answer says so in `assumptions` and in its first explanation step,
and every step cites ``"national model assumption"``.

`interstate_contact_rules()` gives, for all eight jurisdictions, the days in a jurisdiction that
trigger contact with its registrar, the deadline and the contact details (a pure function).
"""

from __future__ import annotations

from ncos.law.answer import Answer, AnswerBuilder
from ncos.law.explain import NATIONAL_MODEL_ASSUMPTION
from ncos.law.facts import Case
from ncos.law.jurisdictions.national.classes import classify_offence
from ncos.law.jurisdictions.national.common import NAMES, assumptions
from ncos.law.jurisdictions.national.contact import ContactRule, interstate_contact_rules
from ncos.law.jurisdictions.national.obligations import all_obligations
from ncos.law.jurisdictions.national.s083_094_period import reporting_period

NATIONAL_MODEL_CODES = ("NT", "QLD", "SA", "TAS", "VIC", "WA")

__all__ = ["NATIONAL_MODEL_CODES", "ContactRule", "NationalModelLaw", "interstate_contact_rules"]


class NationalModelLaw:
    """The national model applied to one jurisdiction (`code`)."""

    def __init__(self, code: str) -> None:
        if code not in NATIONAL_MODEL_CODES:
            raise ValueError(f"{code!r} is not a national-model jurisdiction")
        self.code = code

    def assess(self, case: Case) -> Answer:
        if case.jurisdiction != self.code:
            raise ValueError(f"a {case.jurisdiction} case given to the {self.code} law")
        b = AnswerBuilder(case)
        for sentence in assumptions(self.code):
            b.assume(sentence)
        b.step(
            f"{NAMES[self.code][0].upper()}{NAMES[self.code][1:]}'s own Act is not encoded yet: "
            f"this answer follows the national model (the ANCOR model legislation), as the "
            f"Crimes (Child Sex Offenders) Act 2005 (ACT) states it.",
            NATIONAL_MODEL_ASSUMPTION,
        )
        classified = [classify_offence(case, o) for o in case.offences]
        for c in classified:
            b.classify(c.offence.ref, c.offence_class, c.text, *c.citations)
        rp = reporting_period(case, classified, b)
        if not rp.registrable:
            return b.build(registrable=False)
        all_obligations(case, rp, b)
        return b.build(registrable=True, period=rp.period, start=rp.start, end=rp.end)
