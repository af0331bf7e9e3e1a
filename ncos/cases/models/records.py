"""Case records about one person: notes, visits, breach referrals.

(The case officer is `registry.Person.case_officer`; its history is read from the register's
`PersonRevision` rows, so changes made anywhere show up.)"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.cases.choices import (
    NoteCategory,
    ReferralOutcome,
    ReferralStatus,
    VisitOutcome,
    VisitStatus,
)

__all__ = ["BreachReferral", "CaseNote", "Visit"]


class CaseNote(models.Model):
    """A case note. Append-only: a mistake is put right by a further note.

    A restricted note is visible only to its author, the person's case officer and registrars of
    the managing jurisdiction (`ncos.access.policy.may_read_restricted_note`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="case_notes"
    )
    category = models.CharField(
        max_length=20, choices=NoteCategory.choices, default=NoteCategory.GENERAL
    )
    text = models.TextField(max_length=8000)
    restricted = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["person", "-written_at"]
        indexes = [models.Index(fields=["person", "written_at"])]

    def __str__(self) -> str:
        return f"note {self.pk}"


class Visit(models.Model):
    """An address verification visit: planned, then done (with an outcome) or cancelled.

    `address_fact_id` is the register's fact (`registry.Detail.fact_id`) of the address visited;
    `address_detail` the version of it that was current when the visit was planned."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="visits")
    address_fact_id = models.UUIDField()
    address_detail = models.ForeignKey(
        "registry.Detail", on_delete=models.PROTECT, related_name="+"
    )
    address_summary = models.CharField(max_length=400, help_text="The address as planned.")
    planned_for = models.DateField()
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_visits"
    )
    status = models.CharField(
        max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    visited_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=VisitOutcome.choices, blank=True)
    notes = models.TextField(blank=True, max_length=4000)
    task = models.ForeignKey(
        "cases.Task", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["person", "-planned_for"]
        indexes = [models.Index(fields=["officer", "status", "planned_for"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done")
                | (models.Q(visited_at__isnull=False) & ~models.Q(outcome="")),
                name="cases_visit_done_has_outcome",
            )
        ]

    def __str__(self) -> str:
        return f"visit {self.pk}"


class BreachReferral(models.Model):
    """A suspected failure to comply with a reporting obligation, referred for investigation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="breach_referrals"
    )
    obligation = models.ForeignKey(
        "registry.Obligation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    obligation_key = models.CharField(
        max_length=120, help_text="The obligation's stable key (kept if the row is withdrawn)."
    )
    obligation_kind = models.CharField(max_length=40, blank=True)
    found_on = models.DateField(help_text="When the possible breach was found.")
    referred_to = models.CharField(max_length=200)
    referred_on = models.DateField()
    reference = models.CharField(max_length=100, blank=True, help_text="Their reference, if any.")
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.OPEN
    )
    outcome = models.CharField(
        max_length=20, choices=ReferralOutcome.choices, default=ReferralOutcome.PENDING
    )
    outcome_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True, max_length=4000)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["person", "-found_on"]

    def __str__(self) -> str:
        return f"referral {self.pk}"
