"""Vocabularies of passport requests and overseas-travel permission."""

from __future__ import annotations

from django.db import models


class RequestType(models.TextChoices):
    """The three requests a registry can make of the passport authority (DFAT) since the
    Passports Legislation Amendment (Overseas Travel by Child Sex Offenders) Act 2017."""

    CANCEL_AUSTRALIAN = "cancel_australian", "Cancel an Australian passport"
    SURRENDER_FOREIGN = "surrender_foreign", "Require surrender of a foreign passport"
    ISSUE_LIMITED = "issue_limited", "Issue a limited-validity Australian passport"


class RequestStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    SENT = "sent", "Sent to the passport authority"
    ACKNOWLEDGED = "acknowledged", "Acknowledged by the passport authority"
    COMPLETED = "completed", "Outcome recorded"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATUSES = frozenset(
    {RequestStatus.DRAFT, RequestStatus.APPROVED, RequestStatus.SENT, RequestStatus.ACKNOWLEDGED}
)


class Outcome(models.TextChoices):
    CANCELLED = "cancelled", "Passport cancelled"
    SURRENDERED = "surrendered", "Passport surrendered"
    ISSUED = "issued", "Limited-validity passport issued"


OUTCOME_FOR = {
    RequestType.CANCEL_AUSTRALIAN: Outcome.CANCELLED,
    RequestType.SURRENDER_FOREIGN: Outcome.SURRENDERED,
    RequestType.ISSUE_LIMITED: Outcome.ISSUED,
}


class SendChannel(models.TextChoices):
    SECURE_EMAIL = "secure_email", "Secure email"
    PORTAL = "portal", "Passport authority portal"
    LETTER = "letter", "Letter"
    OTHER = "other", "Other"


class PermissionStatus(models.TextChoices):
    PENDING = "pending", "Awaiting decision"
    GRANTED = "granted", "Granted"
    GRANTED_WITH_CONDITIONS = "granted_with_conditions", "Granted with conditions"
    REFUSED = "refused", "Refused"


GRANTED = frozenset({PermissionStatus.GRANTED, PermissionStatus.GRANTED_WITH_CONDITIONS})
DECISIONS = (
    PermissionStatus.GRANTED,
    PermissionStatus.GRANTED_WITH_CONDITIONS,
    PermissionStatus.REFUSED,
)


class ToldHow(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    LETTER = "letter", "Letter (written notice)"
    EMAIL = "email", "Email"
    PHONE = "phone", "Telephone"


class DocumentKind(models.TextChoices):
    ITINERARY = "itinerary", "Itinerary"
    TICKET = "ticket", "Ticket or booking"
    ACCOMMODATION = "accommodation", "Accommodation"
    INVITATION = "invitation", "Invitation or letter of support"
    ASSESSMENT_FORM = "assessment_form", "Travel assessment form"
    OTHER = "other", "Other"
