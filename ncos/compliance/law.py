"""What the Acts say about HOW reports are made and acknowledged, as data with its sections.

The law engine (`ncos.law`) says WHAT must be reported and by when (each obligation carries its
`manner`). This module holds the procedural rules the compliance pages enforce when a report is
received: which manners an obligation or a kind of report allows, when the acknowledgement is due,
and the identity-check rules. ACT: Crimes (Child Sex Offenders) Act 2005 pt 3.4 (ss 63–82); NSW:
Child Protection (Offenders Registration) Act 2000 pt 3 div 4 (ss 12–12I). The six other
jurisdictions follow the national model as the ACT Act states it, and say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ncos.compliance.choices import Manner, ReportKind

ACT_ACT = "Crimes (Child Sex Offenders) Act 2005 (ACT)"
NSW_ACT = "Child Protection (Offenders Registration) Act 2000 (NSW)"
NATIONAL_MODEL = ("NT", "QLD", "SA", "TAS", "VIC", "WA")

# The engine's manner vocabulary (ncos.law.answer.Manner) -> the manners of making a report it
# admits. "approved_way" is ACT s 63: in person, or another way prescribed by regulation (the
# ACT notice of reporting obligations lists telephone, email and writing);
# "in_person_or_other" is NSW s 12A (2): in person or any other way the regulations or the
# Commissioner permit.
ENGINE_MANNERS: dict[str, frozenset[str]] = {
    "in_person": frozenset({Manner.IN_PERSON}),
    "approved_way": frozenset({Manner.IN_PERSON, Manner.PHONE, Manner.EMAIL, Manner.WRITING}),
    "in_person_or_other": frozenset({Manner.IN_PERSON, Manner.PHONE, Manner.EMAIL, Manner.WRITING}),
    "in_writing": frozenset({Manner.WRITING, Manner.EMAIL}),
}
ALL_MANNERS = frozenset(Manner.values)


def manners_for_obligation(engine_manner: Iterable[str]) -> frozenset[str]:
    """The manners of report that meet an obligation whose engine `manner` list is given; an
    obligation without a manner admits any (the engine states none)."""
    allowed: set[str] = set()
    listed = list(engine_manner or [])
    for word in listed:
        allowed |= ENGINE_MANNERS.get(word, frozenset())
    return frozenset(allowed) if listed else ALL_MANNERS


@dataclass(frozen=True)
class KindRule:
    """Report kinds the Act requires to be made in person, for one jurisdiction."""

    in_person: frozenset[str]
    citation: str


# ACT: s 23 (initial report "in person ... at an approved reporting place"), s 37 (annual: "attend
# ... an approved reporting place"), s 42 (2) (travel details "in person"), s 24 and s 56
# (entering the ACT, leaving custody: personal details in person, as the notice of reporting
# obligations says). A return is reported "in an approved way" (s 47 (2) (a)).
_ACT_IN_PERSON = frozenset(
    {
        ReportKind.INITIAL,
        ReportKind.ANNUAL,
        ReportKind.LEAVING_CUSTODY,
        ReportKind.ENTERING,
        ReportKind.TRAVEL,
    }
)
KIND_RULES: dict[str, KindRule] = {
    "ACT": KindRule(
        _ACT_IN_PERSON,
        "ACT s 23, s 24, s 37, s 42 (2), s 56: initial, annual, entering-the-ACT, leaving-custody "
        "and travel reports are made in person at an approved reporting place",
    ),
    "NSW": KindRule(
        frozenset({ReportKind.INITIAL, ReportKind.ANNUAL}),
        "NSW s 12A (1) (a), (b) (initial and annual reports are made in person)",
    ),
}
for _code in NATIONAL_MODEL:
    KIND_RULES[_code] = KindRule(
        _ACT_IN_PERSON, "national model assumption (as ACT s 63 and its notice of obligations)"
    )


def manners_for_kind(jurisdiction: str, kind: str) -> frozenset[str]:
    rule = KIND_RULES.get(jurisdiction)
    if rule is not None and kind in rule.in_person:
        return frozenset({Manner.IN_PERSON})
    return ALL_MANNERS


def kind_citation(jurisdiction: str) -> str:
    rule = KIND_RULES.get(jurisdiction)
    return rule.citation if rule else ""


# --- acknowledgement (receipt) ---------------------------------------------------------------


@dataclass(frozen=True)
class AckRule:
    days: int
    statutory: bool
    text: str


ACK_RULES: dict[str, AckRule] = {
    "ACT": AckRule(
        14,
        True,
        "ACT s 81 (1): as soon as practicable, but no later than 14 days after the day the "
        "police officer receives the report",
    ),
    "NSW": AckRule(
        14,
        False,
        "NSW s 12C (1): as soon as is practicable after receiving the report (ncos flags it "
        "after 14 days, the ACT's outer limit, as a working target)",
    ),
}
for _code in NATIONAL_MODEL:
    ACK_RULES[_code] = AckRule(
        14, False, "national model assumption: within 14 days, as ACT s 81 (1)"
    )


def ack_due(jurisdiction: str, received_on: date) -> date:
    """The last day for the acknowledgement: "no later than 14 days after the day the police
    officer receives the report" (ACT s 81 (1)) — the day received plus 14."""
    return received_on + timedelta(days=ACK_RULES.get(jurisdiction, ACK_RULES["ACT"]).days)


def ack_rule(jurisdiction: str) -> AckRule:
    return ACK_RULES.get(jurisdiction, ACK_RULES["ACT"])


# --- sections cited by the report form -------------------------------------------------------

SECTIONS: dict[str, dict[str, str]] = {
    "ACT": {
        "officer": "s 68",
        "interpreter": "s 69",
        "identity": "s 70, s 71, s 72",
        "privacy": "s 73",
        "support": "s 74",
        "fingerprints": "ss 75–77",
        "photograph": "ss 78–80",
        "representative": "ss 65, 66",
        "receipt": "s 81",
        "place": "s 64",
    },
    "NSW": {
        "officer": "s 12A (3)",
        "interpreter": "s 12B (2), (3)",
        "identity": "s 12D",
        "privacy": "s 12B (1) (a)",
        "support": "s 12B (1) (b)",
        "fingerprints": "s 12E, s 12G",
        "photograph": "s 12F, s 12G",
        "representative": "s 12A (4), (5)",
        "receipt": "s 12C",
        "place": "s 12",
    },
}


def sections(jurisdiction: str) -> dict[str, str]:
    """Section references for the report form (the national model cites the ACT Act)."""
    if jurisdiction in SECTIONS:
        return SECTIONS[jurisdiction]
    return {k: f"ACT {v} (national model)" for k, v in SECTIONS["ACT"].items()}


def act_for(jurisdiction: str) -> str:
    if jurisdiction == "NSW":
        return NSW_ACT
    if jurisdiction == "ACT":
        return ACT_ACT
    return f"{ACT_ACT}, as the national model"


def fingerprints_barred(jurisdiction: str, age: int) -> bool:
    """ACT s 75 (4): "This section does not apply to a young person who is under 16 years old."
    (The national model follows it; NSW s 12E has no such bar.)"""
    return jurisdiction != "NSW" and age < 16


YOUNG_PERSON_AGE = 18  # ACT dictionary: "young person means a person who is not yet an adult."
