"""Travel notifications: what one registry tells another about a registrable person coming
into its jurisdiction (DESIGN.md: "notifications of interstate and overseas travel"; the ACT
notice of reporting obligations: "authorities in those jurisdictions will be notified").

One notification per (travel plan, destination jurisdiction). It carries a snapshot of what the
receiving registry needs (`content`: the stays there, the dates, what the traveller must do there
under the interstate table) and nothing else of the record. A change of plans bumps `revision`
and asks for a fresh acknowledgement; a cancelled trip withdraws it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.sharing.choices import ContactManner, NotificationStatus
from ncos.sharing.models.common import new_reference


def _notification_reference() -> str:
    return new_reference("TN")


class TravelNotification(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=_notification_reference)
    plan = models.ForeignKey(
        "sharing.TravelPlan", on_delete=models.PROTECT, related_name="notifications"
    )
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="travel_notifications"
    )
    from_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    to_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=15, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    revision = models.PositiveIntegerField(default=1)
    content = models.JSONField(default=dict)
    first_arrival_on = models.DateField()
    sent_at = models.DateTimeField(help_text="When this revision was sent.")
    ack_due_on = models.DateField(
        help_text="2 working days (of the receiving jurisdiction) after it was sent."
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_revision = models.PositiveIntegerField(null=True, blank=True)
    acknowledgement_note = models.CharField(max_length=500, blank=True)
    arrival_contact_at = models.DateTimeField(null=True, blank=True)
    arrival_contact_manner = models.CharField(
        max_length=10, choices=ContactManner.choices, blank=True
    )
    arrival_contact_notes = models.CharField(max_length=500, blank=True)
    arrival_contact_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "to_jurisdiction"], name="sharing_one_notification_per_destination"
            )
        ]
        indexes = [
            models.Index(fields=["to_jurisdiction", "status", "ack_due_on"]),
            models.Index(fields=["from_jurisdiction", "status"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_pending(self) -> bool:
        return self.status == NotificationStatus.PENDING
