"""Forms of the passports pages (input only; the services decide)."""

from __future__ import annotations

from typing import Any

from django import forms

from ncos.passports.choices import DECISIONS, DocumentKind, RequestType, SendChannel, ToldHow
from ncos.registry.forms.common import date_field
from ncos.sharing.forms import VersionedForm, datetime_field


def split_list(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class PermissionForm(forms.Form):
    travel_plan = forms.ChoiceField(required=False, label="Reported travel this is for")
    destinations = forms.CharField(
        max_length=600,
        label="Countries of destination",
        help_text="In the order of travel, separated by commas.",
    )
    depart_on = date_field("Leaves Australia on", required=True)
    return_on = date_field("Returns on")
    purpose = forms.CharField(widget=forms.Textarea({"rows": 3}), label="Purpose of the travel")
    applied_on = date_field("Application received on", required=True)

    def __init__(self, *args: Any, plans: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        field = self.fields["travel_plan"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", "— not linked —")] + [
            (str(p.pk), f"{p.reference}: leaves {p.depart_on:%d %b %Y}") for p in plans
        ]


class DecideForm(VersionedForm):
    decision = forms.ChoiceField(
        choices=[(d.value, d.label) for d in DECISIONS], widget=forms.RadioSelect, label="Decision"
    )
    reasons = forms.CharField(widget=forms.Textarea({"rows": 4}), label="Reasons")
    conditions = forms.CharField(
        widget=forms.Textarea({"rows": 3}),
        required=False,
        label="Conditions (for “granted with conditions”)",
    )
    decided_on = date_field("Decided on", required=True)


class ToldForm(VersionedForm):
    told_at = datetime_field("Traveller told at")
    told_how = forms.ChoiceField(choices=ToldHow.choices, label="How")


class DocumentForm(forms.Form):
    file = forms.FileField(label="Document (PDF, JPEG or PNG, up to 10 MB)")
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=DocumentKind.choices)


class ForeignNoticeForm(forms.Form):
    country = forms.CharField(max_length=60)
    agency = forms.CharField(max_length=200, label="Agency told")
    sent_at = datetime_field("Sent at")
    channel = forms.CharField(
        max_length=100,
        label="How it was sent",
        help_text="E.g. AFP liaison officer, Interpol notice.",
    )
    details_sent = forms.CharField(widget=forms.Textarea({"rows": 4}), label="Details sent")
    reference = forms.CharField(max_length=100, required=False)


class RequestForm(forms.Form):
    grounds = forms.CharField(
        widget=forms.Textarea({"rows": 4}),
        label="Grounds",
        help_text="Why the request is made: the reporting obligations, the risk, any decision "
        "of the competent authority.",
    )
    passport_number = forms.CharField(max_length=20, required=False, label="Passport number")
    passport_country = forms.CharField(
        max_length=60, required=False, label="Country of issue (foreign passport)"
    )
    passport_expires_on = date_field("Passport expires on")
    surrender_by = date_field("Surrender by")
    travel_permission = forms.ChoiceField(
        required=False, label="Competent authority's permission (limited-validity passport)"
    )
    valid_until = date_field("Passport valid until (limited validity)")

    FIELDS_BY_TYPE = {
        RequestType.CANCEL_AUSTRALIAN: ("grounds", "passport_number", "passport_expires_on"),
        RequestType.SURRENDER_FOREIGN: (
            "grounds",
            "passport_number",
            "passport_country",
            "passport_expires_on",
            "surrender_by",
        ),
        RequestType.ISSUE_LIMITED: ("grounds", "travel_permission", "valid_until"),
    }

    def __init__(
        self,
        *args: Any,
        request_type: str,
        permissions: list[Any] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["travel_permission"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", "— choose —")] + [
            (str(p.pk), f"{p.reference}: {', '.join(p.destinations)} from {p.depart_on:%d %b %Y}")
            for p in permissions
        ]
        keep = self.FIELDS_BY_TYPE.get(RequestType(request_type), ("grounds",))
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "grounds"}


class RequestTypeForm(forms.Form):
    request_type = forms.ChoiceField(choices=RequestType.choices, widget=forms.HiddenInput)


class NoteForm(VersionedForm):
    note = forms.CharField(max_length=1000, required=False, widget=forms.Textarea({"rows": 2}))


class SendForm(NoteForm):
    channel = forms.ChoiceField(choices=SendChannel.choices, label="Sent by")


class AcknowledgeForm(VersionedForm):
    authority_reference = forms.CharField(max_length=100, label="Passport authority's reference")
    acknowledged_at = datetime_field("Acknowledged at", required=False)


class OutcomeForm(VersionedForm):
    outcome_on = date_field("Date of the outcome", required=True)
    document_number = forms.CharField(
        max_length=20,
        required=False,
        label="Passport number",
        help_text="The passport cancelled or surrendered, or the limited-validity passport issued.",
    )
    expires_on = date_field("Expires on (passport issued)")
    notes = forms.CharField(max_length=1000, required=False, widget=forms.Textarea({"rows": 2}))


class WithdrawForm(VersionedForm):
    reason = forms.CharField(max_length=500, widget=forms.Textarea({"rows": 2}))
