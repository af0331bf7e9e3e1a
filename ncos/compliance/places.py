"""The approved reporting places known from the legislation folder (ACT s 64): the ACT Policing
notice of reporting obligations names Belconnen Police Station. Others are added by registries.

Loaded by migration 0002 and again after a test flush (`ncos.common.testing.flush`); takes the
model classes so the migration can pass its historical models.
"""

from __future__ import annotations

from typing import Any

PLACES = [
    {
        "jurisdiction_id": "ACT",
        "name": "Belconnen Police Station",
        "address": "Corner Benjamin Way and College Street, Belconnen ACT",
        "basis": "ACT s 64: named in the notice of reporting obligations (by appointment)",
    },
]


def upsert_reporting_places(jurisdiction_model: Any, place_model: Any) -> None:
    for place in PLACES:
        if jurisdiction_model.objects.filter(code=place["jurisdiction_id"]).exists():
            place_model.objects.get_or_create(
                jurisdiction_id=place["jurisdiction_id"], name=place["name"], defaults=place
            )
