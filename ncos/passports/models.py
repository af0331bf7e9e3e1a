"""Overseas-travel permission (the competent authority's decision; NSW s 11G; the ACT notice of
reporting obligations: the Chief Police Officer) and passport requests to the passport authority
(cancel an Australian passport, require surrender of a foreign one, issue a limited-validity one).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.passports.choices import (
    DocumentKind,
    Outcome,
    PermissionStatus,
    RequestStatus,
    RequestType,
    SendChannel,
    ToldHow,
)
from ncos.sharing.models import new_reference

__all__ = [
    "ForeignNotice",
    "PassportRequest",
    "PassportRequestEvent",
    "PermissionDocument",
    "TravelPermission",
]


def _permission_reference() -> str:
    return new_reference("TP")


def _request_reference() -> str:
    return new_reference("PR")


class TravelPermission(models.Model):
    """An application to travel outside Australia and the competent authority's decision."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=_permission_reference)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="travel_permissions"
    )
    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    travel_plan = models.ForeignKey(
        "sharing.TravelPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="permissions",
    )
    applied_on = models.DateField()
    destinations = models.JSONField(default=list, help_text="Countries, in order of travel.")
    depart_on = models.DateField()
    return_on = models.DateField(null=True, blank=True)
    purpose = models.TextField()
    status = models.CharField(
        max_length=25, choices=PermissionStatus.choices, default=PermissionStatus.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reasons = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    told_at = models.DateTimeField(null=True, blank=True)
    told_how = models.CharField(max_length=10, choices=ToldHow.choices, blank=True)
    told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-applied_on", "-recorded_at"]
        indexes = [models.Index(fields=["jurisdiction", "status"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def granted(self) -> bool:
        return self.status in (PermissionStatus.GRANTED, PermissionStatus.GRANTED_WITH_CONDITIONS)


class PermissionDocument(models.Model):
    """A supporting document of an application: checked by its content (PDF, JPEG or PNG),
    stored under a random name outside the web root, served only by an access-checked view."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    permission = models.ForeignKey(
        TravelPermission, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    storage_name = models.CharField(max_length=100, unique=True)
    content_type = models.CharField(max_length=40)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["permission", "uploaded_at"]

    def __str__(self) -> str:
        return f"document {self.id}"


class ForeignNotice(models.Model):
    """A record that a foreign law enforcement agency was told of the travel, and what was
    sent (the AFP's policy in the ACT notice of reporting obligations; NSW s 11E)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    permission = models.ForeignKey(
        TravelPermission, on_delete=models.PROTECT, related_name="foreign_notices"
    )
    country = models.CharField(max_length=60)
    agency = models.CharField(max_length=200)
    sent_at = models.DateTimeField()
    channel = models.CharField(max_length=100)
    details_sent = models.TextField()
    reference = models.CharField(max_length=100, blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["permission", "sent_at"]

    def __str__(self) -> str:
        return f"{self.country} {self.sent_at:%Y-%m-%d}"


class PassportRequest(models.Model):
    """A request to the passport authority, from draft to its outcome (or withdrawal)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=_request_reference)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="passport_requests"
    )
    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    request_type = models.CharField(max_length=20, choices=RequestType.choices)
    status = models.CharField(
        max_length=15, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    grounds = models.TextField(help_text="Why the request is made (reporting obligations, …).")
    # cancel an Australian passport / surrender of a foreign passport
    passport_number = models.CharField(max_length=20, blank=True)
    passport_country = models.CharField(max_length=60, blank=True)
    passport_expires_on = models.DateField(null=True, blank=True)
    surrender_by = models.DateField(null=True, blank=True)
    # issue a limited-validity Australian passport
    travel_permission = models.ForeignKey(
        TravelPermission,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="passport_requests",
    )
    valid_until = models.DateField(null=True, blank=True)
    # lifecycle
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_channel = models.CharField(max_length=15, choices=SendChannel.choices, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    authority_reference = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(max_length=15, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_document_number = models.CharField(max_length=20, blank=True)
    outcome_expires_on = models.DateField(null=True, blank=True)
    outcome_notes = models.CharField(max_length=1000, blank=True)
    outcome_detail_id = models.UUIDField(
        null=True, blank=True, help_text="The passport detail version written from the outcome."
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["jurisdiction", "status"])]

    def __str__(self) -> str:
        return self.reference


class PassportRequestEvent(models.Model):
    """One move of a request through its lifecycle (never edited)."""

    request = models.ForeignKey(PassportRequest, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(max_length=15, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=15, choices=RequestStatus.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["request", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status or '—'} → {self.to_status}"
