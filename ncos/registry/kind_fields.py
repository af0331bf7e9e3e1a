"""Vocabularies and validators of the personal-details fields (used by `kinds`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, RegexValidator

Choices = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str = "text"  # text | textarea | choice | date | int | bool
    required: bool = False
    max_length: int = 200
    choices: Choices = ()
    help: str = ""
    min_value: int | None = None
    max_value: int | None = None
    validators: tuple[Callable[[Any], None], ...] = ()
    upper: bool = False  # stored upper-case (registration and passport numbers)


@dataclass(frozen=True)
class KindSpec:
    kind: str
    label: str
    law: str
    fields: tuple[FieldSpec, ...]
    summary: Callable[[Mapping[str, Any]], str]
    engine_kind: str | None
    period_label: tuple[str, str] = ("From", "To")
    searchable: bool = False
    check: Callable[[Mapping[str, Any]], None] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def label_of(self, name: str, value: Any) -> str:
        """The readable value of one field (choice labels instead of codes)."""
        for spec in self.fields:
            if spec.name == name and spec.choices:
                return dict(spec.choices).get(value, str(value))
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return "" if value is None else str(value)


def join_parts(*parts: Any, sep: str = ", ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def choice_label(choices: Choices, value: Any) -> str:
    return dict(choices).get(value, value or "")


PHONE = RegexValidator(r"^\+?[0-9 ()\-]{6,20}$", "Enter a phone number: digits, spaces, + ( ) -.")
POSTCODE = RegexValidator(r"^[0-9A-Za-z \-]{3,10}$", "Enter a valid postcode.")
REGISTRATION = RegexValidator(
    r"^[0-9A-Za-z \-.]{1,12}$", "A registration number has up to 12 letters, digits or spaces."
)
PASSPORT_NO = RegexValidator(
    r"^[0-9A-Za-z]{5,20}$", "A passport number has 5 to 20 letters and digits, no spaces."
)

NAME_TYPES: Choices = (
    ("current", "Current name"),
    ("alias", "Alias / other name"),
    ("birth", "Name at birth"),
    ("previous", "Previous name"),
    ("nickname", "Nickname"),
)
ADDRESS_TYPES: Choices = (
    ("residence", "Premises where the person generally lives"),
    ("locality", "Locality where the person can generally be found (no fixed premises)"),
    ("postal", "Postal address for notices (NSW Sch 1C cl 1 (f))"),
)
EMPLOYMENT_TYPES: Choices = (
    ("employee", "Employee (contract of employment)"),
    ("self_employed", "Self-employed or subcontractor"),
    ("volunteer", "Volunteer for an organisation"),
    ("unpaid", "Unpaid work for a business"),
    ("training", "Practical training in a course"),
    ("religious", "Minister of religion / religious organisation"),
    ("work_for_dole", "Work for the dole"),
    ("other", "Other"),
)
VEHICLE_TYPES: Choices = (
    ("car", "Car"),
    ("motorcycle", "Motorcycle"),
    ("van", "Van"),
    ("truck", "Truck"),
    ("trailer", "Trailer or caravan"),
    ("boat", "Boat or vessel"),
    ("other", "Other transport"),
)
VEHICLE_USE: Choices = (("owned", "Owned"), ("driven", "Generally driven (7+ days in 12 months)"))
MARK_TYPES: Choices = (
    ("tattoo", "Tattoo"),
    ("scar", "Scar"),
    ("birthmark", "Birthmark"),
    ("piercing", "Piercing"),
    ("other", "Other permanent mark"),
)
SERVICE_TYPES: Choices = (
    ("mobile", "Mobile phone"),
    ("landline", "Landline"),
    ("voip", "Internet phone (VoIP)"),
    ("satellite", "Satellite phone"),
    ("other", "Other carriage service"),
)
CONNECTION_KINDS: Choices = (
    ("broadband", "Broadband / NBN"),
    ("wireless", "Wireless"),
    ("mobile", "Mobile data"),
    ("adsl", "ADSL"),
    ("dial_up", "Dial-up"),
    ("satellite", "Satellite"),
    ("other", "Other"),
)
IDENTITY_TYPES: Choices = (
    ("email", "Email address"),
    ("username", "Internet user name"),
    ("messaging", "Instant messaging user name"),
    ("chat", "Chat room user name"),
    ("social", "Social media account"),
    ("gaming", "Online gaming handle"),
    ("website", "Website or domain owned / administered"),
    ("other", "Other online identity"),
)
PASSPORT_STATUS: Choices = (
    ("held", "Held"),
    ("surrendered", "Surrendered"),
    ("cancelled", "Cancelled"),
    ("lost", "Reported lost or stolen"),
    ("expired", "Expired"),
)
CHILD_INVOLVEMENT: Choices = (
    ("members", "Has child members"),
    ("participation", "Children participate in its activities"),
    ("both", "Both"),
)
BUILDS: Choices = (
    ("slight", "Slight"),
    ("medium", "Medium"),
    ("solid", "Solid"),
    ("heavy", "Heavy"),
    ("muscular", "Muscular"),
)


def check_child(data: Mapping[str, Any]) -> None:
    if not data.get("date_of_birth") and data.get("age") in (None, ""):
        raise ValidationError({"date_of_birth": "Give the child's date of birth or age."})


def check_address(data: Mapping[str, Any]) -> None:
    if data.get("address_type") in ("residence", "postal") and not data.get("line1"):
        raise ValidationError({"line1": "Give the street address of the premises."})


def check_identity(data: Mapping[str, Any]) -> None:
    if data.get("identity_type") == "email":
        try:
            EmailValidator()(data.get("identifier") or "")
        except ValidationError:
            raise ValidationError({"identifier": "Enter a valid email address."}) from None


def check_employment(data: Mapping[str, Any]) -> None:
    if not (data.get("premises_address") or data.get("localities") or data.get("contact")):
        raise ValidationError(
            {
                "premises_address": "Give the premises where the person generally works, the "
                "localities, or how to contact them while working."
            }
        )
