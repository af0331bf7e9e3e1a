"""Reporting calculator: facts typed into a form → the law engine's case → the answer.

No record is read or written: the calculator answers "if he is sentenced for these offences, is
he registrable, for how long, and what must he do by when?" before anything is recorded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.forms import formset_factory

from ncos.law.facts import CHANGE_KINDS, EVENT_TYPES

JURISDICTION_CHOICES = [
    (code, code) for code in ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")
]
EVENT_CHOICES = [("", "—")] + [(t, t.replace("_", " ")) for t in sorted(EVENT_TYPES)]
KIND_CHOICES = [("", "—")] + [(k, k.replace("_", " ")) for k in sorted(CHANGE_KINDS)]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseForm(forms.Form):
    jurisdiction = forms.ChoiceField(choices=JURISDICTION_CHOICES, label="Whose law")
    as_of = forms.DateField(
        widget=DATE_INPUT, label="As at", help_text="The day the question is asked."
    )
    date_of_birth = forms.DateField(widget=DATE_INPUT, label="Date of birth")


class OffenceForm(forms.Form):
    act = forms.CharField(
        required=False,
        max_length=200,
        help_text="As the schedule names it, e.g. Crimes Act 1900 (ACT).",
        widget=forms.TextInput(attrs={"list": "catalogue-acts"}),
    )
    provision = forms.CharField(
        required=False,
        max_length=60,
        help_text="For example s 61 (1).",
        widget=forms.TextInput(attrs={"list": "catalogue-provisions"}),
    )
    date_committed = forms.DateField(required=False, widget=DATE_INPUT)
    victim = forms.CharField(required=False, max_length=40, label="Victim reference")
    victim_date_of_birth = forms.DateField(required=False, widget=DATE_INPUT)
    date_found_guilty = forms.DateField(required=False, widget=DATE_INPUT)
    date_sentenced = forms.DateField(required=False, widget=DATE_INPUT)
    custodial = forms.BooleanField(required=False, label="Full-time custody at sentence")
    custody_release_date = forms.DateField(required=False, widget=DATE_INPUT)
    jurisdiction_of_conviction = forms.ChoiceField(
        required=False, choices=[("", "—")] + JURISDICTION_CHOICES
    )

    def is_blank(self) -> bool:
        return not any(self.cleaned_data.get(k) for k in ("act", "provision"))


class EventForm(forms.Form):
    type = forms.ChoiceField(required=False, choices=EVENT_CHOICES)
    date = forms.DateField(required=False, widget=DATE_INPUT)
    kind = forms.ChoiceField(required=False, choices=KIND_CHOICES, help_text="For changes.")
    depart = forms.DateField(required=False, widget=DATE_INPUT)
    return_date = forms.DateField(required=False, widget=DATE_INPUT, label="Return")
    destination = forms.CharField(required=False, max_length=40, help_text="Code or 'overseas'.")

    def is_blank(self) -> bool:
        return not self.cleaned_data.get("type")


OffenceFormSet = formset_factory(OffenceForm, extra=0, max_num=30, validate_max=True)
EventFormSet = formset_factory(EventForm, extra=0, max_num=60, validate_max=True)


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def build_case(case_form: CaseForm, offences: Any, events: Any) -> dict[str, Any]:
    """The contract's JSON case from validated forms (blank rows are skipped)."""
    data = case_form.cleaned_data
    case: dict[str, Any] = {
        "jurisdiction": data["jurisdiction"],
        "as_of": data["as_of"].isoformat(),
        "person": {"date_of_birth": data["date_of_birth"].isoformat()},
        "offences": [],
        "events": [],
    }
    for index, form in enumerate(f for f in offences if not f.is_blank()):
        row = {k: _iso(v) for k, v in form.cleaned_data.items() if v not in (None, "")}
        row["ref"] = f"o{index + 1}"
        row.setdefault("custodial", False)
        case["offences"].append(row)
    for form in events:
        if form.is_blank():
            continue
        row = {k: _iso(v) for k, v in form.cleaned_data.items() if v not in (None, "")}
        if "return_date" in row:
            row["return"] = row.pop("return_date")
        case["events"].append(row)
    return case
