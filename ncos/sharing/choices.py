"""Vocabularies of national sharing (travel, notifications, transfers, the inbox)."""

from __future__ import annotations

from django.db import models


class TransportMode(models.TextChoices):
    AIR = "air", "Air"
    ROAD = "road", "Road (car, bus, other vehicle)"
    RAIL = "rail", "Rail"
    SEA = "sea", "Sea"
    OTHER = "other", "Other"


class ReportManner(models.TextChoices):
    """How the travel details reached the registry: the compliance register's manners (the Act
    decides which counts: ACT s 42 (2) in person; ss 45–46 by post, fax or email; ss 47–48 in
    an approved way, s 63), or police information, which is not a report by the person."""

    IN_PERSON = "in_person", "In person at an approved reporting place"
    PHONE = "phone", "By telephone"
    EMAIL = "email", "By email"
    WRITING = "writing", "In writing (letter)"
    POLICE = "police", "Police information (not a report by the person)"


PERSON_REPORT_MANNERS = frozenset(
    {ReportManner.IN_PERSON, ReportManner.PHONE, ReportManner.EMAIL, ReportManner.WRITING}
)


class TravelState(models.TextChoices):
    PLANNED = "planned", "Planned"
    CANCELLED = "cancelled", "Cancelled (decided not to travel)"
    RETURNED = "returned", "Returned"


class ChangeKind(models.TextChoices):
    RECORDED = "recorded", "Travel details reported"
    CHANGED = "changed", "Travel plans changed"
    CANCELLED = "cancelled", "Decision not to travel"
    RETURNED = "returned", "Return reported"


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Awaiting acknowledgement"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    WITHDRAWN = "withdrawn", "Withdrawn (travel cancelled or no longer through here)"


class ContactManner(models.TextChoices):
    PHONE = "phone", "Telephone"
    IN_PERSON = "in_person", "In person"
    EMAIL = "email", "Email"
    OTHER = "other", "Other"


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    ACCEPTED = "accepted", "Accepted (management transferred)"
    REFUSED = "refused", "Refused"
    CANCELLED = "cancelled", "Cancelled by the requesting registry"


class InboxKind(models.TextChoices):
    TRAVEL_NOTIFICATION = "travel_notification", "Travel notification"
    TRAVEL_UPDATE = "travel_update", "Travel notification changed or withdrawn"
    TRANSFER_REQUEST = "transfer_request", "Transfer of management requested"
    TRANSFER_RESPONSE = "transfer_response", "Transfer of management answered"
    PASSPORT_RESPONSE = "passport_response", "Passport authority response"
