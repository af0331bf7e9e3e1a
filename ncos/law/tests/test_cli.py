"""The command line, run as a user would: ``python -m ncos.law assess FILE|-``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ncos.law.testing import make_case

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, stdin: str | None = None) -> tuple[int, Any]:
    proc = subprocess.run(  # noqa: S603 - fixed interpreter and module
        [sys.executable, "-m", "ncos.law", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    return proc.returncode, json.loads(proc.stdout) if proc.stdout.strip() else None


def test_file_in_answer_out(tmp_path: Path) -> None:
    f = tmp_path / "case.json"
    f.write_text(json.dumps(make_case()))
    code, out = run("assess", str(f))
    assert code == 0
    assert out["jurisdiction"] == "ACT"
    assert "explanation" in out


def test_stdin() -> None:
    code, out = run("assess", "-", stdin=json.dumps(make_case()))
    assert code == 0
    assert out["as_of"] == "2026-03-01"


def test_list_in_list_out() -> None:
    cases = [
        make_case(as_of="2026-03-01"),
        make_case(as_of="2026-04-01"),
        make_case(as_of="2026-05-01"),
    ]
    code, out = run("assess", "-", stdin=json.dumps(cases))
    assert code == 0
    assert [a["as_of"] for a in out] == ["2026-03-01", "2026-04-01", "2026-05-01"]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ({"as_of": "2026-03-01", "person": {"date_of_birth": "1985-06-30"}}, "jurisdiction"),
        (make_case(jurisdiction="XYZ"), "jurisdiction"),
        (make_case(as_of="2026-02-30"), "as_of"),
        (
            make_case(offences=[{"act": "A", "provision": "s 1", "date_sentenced": "yesterday"}]),
            "offences[0].date_sentenced",
        ),
        (make_case() | {"offences": {"act": "A"}}, "offences"),
        (make_case() | {"person": {}}, "person.date_of_birth"),
        ([make_case(), make_case(as_of="bad")], "[1].as_of"),
    ],
)
def test_malformed_case_exit_2(case: Any, field: str) -> None:
    code, out = run("assess", "-", stdin=json.dumps(case))
    assert code == 2
    assert set(out) == {"error", "field"}
    assert out["field"] == field


@pytest.mark.parametrize("text", ["{not json", "", "[1, 2", '"a string"', "42"])
def test_invalid_json_exit_2(text: str) -> None:
    code, out = run("assess", "-", stdin=text)
    assert code == 2
    assert set(out) == {"error", "field"}


def test_missing_file_exit_2(tmp_path: Path) -> None:
    code, out = run("assess", str(tmp_path / "nope.json"))
    assert code == 2
    assert "cannot read" in out["error"]


def test_usage_exit_2() -> None:
    code, out = run("judge", "x.json")
    assert code == 2
    assert "usage" in out["error"]
