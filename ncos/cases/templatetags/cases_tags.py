"""Small display helpers for the case pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def words(value: object) -> str:
    """`initial_report` → `Initial report`."""
    text = str(value or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]
