"""Load the jurisdictions reference file (used by the data migration and `seed_demo`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).parent / "data" / "jurisdictions.yaml"


def jurisdiction_rows() -> list[dict[str, Any]]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows: list[dict[str, Any]] = yaml.safe_load(handle)
    return rows


def upsert_jurisdictions(model: Any) -> int:
    """Create or refresh every jurisdiction; returns how many rows were written."""
    rows = jurisdiction_rows()
    for row in rows:
        code = row["code"]
        fields = {key: ("" if value is None else str(value)) for key, value in row.items()}
        fields.pop("code")
        model.objects.update_or_create(code=code, defaults=fields)
    return len(rows)
