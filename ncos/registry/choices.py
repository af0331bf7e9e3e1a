"""Vocabularies of the register (TextChoices), in one place so pages, API and law mapping agree."""

from __future__ import annotations

from django.db import models


class PersonStatus(models.TextChoices):
    """Where the person stands under the Act (DESIGN.md: ANCOR vs MPS follows the status)."""

    MANAGED = "managed", "Managed person (charged, not convicted)"
    REGISTRABLE = "registrable", "Registrable offender (reporting obligations)"
    SUSPENDED = "suspended", "Reporting obligations suspended"
    OUTSIDE_AUSTRALIA = "outside_australia", "Outside Australia"
    REPORTING_ENDED = "reporting_ended", "Reporting ended (managed person)"
    FINDING_QUASHED = "finding_quashed", "Finding quashed (no longer registrable)"
    DECEASED = "deceased", "Deceased"


class RecordKind(models.TextChoices):
    ANCOR = "ANCOR", "ANCOR — Australian National Child Offender Register"
    MPS = "MPS", "MPS — Managed Person System"


# ANCOR holds people with reporting obligations (including suspended ones and those overseas,
# whose obligations continue); everyone else is kept in the MPS.
ANCOR_STATUSES = frozenset(
    {PersonStatus.REGISTRABLE, PersonStatus.SUSPENDED, PersonStatus.OUTSIDE_AUSTRALIA}
)


def record_kind_for(status: str) -> str:
    return RecordKind.ANCOR if status in ANCOR_STATUSES else RecordKind.MPS


# Which status a person may move to from each status, by a registrar's decision. Automatic moves
# made from the law engine's answer (found guilty → registrable, period over → reporting ended)
# follow the same table.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    PersonStatus.MANAGED: frozenset(
        {PersonStatus.REGISTRABLE, PersonStatus.DECEASED, PersonStatus.REPORTING_ENDED}
    ),
    PersonStatus.REGISTRABLE: frozenset(
        {
            PersonStatus.SUSPENDED,
            PersonStatus.OUTSIDE_AUSTRALIA,
            PersonStatus.REPORTING_ENDED,
            PersonStatus.FINDING_QUASHED,
            PersonStatus.DECEASED,
        }
    ),
    PersonStatus.SUSPENDED: frozenset(
        {
            PersonStatus.REGISTRABLE,
            PersonStatus.REPORTING_ENDED,
            PersonStatus.FINDING_QUASHED,
            PersonStatus.DECEASED,
        }
    ),
    PersonStatus.OUTSIDE_AUSTRALIA: frozenset(
        {
            PersonStatus.REGISTRABLE,
            PersonStatus.REPORTING_ENDED,
            PersonStatus.FINDING_QUASHED,
            PersonStatus.DECEASED,
        }
    ),
    PersonStatus.REPORTING_ENDED: frozenset(
        {PersonStatus.REGISTRABLE, PersonStatus.MANAGED, PersonStatus.DECEASED}
    ),
    PersonStatus.FINDING_QUASHED: frozenset(
        {PersonStatus.REGISTRABLE, PersonStatus.MANAGED, PersonStatus.DECEASED}
    ),
    PersonStatus.DECEASED: frozenset(),
}


class Sex(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"
    X = "x", "X (indeterminate / intersex / unspecified)"
    UNKNOWN = "unknown", "Not known"


class DetailKind(models.TextChoices):
    """Personal-details categories: ACT s 59 and NSW Sch 1C (see `details/kinds.py`)."""

    NAME = "name", "Names and aliases"
    ADDRESS = "address", "Addresses and localities"
    CHILD_HOUSEHOLD = "child_household", "Children in the household"
    CHILD_CONTACT = "child_contact", "Children with regular unsupervised contact"
    EMPLOYMENT = "employment", "Employment (incl. unpaid and volunteer work)"
    CLUB = "club", "Clubs and organisations with children"
    VEHICLE = "vehicle", "Vehicles owned or generally driven"
    MARK = "mark", "Tattoos and distinguishing marks"
    CARRIAGE_SERVICE = "carriage_service", "Phones and carriage services"
    INTERNET_PROVIDER = "internet_provider", "Internet service providers and connections"
    ONLINE_IDENTITY = "online_identity", "Email addresses and online identities"
    PASSPORT = "passport", "Passports"
    REGULAR_TRAVEL = "regular_travel", "Regular travel"
    DESCRIPTION = "description", "Physical description"


class DetailChange(models.TextChoices):
    """Why a version of a fact was recorded."""

    RECORDED = "recorded", "Recorded"
    CORRECTED = "corrected", "Corrected (the previous version was wrong)"
    UPDATED = "updated", "Updated (circumstances changed, e.g. ended)"
    WITHDRAWN = "withdrawn", "Withdrawn (recorded in error)"


class SourceType(models.TextChoices):
    REPORT = "report", "Report by the person"
    REGISTRATION = "registration", "Registration"
    POLICE = "police", "Police information"
    COURT = "court", "Court record"
    OTHER_JURISDICTION = "other_jurisdiction", "Another jurisdiction's registry"
    CORRECTIONS = "corrections", "Corrective services"
    OTHER = "other", "Other"


class OffenceOutcome(models.TextChoices):
    CHARGED = "charged", "Charged (no finding yet)"
    FOUND_GUILTY = "found_guilty", "Found guilty"
    NOT_GUILTY = "not_guilty", "Found not guilty"
    WITHDRAWN = "withdrawn", "Charge withdrawn or dismissed"
    QUASHED = "quashed", "Finding of guilt quashed"


FINDING_OUTCOMES = frozenset({OffenceOutcome.FOUND_GUILTY, OffenceOutcome.QUASHED})


class CustodyReason(models.TextChoices):
    REMAND = "remand", "Remand"
    SENTENCE = "sentence", "Serving a sentence"
    OTHER = "other", "Other government custody"


class OrderKind(models.TextChoices):
    REGISTRATION = "registration", "Registration order"
    SUSPENSION = "suspension", "Suspension of reporting obligations"
    PROHIBITION = "prohibition", "Prohibition order"
    INTERIM_PROHIBITION = "interim_prohibition", "Interim prohibition order"
    REMOVAL = "removal", "Removal from the register / exemption"
    CORRESPONDING_REGISTRATION = "corresponding_registration", "Corresponding registration order"
    CORRESPONDING_PROHIBITION = "corresponding_prohibition", "Corresponding prohibition order"
    OTHER = "other", "Other court order"


class PhotoKind(models.TextChoices):
    FACE = "face", "Face (front)"
    PROFILE = "profile", "Face (profile)"
    FULL_BODY = "full_body", "Full body"
    MARK = "mark", "Tattoo or mark"
    OTHER = "other", "Other"


class DocumentKind(models.TextChoices):
    COURT = "court", "Court document"
    NOTICE = "notice", "Notice or receipt"
    IDENTITY = "identity", "Identity document"
    CORRESPONDENCE = "correspondence", "Correspondence"
    OTHER = "other", "Other"


class ObligationStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    DUE = "due", "Due"
    MET = "met", "Met"
    OVERDUE = "overdue", "Overdue"
    SUSPENDED = "suspended", "Suspended"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
    WITHDRAWN = "withdrawn", "No longer required (facts changed)"
