"""The scenario comparison helpers (so a passing scenario means what it says)."""

from __future__ import annotations

from ncos.law.testing import answer_mismatches, obligation_mismatches

OBS = [
    {"kind": "annual_report", "key": "annual_report:2026", "due": "2026-10-31", "status": "met"},
    {
        "kind": "annual_report",
        "key": "annual_report:2027",
        "due": "2027-10-31",
        "status": "upcoming",
    },
    {"kind": "initial_report", "key": "i", "due": "2025-01-17", "status": "met"},
]


def test_match_by_nth_key_and_due() -> None:
    assert (
        obligation_mismatches([{"kind": "annual_report", "nth": 2, "status": "upcoming"}], OBS)
        == []
    )
    assert (
        obligation_mismatches(
            [{"kind": "annual_report", "key": "annual_report:2026", "status": "met"}], OBS
        )
        == []
    )
    assert obligation_mismatches([{"kind": "annual_report", "due": "2027-10-31"}], OBS) == []
    assert obligation_mismatches([{"kind": "initial_report", "status": "met"}], OBS) == []


def test_ambiguous_missing_and_wrong() -> None:
    assert "add nth" in obligation_mismatches([{"kind": "annual_report"}], OBS)[0]
    assert "no obligation" in obligation_mismatches([{"kind": "travel_notice"}], OBS)[0]
    assert (
        "expected 'due'"
        in obligation_mismatches([{"kind": "initial_report", "status": "due"}], OBS)[0]
    )


def test_absent() -> None:
    assert obligation_mismatches([{"kind": "travel_notice", "absent": True}], OBS) == []
    assert obligation_mismatches([{"kind": "initial_report", "absent": True}], OBS)


def test_top_level_subset() -> None:
    answer = {"registrable": True, "reporting_period": "15y", "obligations": OBS}
    assert answer_mismatches({"registrable": True}, answer) == []
    assert answer_mismatches({"reporting_period": "8y"}, answer) == [
        "reporting_period: expected '8y', got '15y'"
    ]
    assert answer_mismatches({"nothing": 1}, answer) == ["nothing: missing from the answer"]
