"""Offence catalogues as data: the ACT and NSW schedules of class 1 and class 2 offences.

    from ncos.law.catalogue import rows, find, classify, ScheduleRow, OffenceFacts, Classification

* `rows(jurisdiction)` — every row of the ACT Crimes (Child Sex Offenders) Act 2005 sch 1 and 2, or
  of the NSW Child Protection (Offenders Registration) Act 2000 Sch 1A and 1B.
* `section_rows("NSW")` — the Class 1 and Class 2 offences NSW s 2D adds beyond its schedules.
* `find(jurisdiction, act, provision)` — the rows an offence's Act and provision match, leniently.
* `classify(jurisdiction, act, provision, facts)` — the offence's class with its explanation.
* `offence_facts(offence, person)` — `OffenceFacts` from the engine's parsed `Offence`.

The data is in `data/act/*.yaml` and `data/nsw/*.yaml`, loaded and validated by `loader`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from ncos.law.catalogue.classify import classify
from ncos.law.catalogue.index import JURISDICTIONS, find, rows, section_rows
from ncos.law.catalogue.loader import CatalogueError
from ncos.law.catalogue.model import (
    FACTS,
    Classification,
    Inchoate,
    OffenceClass,
    OffenceFacts,
    Restoration,
    RowClass,
    ScheduleRow,
    Step,
)
from ncos.law.catalogue.normalise import parse_act, parse_provision
from ncos.law.facts import Offence, Person

__all__ = [
    "FACTS",
    "JURISDICTIONS",
    "CatalogueError",
    "Classification",
    "OffenceClass",
    "OffenceFacts",
    "Restoration",
    "RowClass",
    "ScheduleRow",
    "Step",
    "classify",
    "classify_offence",
    "find",
    "offence_facts",
    "parse_act",
    "parse_provision",
    "rows",
    "section_rows",
]

_INCHOATE = ("attempt", "conspiracy", "incitement")


def _opt_str(extra: Mapping[str, Any], key: str) -> str | None:
    value = extra.get(key)
    return value if isinstance(value, str) and value.strip() else None


def offence_facts(offence: Offence, person: Person) -> OffenceFacts:
    """The facts of a parsed offence that its circumstances may depend on.

    Besides the contract's fields (`date_committed`, `victim_date_of_birth`, `victim_age`, the
    person's `date_of_birth`, `jurisdiction_of_conviction`), an offence may carry these added
    fields (read from its unparsed extras; a value of the wrong type is ignored):
    ``circumstances`` (``{"sexual_intercourse": true, ...}``, names from `FACTS`),
    ``underlying_act`` / ``underlying_provision`` (the offence attempted, intended or
    aggravated), ``inchoate`` (``attempt``, ``conspiracy``, ``incitement``),
    ``equivalent_act`` / ``equivalent_provision`` (for a foreign offence: the offence it would
    have been in the jurisdiction).
    """
    extra = offence.extra
    raw = extra.get("circumstances")
    flags: dict[str, bool] = {}
    if isinstance(raw, Mapping):
        flags = {k: v for k, v in raw.items() if k in FACTS and isinstance(v, bool)}
    inchoate = _opt_str(extra, "inchoate")
    return OffenceFacts(
        offender_age=None,
        victim_age=offence.victim_age,
        date_committed=offence.date_committed,
        offender_date_of_birth=person.date_of_birth,
        victim_date_of_birth=offence.victim_date_of_birth,
        facts=flags,
        underlying_act=_opt_str(extra, "underlying_act"),
        underlying_provision=_opt_str(extra, "underlying_provision"),
        inchoate=cast(Inchoate, inchoate) if inchoate in _INCHOATE else None,
        jurisdiction_of_conviction=offence.jurisdiction_of_conviction,
        equivalent_act=_opt_str(extra, "equivalent_act"),
        equivalent_provision=_opt_str(extra, "equivalent_provision"),
    )


def classify_offence(jurisdiction: str, offence: Offence, person: Person) -> Classification:
    """`classify` a parsed offence of a case (its Act, provision and `offence_facts`)."""
    return classify(jurisdiction, offence.act, offence.provision, offence_facts(offence, person))
