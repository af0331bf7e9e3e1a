"""pytest hooks for ncos.law: YAML files under ``scenarios/`` are collected as scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

from ncos.law.testing import ScenarioFile, collect_scenarios


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> ScenarioFile | None:
    return collect_scenarios(parent, file_path)
