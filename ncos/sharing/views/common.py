"""Pieces shared by the sharing and passports pages."""

from __future__ import annotations

from typing import Any

from django.forms import BaseFormSet, Form
from django.urls import reverse

from ncos.access.errors import RuleViolation

# Registered in SharingConfig.ready() in the register's EXTRA_TABS (REGISTRY_REQUESTS.md #2).
TRAVEL_TAB = ("travel", "Travel and passports", "sharing:person_travel")


def tabs_context() -> dict[str, Any]:
    """Nothing to add: the register's person pages carry the travel tab (EXTRA_TABS)."""
    return {}


def travel_url(person_id: Any) -> str:
    return reverse("sharing:person_travel", kwargs={"person_id": person_id})


def plan_url(person_id: Any, plan_id: Any) -> str:
    return reverse("sharing:travel_detail", kwargs={"person_id": person_id, "travel_id": plan_id})


def sanitise(violation: RuleViolation, forms: dict[str, Form | BaseFormSet]) -> RuleViolation:
    """A service refusal whose field no plain form on the page has goes to the top of the page
    (formsets and nested paths like "legs[1].arrive_on" included, with the row named)."""
    field = (violation.field or "").split(".")[-1]
    plain = [f for f in forms.values() if isinstance(f, Form)]
    if field and any(field in f.fields for f in plain):
        return violation
    message = str(violation)
    if violation.field and violation.field.startswith("legs["):
        row = violation.field[5:].split("]")[0]
        if row.isdigit():
            message = f"Stay {int(row) + 1}: {message}"
    return RuleViolation(message, None)
