"""Requests by the registered person: a copy of their reportable information, or a correction.

ACT Crimes (Child Sex Offenders) Act 2005 s 122; NSW Child Protection (Offenders Registration)
Act 2000 s 19B. The deadline and its basis are computed by `ncos.cases.deadlines`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.cases.choices import CorrectionDecision, RequestChannel, RequestKind, RequestStatus

__all__ = ["AccessCopy", "AccessRequest"]


class AccessRequest(models.Model):
    """One request, logged when received, with its deadline and the task that tracks it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="access_requests"
    )
    kind = models.CharField(max_length=12, choices=RequestKind.choices)
    received_at = models.DateTimeField()
    received_on = models.DateField(help_text="The day asked, in the managing jurisdiction's zone.")
    channel = models.CharField(max_length=12, choices=RequestChannel.choices)
    description = models.TextField(max_length=4000, help_text="What the person asked for.")
    due_date = models.DateField()
    statutory = models.BooleanField(help_text="True when the Act itself fixes the due date.")
    deadline_basis = models.CharField(max_length=300)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    task = models.ForeignKey(
        "cases.Task", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # correction requests
    detail = models.ForeignKey(
        "registry.Detail",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version of the fact the person says is incorrect.",
    )
    proposed_data = models.JSONField(default=dict, blank=True)
    decision = models.CharField(max_length=10, choices=CorrectionDecision.choices, blank=True)
    decision_reasons = models.TextField(blank=True, max_length=4000)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    applied_detail = models.ForeignKey(
        "registry.Detail",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The new version that corrected the fact (accepted corrections).",
    )
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["person", "-received_at"]
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="correction") | models.Q(detail__isnull=False),
                name="cases_correction_names_a_detail",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} request {self.pk}"


class AccessCopy(models.Model):
    """One copy of the reportable information produced for a request (each export audited).

    The PDF itself is not kept: `detail_ids` names the exact fact versions it held (the register
    keeps every version), `sha256` the bytes handed over."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(AccessRequest, on_delete=models.PROTECT, related_name="copies")
    generated_at = models.DateTimeField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recipient = models.CharField(max_length=200)
    purpose = models.CharField(max_length=300)
    detail_ids = models.JSONField(default=list)
    person_version = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["request", "-generated_at"]

    def __str__(self) -> str:
        return f"copy {self.pk}"
