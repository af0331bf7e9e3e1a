"""The personal-details categories: their fields, the law that requires them, and validation.

One `KindSpec` per `DetailKind`. A fact's `data` holds exactly the spec's field names (strings;
dates as ISO strings; numbers as ints; flags as booleans). Forms, API validation and the detail
pages are all built from these specs, so a category is described once.

Law: ACT Crimes (Child Sex Offenders) Act 2005 s 59 (personal details), s 60 ("generally
lives", "regular unsupervised contact", "generally employed", "generally drives"), s 61
(employment incl. unpaid and volunteer work); NSW Child Protection (Offenders Registration) Act
2000 Sch 1C (relevant personal information).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from ncos.registry.choices import DetailKind
from ncos.registry.kind_fields import (
    ADDRESS_TYPES,
    BUILDS,
    CHILD_INVOLVEMENT,
    CONNECTION_KINDS,
    EMPLOYMENT_TYPES,
    IDENTITY_TYPES,
    MARK_TYPES,
    NAME_TYPES,
    PASSPORT_NO,
    PASSPORT_STATUS,
    PHONE,
    POSTCODE,
    REGISTRATION,
    SERVICE_TYPES,
    VEHICLE_TYPES,
    VEHICLE_USE,
    FieldSpec,
    KindSpec,
    check_address,
    check_child,
    check_employment,
    check_identity,
    choice_label,
    join_parts,
)

NOTES = FieldSpec("notes", "Notes", "textarea", max_length=1000)


def _child_fields(contact: bool) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("child_name", "Child's name", required=True, max_length=150),
        FieldSpec("date_of_birth", "Child's date of birth", "date"),
        FieldSpec("age", "Age (if date of birth unknown)", "int", min_value=0, max_value=17),
        FieldSpec("relationship", "Relationship to the person", max_length=100),
        *((FieldSpec("nature", "Nature of the contact", max_length=300),) if contact else ()),
        FieldSpec("contact", "Child's address or other means of contact", max_length=300),
        NOTES,
    )


def _child_summary(data: Mapping[str, Any]) -> str:
    born = f"born {data['date_of_birth']}" if data.get("date_of_birth") else ""
    age = f"age {data['age']}" if data.get("age") not in (None, "") else ""
    return join_parts(data.get("child_name"), born or age, data.get("relationship"))


SPECS: dict[str, KindSpec] = {
    s.kind: s
    for s in (
        KindSpec(
            DetailKind.NAME,
            "Name",
            "ACT s 59 (a), (b); NSW Sch 1C cl 1 (a), (b)",
            (
                FieldSpec("family_name", "Family name", required=True, max_length=100),
                FieldSpec("given_names", "Given names", max_length=150),
                FieldSpec("name_type", "Type of name", "choice", True, choices=NAME_TYPES),
                NOTES,
            ),
            lambda d: join_parts(
                join_parts(str(d.get("family_name", "")).upper(), d.get("given_names")),
                f"({choice_label(NAME_TYPES, d.get('name_type'))})",
                sep=" ",
            ),
            "name",
            ("Known by this name from", "Until"),
            searchable=True,
        ),
        KindSpec(
            DetailKind.ADDRESS,
            "Address or locality",
            "ACT s 59 (d), s 60 (a); NSW Sch 1C cl 1 (d), (f)",
            (
                FieldSpec("address_type", "Type", "choice", True, choices=ADDRESS_TYPES),
                FieldSpec("line1", "Street address", max_length=200),
                FieldSpec("line2", "Address line 2", max_length=200),
                FieldSpec("locality", "Suburb, town or locality", required=True, max_length=100),
                FieldSpec("state", "State or territory", max_length=40),
                FieldSpec("postcode", "Postcode", max_length=10, validators=(POSTCODE,)),
                FieldSpec("country", "Country", max_length=60),
                NOTES,
            ),
            lambda d: join_parts(
                d.get("line1"), d.get("line2"), d.get("locality"), d.get("state"), d.get("postcode")
            ),
            "address",
            ("Lives there from", "Until"),
            searchable=True,
            check=check_address,
        ),
        KindSpec(
            DetailKind.CHILD_HOUSEHOLD,
            "Child in the household",
            "ACT s 59 (e) (i), s 60 (b); NSW Sch 1C cl 9",
            _child_fields(contact=False),
            _child_summary,
            "child_household",
            ("Living together from", "Until"),
            check=check_child,
        ),
        KindSpec(
            DetailKind.CHILD_CONTACT,
            "Child with regular unsupervised contact",
            "ACT s 59 (e) (ii), s 60 (c)",
            _child_fields(contact=True),
            _child_summary,
            "child_contact",
            ("Contact from", "Until"),
            check=check_child,
        ),
        KindSpec(
            DetailKind.EMPLOYMENT,
            "Employment",
            "ACT s 59 (f), s 60 (d), s 61; NSW Sch 1C cl 2",
            (
                FieldSpec("employment_type", "Kind", "choice", True, choices=EMPLOYMENT_TYPES),
                FieldSpec("nature", "Nature of the work", required=True, max_length=200),
                FieldSpec("employer", "Employer (if any)", max_length=200),
                FieldSpec("premises_address", "Premises where generally employed", max_length=300),
                FieldSpec("localities", "Localities where generally employed", max_length=300),
                FieldSpec("contact", "How to contact the person while working", max_length=200),
                FieldSpec(
                    "children_at_work",
                    "Work takes the person where they may come into contact with children",
                    "bool",
                ),
                NOTES,
            ),
            lambda d: join_parts(
                d.get("nature"),
                d.get("employer"),
                choice_label(EMPLOYMENT_TYPES, d.get("employment_type")),
            ),
            "employment",
            ("Employed from", "Until"),
            check=check_employment,
        ),
        KindSpec(
            DetailKind.CLUB,
            "Club or organisation",
            "ACT s 59 (g); NSW Sch 1C cl 3",
            (
                FieldSpec("name", "Club or organisation", required=True, max_length=200),
                FieldSpec(
                    "affiliation", "Nature of the affiliation", required=True, max_length=200
                ),
                FieldSpec(
                    "child_involvement", "Children", "choice", True, choices=CHILD_INVOLVEMENT
                ),
                FieldSpec("address", "Address or locality", max_length=300),
                NOTES,
            ),
            lambda d: join_parts(d.get("name"), d.get("affiliation")),
            "club",
            ("Affiliated from", "Until"),
        ),
        KindSpec(
            DetailKind.VEHICLE,
            "Vehicle",
            "ACT s 59 (h), s 60 (e); NSW Sch 1C cl 4",
            (
                FieldSpec("use", "Owned or generally driven", "choice", True, choices=VEHICLE_USE),
                FieldSpec("vehicle_type", "Type", "choice", True, choices=VEHICLE_TYPES),
                FieldSpec("make", "Make", required=True, max_length=60),
                FieldSpec("model", "Model", max_length=60),
                FieldSpec("colour", "Colour", max_length=40),
                FieldSpec(
                    "registration",
                    "Registration number",
                    max_length=12,
                    validators=(REGISTRATION,),
                    upper=True,
                ),
                FieldSpec("registration_state", "State of registration", max_length=40),
                FieldSpec("modifications", "Modifications", "textarea", max_length=500),
                NOTES,
            ),
            lambda d: join_parts(
                str(d.get("registration") or "unregistered").upper(),
                join_parts(d.get("colour"), d.get("make"), d.get("model"), sep=" "),
                choice_label(VEHICLE_USE, d.get("use")),
            ),
            "vehicle",
            ("Owned or driven from", "Until"),
            searchable=True,
        ),
        KindSpec(
            DetailKind.MARK,
            "Tattoo or distinguishing mark",
            "ACT s 59 (i); NSW Sch 1C cl 1 (e)",
            (
                FieldSpec("mark_type", "Type", "choice", True, choices=MARK_TYPES),
                FieldSpec("body_location", "Where on the body", required=True, max_length=100),
                FieldSpec("description", "Description", "textarea", True, max_length=500),
                NOTES,
            ),
            lambda d: join_parts(
                choice_label(MARK_TYPES, d.get("mark_type")),
                d.get("body_location"),
                d.get("description"),
            ),
            "tattoo",
            ("Acquired on", "Removed on"),
        ),
        KindSpec(
            DetailKind.CARRIAGE_SERVICE,
            "Phone or carriage service",
            "ACT s 59 (p); NSW Sch 1C cl 5 (1) (a), (c)",
            (
                FieldSpec("service_type", "Type", "choice", True, choices=SERVICE_TYPES),
                FieldSpec("number", "Number", required=True, max_length=20, validators=(PHONE,)),
                FieldSpec("provider", "Carriage service provider", max_length=100),
                NOTES,
            ),
            lambda d: join_parts(
                d.get("number"),
                choice_label(SERVICE_TYPES, d.get("service_type")),
                d.get("provider"),
            ),
            "carriage_service",
            ("Used from", "Until"),
            searchable=True,
        ),
        KindSpec(
            DetailKind.INTERNET_PROVIDER,
            "Internet service provider",
            "ACT s 59 (q), (r); NSW Sch 1C cl 5 (1) (d), (e)",
            (
                FieldSpec(
                    "provider",
                    "Internet or carriage service provider",
                    required=True,
                    max_length=100,
                ),
                FieldSpec(
                    "connection_kind",
                    "Kind of connection",
                    "choice",
                    True,
                    choices=CONNECTION_KINDS,
                ),
                NOTES,
            ),
            lambda d: join_parts(
                d.get("provider"), choice_label(CONNECTION_KINDS, d.get("connection_kind"))
            ),
            "internet_provider",
            ("Used from", "Until"),
        ),
        KindSpec(
            DetailKind.ONLINE_IDENTITY,
            "Email address or online identity",
            "ACT s 59 (s); NSW Sch 1C cl 5 (1) (b), (f), (2)",
            (
                FieldSpec("identity_type", "Type", "choice", True, choices=IDENTITY_TYPES),
                FieldSpec(
                    "identifier", "Address, user name or handle", required=True, max_length=254
                ),
                FieldSpec("service", "Service or platform", max_length=100),
                NOTES,
            ),
            lambda d: join_parts(
                d.get("identifier"),
                d.get("service"),
                choice_label(IDENTITY_TYPES, d.get("identity_type")),
            ),
            "internet_identity",
            ("Used from", "Until"),
            searchable=True,
            check=check_identity,
        ),
        KindSpec(
            DetailKind.PASSPORT,
            "Passport",
            "ACT s 59 (t)",
            (
                FieldSpec(
                    "number",
                    "Passport number",
                    required=True,
                    max_length=20,
                    validators=(PASSPORT_NO,),
                    upper=True,
                ),
                FieldSpec("country", "Country of issue", required=True, max_length=60),
                FieldSpec("issued_on", "Date of issue", "date"),
                FieldSpec("expires_on", "Date of expiry", "date"),
                FieldSpec("status", "Status", "choice", True, choices=PASSPORT_STATUS),
                NOTES,
            ),
            lambda d: join_parts(
                str(d.get("number", "")).upper(),
                d.get("country"),
                choice_label(PASSPORT_STATUS, d.get("status")),
            ),
            "passport",
            ("Held from", "Until"),
            searchable=True,
        ),
        KindSpec(
            DetailKind.REGULAR_TRAVEL,
            "Regular travel",
            "ACT s 59 (n); NSW Sch 1C cl 8",
            (
                FieldSpec(
                    "destinations", "Destinations (in general terms)", required=True, max_length=300
                ),
                FieldSpec("frequency", "Frequency", required=True, max_length=100),
                FieldSpec("reason", "Reason (in general terms)", max_length=300),
                NOTES,
            ),
            lambda d: join_parts(d.get("destinations"), d.get("frequency")),
            "regular_travel",
            ("Travelling from", "Until"),
        ),
        KindSpec(
            DetailKind.DESCRIPTION,
            "Physical description",
            "identification (not a reportable personal detail)",
            (
                FieldSpec("height_cm", "Height (cm)", "int", min_value=50, max_value=250),
                FieldSpec("build", "Build", "choice", choices=BUILDS),
                FieldSpec("hair", "Hair", max_length=60),
                FieldSpec("eyes", "Eyes", max_length=40),
                FieldSpec("complexion", "Complexion", max_length=60),
                FieldSpec("appearance", "Ethnic appearance", max_length=60),
                FieldSpec("other", "Other features", "textarea", max_length=500),
            ),
            lambda d: (
                join_parts(
                    f"{d['height_cm']} cm" if d.get("height_cm") else "",
                    choice_label(BUILDS, d.get("build")),
                    f"{d['hair']} hair" if d.get("hair") else "",
                    f"{d['eyes']} eyes" if d.get("eyes") else "",
                )
                or "Description recorded"
            ),
            None,
            ("Described as from", "Until"),
        ),
    )
}

SEARCHABLE_KINDS = frozenset(k for k, s in SPECS.items() if s.searchable)


def spec_for(kind: str) -> KindSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValidationError({"kind": "Unknown kind of personal detail."}) from None


def form_field(spec: FieldSpec) -> forms.Field:
    """The Django form field for one spec field (used by pages and by `clean_data`)."""
    common: dict[str, Any] = {
        "label": spec.label,
        "required": spec.required,
        "help_text": spec.help,
        "validators": list(spec.validators),
    }
    if spec.type == "choice":
        blank = [] if spec.required else [("", "—")]
        return forms.ChoiceField(choices=blank + list(spec.choices), **common)
    if spec.type == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if spec.type == "int":
        return forms.IntegerField(min_value=spec.min_value, max_value=spec.max_value, **common)
    if spec.type == "bool":
        common["required"] = False
        return forms.BooleanField(**common)
    widget = forms.Textarea(attrs={"rows": 3}) if spec.type == "textarea" else None
    return forms.CharField(max_length=spec.max_length, widget=widget, strip=True, **common)


def data_form_class(kind: str) -> type[forms.Form]:
    spec = spec_for(kind)
    attrs: dict[str, Any] = {f.name: form_field(f) for f in spec.fields}
    return type(f"{kind.title().replace('_', '')}DataForm", (forms.Form,), attrs)


def clean_data(kind: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a fact's `data` for `kind` and return it normalised for storage.

    Raises `ValidationError` with a per-field dict (messages a user understands). Unknown keys
    are refused, so nothing unvalidated is stored.
    """
    spec = spec_for(kind)
    unknown = sorted(set(raw) - set(spec.field_names))
    if unknown:
        raise ValidationError({unknown[0]: f"“{unknown[0]}” is not a field of this detail."})
    form = data_form_class(kind)(data={k: _form_value(v) for k, v in raw.items()})
    if not form.is_valid():
        raise ValidationError({name: errors[0] for name, errors in form.errors.items()})
    cleaned: dict[str, Any] = {}
    for f in spec.fields:
        value = form.cleaned_data.get(f.name)
        if isinstance(value, date):
            value = value.isoformat()
        if value in (None, "") or (f.type == "bool" and value is False):
            continue
        if f.upper and isinstance(value, str):
            value = value.upper()
        cleaned[f.name] = value
    if spec.check is not None:
        spec.check(cleaned)
    return cleaned


def _form_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "on" if value else ""
    return value


def summarise(kind: str, data: Mapping[str, Any]) -> str:
    return spec_for(kind).summary(data)[:400]
