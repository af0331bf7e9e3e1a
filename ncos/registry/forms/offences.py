"""Forms for charges, findings, custody, parole and court orders."""

from __future__ import annotations

from typing import Any

from django import forms

from ncos.law.catalogue import FACTS
from ncos.registry.choices import OffenceOutcome
from ncos.registry.forms.common import TRI_STATE, VersionForm, date_field
from ncos.registry.models import CourtOrder, CustodyPeriod, Offence, Parole

CIRCUMSTANCES = [(k, v[0].upper() + v[1:]) for k, v in FACTS.items()]


class OffenceForm(forms.Form):
    """The offence's particulars. The catalogue choice (`catalogue_key`) comes from the picker's
    radio buttons, rendered by the page, and is given to the form by the view."""

    offence_jurisdiction = forms.CharField(
        max_length=40,
        required=False,
        label="Offence against the law of",
        help_text="A jurisdiction code (ACT, NSW, VIC…) or a country. Not needed when an "
        "offence is chosen from the catalogue.",
    )
    act = forms.CharField(max_length=200, required=False, label="Act")
    provision = forms.CharField(max_length=60, required=False, label="Section / provision")
    description = forms.CharField(max_length=300, required=False)
    date_committed = date_field("Date committed (or first day)")
    date_committed_to = date_field("Last day (if over a period)")
    victim_ref = forms.CharField(
        max_length=40,
        required=False,
        label="Victim reference",
        help_text="A reference such as V1 — never a name. Offences against the same victim in "
        "one incident count once.",
    )
    victim_age = forms.IntegerField(
        required=False, min_value=0, max_value=120, label="Victim's age at the time"
    )
    charge_date = date_field("Date charged")
    court = forms.CharField(max_length=120, required=False)
    court_reference = forms.CharField(max_length=60, required=False, label="Court file number")
    circumstances = forms.MultipleChoiceField(
        choices=CIRCUMSTANCES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Circumstances established (only those the court found)",
    )

    def __init__(self, *args: Any, catalogue_key: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalogue_key = catalogue_key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.catalogue_key:
            for name, message in (
                ("offence_jurisdiction", "Say whose law the offence is against."),
                ("act", "Choose an offence from the catalogue, or enter the Act."),
                ("provision", "Enter the section or provision."),
            ):
                if not data.get(name):
                    self.add_error(name, message)
        start, end = data.get("date_committed"), data.get("date_committed_to")
        if start and end and end < start:
            self.add_error("date_committed_to", "The last day is before the first day.")
        return data

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if self.catalogue_key:
            data["catalogue_key"] = self.catalogue_key
        data["circumstances"] = dict.fromkeys(data.pop("circumstances", []) or [], True)
        return {k: v for k, v in data.items() if v not in (None, "")}


class OffenceEditForm(VersionForm, OffenceForm):
    reason = forms.CharField(max_length=300, label="Reason for the correction")


class FindingForm(VersionForm):
    date_found_guilty = date_field("Date found guilty", required=True)
    date_sentenced = date_field("Date sentenced")
    sentence = forms.CharField(max_length=500, required=False, widget=forms.Textarea({"rows": 2}))
    custodial = forms.BooleanField(required=False, label="Custodial sentence (sent to custody)")
    custody_release_date = date_field("Released from custody on")
    imprisonment = forms.ChoiceField(
        choices=TRI_STATE, required=False, label="Sentence includes a term of imprisonment"
    )
    supervision = forms.ChoiceField(
        choices=TRI_STATE, required=False, label="Sentence requires supervision"
    )
    jurisdiction_of_conviction = forms.CharField(
        max_length=40,
        required=False,
        label="Jurisdiction of the finding",
        help_text="Leave empty for this person's managing jurisdiction.",
    )
    non_conviction_order = forms.BooleanField(required=False, label="Non-conviction order")
    court_exempted = forms.BooleanField(
        required=False, label="Court ordered the person not be registered for this offence"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        found, sentenced = data.get("date_found_guilty"), data.get("date_sentenced")
        if found and sentenced and sentenced < found:
            self.add_error("date_sentenced", "The sentence is before the finding of guilt.")
        if data.get("custody_release_date") and not data.get("custodial"):
            self.add_error("custody_release_date", "A release date needs a custodial sentence.")
        return data


class CloseForm(VersionForm):
    outcome = forms.ChoiceField(
        choices=[
            (OffenceOutcome.NOT_GUILTY, "Found not guilty"),
            (OffenceOutcome.WITHDRAWN, "Withdrawn or dismissed"),
        ],
        widget=forms.RadioSelect,
    )
    on = date_field("On", required=True)
    reason = forms.CharField(max_length=300, required=False)


class QuashForm(VersionForm):
    quashed_on = date_field("Quashed on", required=True)
    retrial_ordered = forms.BooleanField(required=False, label="A retrial was ordered")
    reason = forms.CharField(max_length=300)


class _PersonScoped(forms.ModelForm):
    def __init__(self, *args: Any, person: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "offence" in self.fields:
            field = self.fields["offence"]
            assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
            field.queryset = Offence.objects.filter(person=person).order_by("ref")
            field.label_from_instance = lambda o: f"{o.ref} {o.act} {o.provision}"  # type: ignore[method-assign]
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                field.error_messages["invalid"] = "Enter a real date, like 2021-03-03."
            if name == "withdrawn":
                field.label = "Recorded in error (withdraw)"


class CustodyForm(_PersonScoped):
    class Meta:
        model = CustodyPeriod
        fields = [
            "entered_on",
            "left_on",
            "reason",
            "facility",
            "jurisdiction",
            "offence",
            "withdrawn",
        ]
        labels = {"entered_on": "Entered custody on", "left_on": "Left custody on"}


class ParoleForm(_PersonScoped):
    class Meta:
        model = Parole
        fields = ["starts_on", "ends_on", "term_ends_on", "conditions", "offence", "withdrawn"]
        labels = {
            "starts_on": "Parole starts",
            "ends_on": "Parole ends",
            "term_ends_on": "Term of imprisonment ends",
        }


class OrderForm(_PersonScoped):
    class Meta:
        model = CourtOrder
        fields = [
            "kind",
            "jurisdiction",
            "court",
            "reference",
            "made_on",
            "effective_from",
            "ends_on",
            "period",
            "effect",
            "quashed_on",
            "offence",
            "withdrawn",
        ]
        widgets = {"effect": forms.Textarea({"rows": 3})}
