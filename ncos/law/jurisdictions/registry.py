"""Jurisdiction code → the law that applies, imported only when first needed.

ACT and NSW have their own Acts encoded; NT, QLD, SA, TAS, VIC and WA follow the national model
until their Acts are encoded (`NationalModelLaw(code)`).
"""

from __future__ import annotations

import importlib
from functools import cache

from ncos.law.jurisdictions.base import Jurisdiction
from ncos.law.time.zones import JURISDICTIONS

NATIONAL_MODEL = ("NT", "QLD", "SA", "TAS", "VIC", "WA")

_TARGETS: dict[str, str] = {
    "ACT": "ncos.law.jurisdictions.act:ActLaw",
    "NSW": "ncos.law.jurisdictions.nsw:NswLaw",
    **dict.fromkeys(NATIONAL_MODEL, "ncos.law.jurisdictions.national_model:NationalModelLaw"),
}


class JurisdictionUnavailableError(RuntimeError):
    """The module implementing a jurisdiction's law is not installed (or failed to import)."""


def target(code: str) -> str:
    """The ``module:Class`` implementing a jurisdiction.

    >>> target("ACT")
    'ncos.law.jurisdictions.act:ActLaw'
    >>> target("WA")
    'ncos.law.jurisdictions.national_model:NationalModelLaw'
    """
    try:
        return _TARGETS[code]
    except KeyError:
        raise ValueError(f"unknown jurisdiction {code!r}") from None


@cache
def get(code: str) -> Jurisdiction:
    """The law of jurisdiction `code` (one shared instance per code)."""
    if code not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {code!r}")
    module_name, _, class_name = target(code).partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = "" if exc.name in (None, module_name) else f" (missing module {exc.name})"
        raise JurisdictionUnavailableError(
            f"the law of {code} ({module_name}) is not available in this build{missing}"
        ) from exc
    try:
        cls = getattr(module, class_name)
    except AttributeError:
        raise JurisdictionUnavailableError(f"{module_name} does not define {class_name}") from None
    law = cls(code) if code in NATIONAL_MODEL else cls()
    if not isinstance(law, Jurisdiction):
        raise JurisdictionUnavailableError(f"{target(code)} does not implement Jurisdiction")
    return law
