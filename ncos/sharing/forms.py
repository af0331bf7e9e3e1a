"""Forms of the sharing pages. They only shape input; the services decide."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.forms import formset_factory

from ncos.directory.models import JurisdictionCode
from ncos.registry.forms.common import date_field
from ncos.sharing.choices import ContactManner, InboxKind, ReportManner, TransportMode
from ncos.sharing.services import Itinerary, LegInput, ReturnInput

JURISDICTION_CHOICES = [("", "— overseas (give the country) —")] + list(JurisdictionCode.choices)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def datetime_field(label: str, *, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": "Enter a date and time, like 2026-03-03 14:30."},
    )


class ItineraryForm(forms.Form):
    depart_on = date_field("Leaves on", required=True)
    return_on = date_field(
        "Intends to return on", help_text="Leave empty only if there is no intention to return."
    )
    no_return = forms.BooleanField(
        required=False, label="Does not intend to return (ACT s 42 (2) (e))"
    )
    transport_mode = forms.ChoiceField(choices=TransportMode.choices, label="How travelling")
    transport_details = forms.CharField(
        max_length=300,
        required=False,
        label="Transport details",
        help_text="Flight, vessel or vehicle details, as known.",
    )
    purpose = forms.CharField(max_length=300, required=False, label="Purpose")


PLACE_HELP = "For a report in person: the approved reporting place (police station)."


class ReportForm(forms.Form):
    reported_on = date_field("Reported on", required=True)
    report_manner = forms.ChoiceField(choices=ReportManner.choices, label="How it was reported")
    report_place = forms.CharField(
        max_length=300, required=False, label="Where", help_text=PLACE_HELP
    )


class LegForm(forms.Form):
    jurisdiction = forms.ChoiceField(
        choices=JURISDICTION_CHOICES, required=False, label="State or territory"
    )
    country = forms.CharField(max_length=60, required=False, label="Country (if overseas)")
    place = forms.CharField(max_length=300, required=False, label="Address or locality")
    arrive_on = date_field("Arrives")
    leave_on = date_field("Leaves")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        code, country = data.get("jurisdiction"), (data.get("country") or "").strip()
        if code and country:
            self.add_error("country", "Choose a state or territory, or give a country — not both.")
        if (code or country) and not data.get("arrive_on"):
            self.add_error("arrive_on", "Give the day the person arrives.")
        return data

    def leg(self) -> LegInput | None:
        data = self.cleaned_data
        destination = data.get("jurisdiction") or (data.get("country") or "").strip()
        if not destination:
            return None
        return LegInput(
            destination=destination,
            arrive_on=data["arrive_on"],
            leave_on=data.get("leave_on"),
            place=data.get("place") or "",
        )


LegFormSet = formset_factory(LegForm, extra=1, min_num=3, max_num=20, validate_max=True)


def leg_initial(plan: Any) -> list[dict[str, Any]]:
    return [
        {
            "jurisdiction": leg.jurisdiction_id or "",
            "country": leg.country,
            "place": leg.place,
            "arrive_on": leg.arrive_on,
            "leave_on": leg.leave_on,
        }
        for leg in plan.legs.all()
    ]


def itinerary_from(form: ItineraryForm, legs: Any) -> Itinerary:
    data = form.cleaned_data
    return Itinerary(
        depart_on=data["depart_on"],
        return_on=data.get("return_on"),
        no_return=bool(data.get("no_return")),
        legs=[leg for leg in (f.leg() for f in legs.forms) if leg is not None],
        transport_mode=data["transport_mode"],
        transport_details=data.get("transport_details") or "",
        purpose=data.get("purpose") or "",
    )


class DecisionForm(forms.Form):
    decided_on = date_field("Decided on", required=True)
    reported_on = date_field("Reported on", required=True)
    report_manner = forms.ChoiceField(choices=ReportManner.choices, label="How it was reported")
    report_place = forms.CharField(
        max_length=300, required=False, label="Where", help_text=PLACE_HELP
    )
    reason = forms.CharField(
        max_length=500, required=False, label="Notes", widget=forms.Textarea({"rows": 2})
    )


class ReturnForm(forms.Form):
    returned_on = date_field("Returned on", required=True)
    reported_on = date_field("Return reported on", required=True)
    report_manner = forms.ChoiceField(choices=ReportManner.choices, label="How it was reported")
    report_place = forms.CharField(
        max_length=300, required=False, label="Where", help_text=PLACE_HELP
    )
    actual_depart_on = date_field("Actually left on")
    destinations_visited = forms.CharField(
        max_length=600,
        required=False,
        label="Destinations actually visited",
        help_text="State or territory codes and countries, separated by commas.",
    )
    passport_sighted = forms.BooleanField(required=False, label="Passport sighted")
    passport_number = forms.CharField(max_length=20, required=False, label="Passport number seen")
    tickets_sighted = forms.BooleanField(required=False, label="Tickets or boarding passes sighted")
    documents_sighted = forms.CharField(
        max_length=500,
        required=False,
        label="Other documents sighted",
        help_text="E.g. accommodation receipts.",
    )
    notes = forms.CharField(required=False, widget=forms.Textarea({"rows": 3}), label="Notes")

    def data_input(self) -> ReturnInput:
        d = self.cleaned_data
        return ReturnInput(
            returned_on=d["returned_on"],
            reported_on=d["reported_on"],
            report_manner=d["report_manner"],
            report_place=d.get("report_place") or "",
            actual_depart_on=d.get("actual_depart_on"),
            destinations_visited=[
                p.strip() for p in (d.get("destinations_visited") or "").split(",") if p.strip()
            ],
            passport_sighted=bool(d.get("passport_sighted")),
            passport_number=d.get("passport_number") or "",
            tickets_sighted=bool(d.get("tickets_sighted")),
            documents_sighted=d.get("documents_sighted") or "",
            notes=d.get("notes") or "",
        )


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AcknowledgeForm(VersionedForm):
    note = forms.CharField(
        max_length=500, required=False, label="Note", widget=forms.Textarea({"rows": 2})
    )


class ContactForm(VersionedForm):
    contact_at = datetime_field("Contact made at")
    manner = forms.ChoiceField(choices=ContactManner.choices, label="How")
    notes = forms.CharField(max_length=500, required=False, widget=forms.Textarea({"rows": 2}))


class TransferRequestForm(forms.Form):
    to_jurisdiction = forms.ChoiceField(choices=JurisdictionCode.choices, label="Transfer to")
    entered_on = date_field("Entered that jurisdiction on", required=True)
    new_locality = forms.CharField(max_length=200, required=False, label="New locality")
    handover_note = forms.CharField(
        widget=forms.Textarea({"rows": 6}),
        label="Handover note",
        help_text="What the new managers need: risks, conditions, open matters, contacts.",
    )


class TransferDecisionForm(VersionedForm):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept: take over the management"), ("refuse", "Refuse")],
        widget=forms.RadioSelect,
        label="Decision",
    )
    note = forms.CharField(
        max_length=1000,
        required=False,
        widget=forms.Textarea({"rows": 3}),
        label="Note (reasons, required to refuse)",
    )


class TransferCancelForm(VersionedForm):
    reason = forms.CharField(max_length=1000, required=False, widget=forms.Textarea({"rows": 2}))


class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", "All kinds")] + list(InboxKind.choices), required=False, label="Kind"
    )
    state = forms.ChoiceField(
        choices=[
            ("", "All"),
            ("unread", "Unread"),
            ("read", "Read"),
            ("escalated", "Not acknowledged in time"),
        ],
        required=False,
        label="Show",
    )
    from_jurisdiction = forms.ChoiceField(
        choices=[("", "Any registry")] + list(JurisdictionCode.choices),
        required=False,
        label="From",
    )
    received_from = date_field("Received from")
    received_to = date_field("Received to")
    sort = forms.ChoiceField(
        choices=[("-received", "Newest first"), ("received", "Oldest first"), ("kind", "Kind")],
        required=False,
        label="Sort",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("received_to", "The end is before the start.")
        return data
