"""What every national-model answer shares: its citations and its stated assumptions.

The model's rules are stated by the Crimes (Child Sex Offenders) Act 2005 (ACT), which follows the
ANCOR model legislation; it is not the law of the jurisdiction applied, so it is cited with its
title (``"Crimes (Child Sex Offenders) Act 2005 (ACT) s 84"``), always together with
``"national model assumption"``.
"""

from __future__ import annotations

from ncos.law.explain import NATIONAL_MODEL_ASSUMPTION, Citation, Instrument
from ncos.law.params import Parameters, ParamValue, load

MODEL = Instrument(
    "Crimes (Child Sex Offenders) Act 2005 (ACT), as the national model",
    "Crimes (Child Sex Offenders) Act 2005 (ACT)",
)
NSW_MODEL = Instrument(
    "Child Protection (Offenders Registration) Act 2000 (NSW), as the national model",
    "Child Protection (Offenders Registration) Act 2000 (NSW)",
)
NORO = "ACT notice of reporting obligations, interstate travel table"

NAMES = {
    "ACT": "the Australian Capital Territory",
    "NSW": "New South Wales",
    "NT": "the Northern Territory",
    "QLD": "Queensland",
    "SA": "South Australia",
    "TAS": "Tasmania",
    "VIC": "Victoria",
    "WA": "Western Australia",
}


def params() -> Parameters:
    return load("national")


def cite_param(value: ParamValue) -> Citation:
    """The citation of a parameter's source (its `section` is the full label)."""
    return Citation("national model parameters", value.section, value.section)


def model(*provisions: str) -> tuple[Citation, ...]:
    """ACT model provisions plus the national-model assumption."""
    return (*(MODEL(p) for p in provisions), NATIONAL_MODEL_ASSUMPTION)


def catalogue_citation(jurisdiction: str, section: str) -> Citation:
    """A section string from a catalogue step, cited as a provision of the ACT or NSW Act
    (``"sch 1 pt 1.1 item 3"`` → ``"Crimes (Child Sex Offenders) Act 2005 (ACT) sch 1 pt 1.1
    item 3"``); sections that already name their Act are kept."""
    if section.startswith(("s ", "sch ", "Sch ")):
        return (MODEL if jurisdiction == "ACT" else NSW_MODEL)(section)
    return Citation(section, section, section)


def assumptions(code: str) -> tuple[str, ...]:
    name = NAMES[code]
    return (
        f"This answer follows the national model (the ANCOR model legislation that the ACT and "
        f"NSW Acts follow), not yet {name}'s own Act; the provisions cited are those of the "
        f"Crimes (Child Sex Offenders) Act 2005 (ACT) that state the model rule.",
        "Offence classes are those of the model's schedules as the ACT Act lists them (schedule 1 "
        "class 1, schedule 2 class 2); an offence against another law is classed by the offence "
        "it corresponds to, or by the class the registrar records under the jurisdiction's own "
        "schedules.",
        f"Interstate contact thresholds and deadlines are those of the interstate travel table in "
        f"the ACT notice of reporting obligations, not {name}'s own Act.",
    )
