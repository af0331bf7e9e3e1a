"""Jurisdiction dispatch."""

from __future__ import annotations

import pytest

from ncos.law.jurisdictions import registry
from ncos.law.jurisdictions.base import Jurisdiction


def test_targets() -> None:
    assert registry.target("ACT") == "ncos.law.jurisdictions.act:ActLaw"
    assert registry.target("NSW") == "ncos.law.jurisdictions.nsw:NswLaw"
    for code in ("NT", "QLD", "SA", "TAS", "VIC", "WA"):
        assert registry.target(code) == "ncos.law.jurisdictions.national_model:NationalModelLaw"


def test_act_is_a_jurisdiction() -> None:
    law = registry.get("ACT")
    assert isinstance(law, Jurisdiction)
    assert law.code == "ACT"


def test_missing_module_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry._TARGETS, "TAS", "ncos.law.jurisdictions.no_such_module:Law")
    registry.get.cache_clear()
    try:
        with pytest.raises(registry.JurisdictionUnavailableError, match="not available"):
            registry.get("TAS")
    finally:
        registry.get.cache_clear()


def test_unknown_code() -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        registry.get("NZ")
