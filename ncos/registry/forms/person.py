"""Forms for registering a person, editing the identity core, status, merge and the list."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from ncos.access.roles import PERSON_WRITERS
from ncos.accounts.models import User
from ncos.registry.choices import PersonStatus, RecordKind, Sex
from ncos.registry.forms.common import VersionForm, date_field

NAME_MAX = 100


def _officers(jurisdiction: str) -> Any:
    return (
        User.objects.filter(
            jurisdiction_id=jurisdiction,
            is_active=True,
            disabled_at__isnull=True,
            role_grants__role__in=[r.value for r in PERSON_WRITERS],
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class OfficerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.username})"


class PersonCreateForm(forms.Form):
    family_name = forms.CharField(max_length=NAME_MAX, label="Family name")
    given_names = forms.CharField(max_length=150, required=False, label="Given names")
    date_of_birth = date_field("Date of birth", required=True)
    sex = forms.ChoiceField(choices=Sex.choices, initial=Sex.UNKNOWN)
    place_of_birth = forms.CharField(max_length=120, required=False, label="Place of birth")
    country_of_birth = forms.CharField(max_length=60, required=False, label="Country of birth")
    aliases = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Other names (aliases)",
        help_text="One per line, family name first: “SMITH, John”.",
    )
    case_officer = OfficerChoice(queryset=User.objects.none(), required=False)
    caution = forms.CharField(max_length=300, required=False, label="Safety caution")
    protected = forms.BooleanField(
        required=False, label="Protected person (witness protection): restrict to cleared users"
    )
    source_reference = forms.CharField(
        max_length=200, required=False, label="Source", help_text="e.g. court file, charge sheet."
    )
    checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["case_officer"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = _officers(actor.jurisdiction_id or "")
        if not actor.protected_clearance:
            del self.fields["protected"]

    def clean_date_of_birth(self) -> date:
        value: date = self.cleaned_data["date_of_birth"]
        if value > date.today():  # noqa: DTZ011 - a form hint; the service checks in the zone
            raise forms.ValidationError("The date of birth cannot be in the future.")
        return value

    def clean_aliases(self) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for line in (self.cleaned_data.get("aliases") or "").splitlines():
            if not line.strip():
                continue
            family, _, given = line.partition(",")
            if not family.strip():
                raise forms.ValidationError(f"“{line.strip()}”: give the family name first.")
            if len(family.strip()) > NAME_MAX:
                raise forms.ValidationError("A family name has at most 100 characters.")
            pairs.append((family.strip(), given.strip()))
        return pairs


class PersonEditForm(VersionForm):
    date_of_birth = date_field("Date of birth", required=True)
    sex = forms.ChoiceField(choices=Sex.choices)
    place_of_birth = forms.CharField(max_length=120, required=False, label="Place of birth")
    country_of_birth = forms.CharField(max_length=60, required=False, label="Country of birth")
    case_officer = OfficerChoice(queryset=User.objects.none(), required=False)
    caution = forms.CharField(max_length=300, required=False, label="Safety caution")
    protected = forms.BooleanField(required=False, label="Protected person")
    reason = forms.CharField(max_length=300, label="Reason for the change")

    def __init__(self, *args: Any, actor: User, jurisdiction: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["case_officer"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = _officers(jurisdiction)
        if not actor.protected_clearance:
            del self.fields["protected"]


class StatusForm(VersionForm):
    to_status = forms.ChoiceField(choices=PersonStatus.choices, label="New status")
    effective_on = date_field("Effective from", required=True)
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class MergeForm(forms.Form):
    other = forms.CharField(
        max_length=20,
        label="National identifier of the duplicate record",
        help_text="The duplicate is merged INTO this record and becomes a pointer to it.",
    )
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    confirm = forms.BooleanField(label="I have checked these are the same person")


class PersonFilterForm(forms.Form):
    jurisdiction = forms.ChoiceField(required=False, choices=[("", "Any")])
    status = forms.ChoiceField(required=False, choices=[("", "Any"), *PersonStatus.choices])
    record_kind = forms.ChoiceField(required=False, choices=[("", "Any"), *RecordKind.choices])
    national_id = forms.CharField(required=False, max_length=20, label="National identifier")
    born_from = date_field("Born from")
    born_to = date_field("Born to")
    mine = forms.BooleanField(required=False, label="My caseload only")
    sort = forms.ChoiceField(
        required=False,
        choices=[("name", "Name"), ("-updated", "Recently changed"), ("dob", "Date of birth")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ncos.directory.models import Jurisdiction

        field = self.fields["jurisdiction"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", "Any")] + [
            (j.code, j.code) for j in Jurisdiction.objects.order_by("code")
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("born_from"), data.get("born_to")
        if start and end and start > end:
            self.add_error("born_to", "The end date is before the start date.")
        return data
