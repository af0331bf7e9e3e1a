"""Forms around a personal-details fact: when it was true and where the information came from.
(The fact's own fields come from `ncos.registry.kinds.data_form_class(kind)`.)"""

from __future__ import annotations

from typing import Any

from django import forms

from ncos.registry.choices import SourceType
from ncos.registry.forms.common import date_field


class _Source(forms.Form):
    source_type = forms.ChoiceField(
        choices=SourceType.choices, initial=SourceType.REPORT, label="Information came from"
    )
    source_reference = forms.CharField(
        max_length=200, required=False, label="Reference", help_text="Report number, document…"
    )


class DetailMetaForm(_Source):
    valid_from = date_field("From", help_text="Leave empty if not known.")
    valid_to = date_field("To", help_text="Leave empty while it is still the case.")
    changed_at = forms.DateTimeField(
        required=False,
        label="Time of the change (if hours matter)",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="For changes the Act counts in hours, e.g. contact with a child.",
        error_messages={"invalid": "Enter a date and time, like 2026-02-20 15:30."},
    )
    reason = forms.CharField(max_length=500, required=False, label="Reason for the correction")

    def __init__(
        self,
        *args: Any,
        labels: tuple[str, str] | None = None,
        correcting: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if labels:
            self.fields["valid_from"].label, self.fields["valid_to"].label = labels
        if correcting:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "The end date is before the start date.")
        return data


class DetailEndForm(_Source):
    valid_to = date_field("Last day it was so", required=True)
    reason = forms.CharField(max_length=500, label="What changed")


class DetailWithdrawForm(forms.Form):
    reason = forms.CharField(
        max_length=500, label="Why was it recorded in error?", widget=forms.Textarea({"rows": 3})
    )
