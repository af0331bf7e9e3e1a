"""The search form: one box plus advanced fields and filters. Validation only (the rules that
need normalisation — "at least 8 digits", "dates cannot all be true" — are in `query.py`)."""

from __future__ import annotations

from django import forms

from ncos.directory.models import JurisdictionCode
from ncos.registry.choices import PersonStatus
from ncos.search.query import SearchQuery

SEARCH_FIELDS = (
    "q",
    "given_names",
    "family_name",
    "date_of_birth",
    "birth_year",
    "born_from",
    "born_to",
    "address",
    "registration",
    "phone",
    "online",
    "passport",
)
ADVANCED_FIELDS = SEARCH_FIELDS[1:]
FILTER_FIELDS = ("jurisdiction", "status")


def _date(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, for example 30/06/1985."},
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Name, date of birth or identifier",
        help_text=(
            "A name or alias (spelling variants are found), a date of birth (30/06/1985), a "
            "registration, phone number, email or online identity, passport or NCOS number."
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    given_names = forms.CharField(required=False, max_length=150, label="Given names")
    family_name = forms.CharField(required=False, max_length=100, label="Family name")
    date_of_birth = _date("Date of birth (exact)")
    birth_year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        label="Year of birth",
        error_messages={
            "min_value": "Enter a year from 1900.",
            "max_value": "Enter a year up to 2100.",
            "invalid": "Enter a year as four digits, for example 1985.",
        },
    )
    born_from = _date("Born on or after")
    born_to = _date("Born on or before")
    address = forms.CharField(
        required=False,
        max_length=200,
        label="Address or locality",
        help_text="Words of a current or former address, e.g. “Smith St Braddon” or a postcode.",
    )
    registration = forms.CharField(required=False, max_length=20, label="Vehicle registration")
    phone = forms.CharField(required=False, max_length=30, label="Phone number")
    online = forms.CharField(required=False, max_length=254, label="Email or online identity")
    passport = forms.CharField(required=False, max_length=20, label="Passport number")
    jurisdiction = forms.MultipleChoiceField(
        required=False,
        choices=JurisdictionCode.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Managing jurisdiction",
    )
    status = forms.MultipleChoiceField(
        required=False,
        choices=PersonStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Status",
    )

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            q=data.get("q") or "",
            given_names=data.get("given_names") or "",
            family_name=data.get("family_name") or "",
            date_of_birth=data.get("date_of_birth"),
            birth_year=data.get("birth_year"),
            born_from=data.get("born_from"),
            born_to=data.get("born_to"),
            address=data.get("address") or "",
            registration=data.get("registration") or "",
            phone=data.get("phone") or "",
            online=data.get("online") or "",
            passport=data.get("passport") or "",
            jurisdictions=tuple(data.get("jurisdiction") or ()),
            statuses=tuple(data.get("status") or ()),
        )

    def advanced_used(self) -> bool:
        """Open the advanced section when the user filled any of it (or it has an error)."""
        if not self.is_bound:
            return False
        names = (*ADVANCED_FIELDS, *FILTER_FIELDS)
        return any(self.data.get(name) for name in names) or any(
            name in self.errors for name in names
        )
