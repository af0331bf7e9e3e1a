"""Dated parameters per jurisdiction (OpenFisca style): day counts, hour limits, thresholds.

Each jurisdiction has ``params/<code lower>.yaml``::

    jurisdiction: ACT
    instrument: Crimes (Child Sex Offenders) Act 2005 (ACT)
    parameters:
      initial_report_days:
        description: days after sentence / leaving custody to make the initial report
        values:
          - {value: 7, section: "s 23 (1)", from: null, to: null, amended_by: null}

A value applies on a day if ``from`` <= day <= ``to`` (null: open). The rule asks for the value on
the legally relevant day and cites the value's `section`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class ParamValue:
    name: str
    value: Any
    section: str
    in_force_from: date | None = None
    in_force_to: date | None = None
    amended_by: str | None = None

    def applies_on(self, day: date | None) -> bool:
        if day is None:
            return self.in_force_to is None
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )


@dataclass(frozen=True, slots=True)
class Parameters:
    jurisdiction: str
    instrument: str
    values: dict[str, tuple[ParamValue, ...]]

    def entry(self, name: str, on: date | None = None) -> ParamValue:
        """The value of `name` in force on `on` (None: the current value)."""
        try:
            candidates = self.values[name]
        except KeyError:
            raise KeyError(f"{self.jurisdiction} has no parameter {name!r}") from None
        for v in candidates:
            if v.applies_on(on):
                return v
        raise LookupError(f"{self.jurisdiction} parameter {name!r} has no value on {on}")

    def value(self, name: str, on: date | None = None) -> Any:
        return self.entry(name, on).value

    def integer(self, name: str, on: date | None = None) -> int:
        v = self.value(name, on)
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"parameter {name!r} is not a whole number")
        return v


def _date(v: object, where: str) -> date | None:
    if v is None:
        return None
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        return date.fromisoformat(v)
    raise ValueError(f"{where}: not a date: {v!r}")


def parse(data: Any) -> Parameters:
    """Build `Parameters` from a loaded YAML document (validating it)."""
    if not isinstance(data, dict):
        raise ValueError("a parameter file must be a mapping")
    out: dict[str, tuple[ParamValue, ...]] = {}
    for name, spec in (data.get("parameters") or {}).items():
        entries = []
        for i, raw in enumerate(spec.get("values") or []):
            where = f"{name}.values[{i}]"
            if "section" not in raw or "value" not in raw:
                raise ValueError(f"{where}: every value needs `value` and `section`")
            entries.append(
                ParamValue(
                    name=str(name),
                    value=raw["value"],
                    section=str(raw["section"]),
                    in_force_from=_date(raw.get("from"), where),
                    in_force_to=_date(raw.get("to"), where),
                    amended_by=raw.get("amended_by"),
                )
            )
        if not entries:
            raise ValueError(f"{name}: no values")
        out[str(name)] = tuple(entries)
    return Parameters(str(data.get("jurisdiction")), str(data.get("instrument")), out)


@cache
def load(jurisdiction: str) -> Parameters:
    """The packaged parameters of a jurisdiction (``params/<code>.yaml``)."""
    name = f"{jurisdiction.lower()}.yaml"
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))
