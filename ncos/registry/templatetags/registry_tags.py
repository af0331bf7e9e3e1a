"""Template helpers for the register's pages (display only)."""

from __future__ import annotations

from typing import Any

from django import template

from ncos.registry.kinds import SPECS

register = template.Library()


@register.filter
def detail_fields(detail: Any) -> list[tuple[str, str]]:
    """The fact's fields as (label, readable value), in the category's order."""
    spec = SPECS.get(detail.kind)
    if spec is None:
        return []
    data = detail.data or {}
    return [
        (f.label, spec.label_of(f.name, data[f.name]))
        for f in spec.fields
        if data.get(f.name) not in (None, "")
    ]


@register.filter
def period(detail: Any) -> str:
    start = detail.valid_from.isoformat() if detail.valid_from else "unknown"
    end = detail.valid_to.isoformat() if detail.valid_to else "now"
    return f"{start} – {end}"


@register.filter
def status_tag(status: str) -> str:
    """A CSS modifier for a status (person or obligation)."""
    return {
        "registrable": "ncos-tag--ancor",
        "suspended": "ncos-tag--warn",
        "outside_australia": "ncos-tag--warn",
        "overdue": "ncos-tag--bad",
        "due": "ncos-tag--warn",
        "met": "ncos-tag--good",
        "deceased": "ncos-tag--muted",
        "withdrawn": "ncos-tag--muted",
        "not_applicable": "ncos-tag--muted",
    }.get(status, "ncos-tag--plain")


@register.filter
def pretty(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value).replace("_", " ")
