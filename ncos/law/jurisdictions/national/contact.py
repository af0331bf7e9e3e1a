"""Interstate contact: how long in a jurisdiction makes a registrable offender contact its
registrar, and by when (the "Interstate Travel" table of the ACT notice of reporting obligations,
`params/national.yaml`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ncos.law.jurisdictions.national.common import params

CODES = ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")


@dataclass(frozen=True, slots=True)
class ContactRule:
    """One row of the interstate travel table.

    >>> from ncos.law.jurisdictions.national.contact import interstate_contact_rules
    >>> vic = interstate_contact_rules()["VIC"]
    >>> vic.threshold_days, vic.deadline_days, vic.contact
    (14, 21, '1800 235 733')
    >>> interstate_contact_rules()["TAS"].threshold_days is None
    True
    """

    jurisdiction: str
    name: str
    threshold_days: int | None
    """Days spent in the jurisdiction that trigger contact ("7 days or more"); None for "Any
    Period"."""
    deadline_days: int
    """Contact is due "within N days of arrival"."""
    contact: str
    """The registrar's contact details as the table gives them."""
    source: str
    """The table row relied on (cite it)."""

    @property
    def threshold_text(self) -> str:
        if self.threshold_days is None:
            return "any period"
        return f"{self.threshold_days} days or more"


def _rule(code: str) -> ContactRule:
    entry = params().entry(f"contact_{code}")
    raw = entry.value
    if not isinstance(raw, Mapping):
        raise TypeError(f"contact_{code} must be a mapping")
    threshold = raw.get("threshold_days")
    deadline = raw.get("deadline_days")
    if threshold is not None and not isinstance(threshold, int):
        raise TypeError(f"contact_{code}.threshold_days must be a whole number or null")
    if not isinstance(deadline, int):
        raise TypeError(f"contact_{code}.deadline_days must be a whole number")
    return ContactRule(
        jurisdiction=code,
        name=str(raw["name"]),
        threshold_days=threshold,
        deadline_days=deadline,
        contact=str(raw["contact"]),
        source=entry.section,
    )


def interstate_contact_rules() -> dict[str, ContactRule]:
    """Jurisdiction code → its contact rule, for all eight jurisdictions (a pure function of the
    packaged parameters; a new dict each call)."""
    return {code: _rule(code) for code in CODES}
