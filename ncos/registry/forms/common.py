"""Small helpers shared by the register's forms."""

from __future__ import annotations

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label: str, *, required: bool = False, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text,
        error_messages={"invalid": "Enter a real date, like 2021-03-03."},
    )


class VersionForm(forms.Form):
    """Carries the version the user saw, for optimistic concurrency."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


TRI_STATE = [("", "Not known"), ("yes", "Yes"), ("no", "No")]


def tri_state(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def from_tri_state(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")
