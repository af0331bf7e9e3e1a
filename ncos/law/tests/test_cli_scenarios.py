"""The command line answers every shipped scenario exactly as `assess` does (one process, a list
in, a list out), so the CLI, the Python function and the HTTP API agree on the same cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ncos.law import assess
from ncos.law.testing import to_json

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(SCENARIOS.rglob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(to_json(entry["case"]))
    return cases


def test_cli_answers_every_scenario_like_assess() -> None:
    cases = _cases()
    assert len(cases) >= 200
    result = subprocess.run(  # noqa: S603 — our own interpreter and module
        [sys.executable, "-m", "ncos.law", "assess", "-"],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[:500]
    assert json.loads(result.stdout) == assess(cases)
