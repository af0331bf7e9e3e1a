"""Packaged parameter files: every value cites its section; dated selection works."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.law.params import load, parse


def test_act_parameters_load_and_cite() -> None:
    p = load("ACT")
    assert p.jurisdiction == "ACT"
    assert p.value("commencement") == date(2005, 12, 29)
    for name, values in p.values.items():
        for v in values:
            assert v.section, name
    assert p.integer("initial_report_days") == 7
    assert p.entry("period_young").section == "s 89 (1)"


def test_dated_values() -> None:
    p = parse(
        {
            "jurisdiction": "X",
            "instrument": "X Act",
            "parameters": {
                "days": {
                    "values": [
                        {"value": 5, "section": "s 1", "to": "2020-12-31"},
                        {"value": 7, "section": "s 1", "from": "2021-01-01", "amended_by": "A1"},
                    ]
                }
            },
        }
    )
    assert p.integer("days", date(2020, 6, 1)) == 5
    assert p.integer("days", date(2021, 6, 1)) == 7
    assert p.entry("days").amended_by == "A1"
    with pytest.raises(KeyError):
        p.value("weeks")


def test_values_need_a_section() -> None:
    with pytest.raises(ValueError, match="section"):
        parse({"parameters": {"d": {"values": [{"value": 1}]}}})
