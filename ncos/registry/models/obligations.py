"""What the law engine said about the person, and the obligations the register tracks.

`Assessment` is a snapshot of one `ncos.law.assess` answer (kept whenever the answer changes);
`Obligation` rows are upserted by the answer's obligation `key`, so a recomputation with more
facts updates the same legal obligation instead of creating another. An obligation that drops
out of the answer (the facts changed) is kept with status `withdrawn`.
"""

from __future__ import annotations

import uuid

from django.db import models

from ncos.registry.choices import ObligationStatus

__all__ = ["Assessment", "Obligation"]


class Assessment(models.Model):
    """One answer of the law engine for the person, as computed at `computed_at`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="assessments"
    )
    number = models.PositiveIntegerField(default=0, help_text="1, 2, 3… per person.")
    computed_at = models.DateTimeField()
    as_of = models.DateField()
    jurisdiction = models.CharField(max_length=3)
    engine_version = models.CharField(max_length=40, blank=True)
    case = models.JSONField(help_text="The case given to the engine (ids and dates, no names).")
    answer = models.JSONField(null=True, blank=True)
    answer_hash = models.CharField(max_length=64)
    error = models.CharField(max_length=500, blank=True)
    registrable = models.BooleanField(null=True)
    reporting_period = models.CharField(max_length=10, blank=True)
    reporting_period_start = models.DateField(null=True, blank=True)
    reporting_period_end = models.DateField(null=True, blank=True)
    trigger = models.CharField(max_length=100, blank=True, help_text="What caused the recompute.")

    class Meta:
        ordering = ["person", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["person", "number"], name="registry_assessment_number")
        ]

    def __str__(self) -> str:
        return f"assessment {self.person_id} {self.computed_at:%Y-%m-%d %H:%M}"


class Obligation(models.Model):
    """One reporting obligation of the person, keyed by the engine's stable `key`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="obligations"
    )
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=40)
    trigger_date = models.DateField(null=True, blank=True)
    trigger_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, help_text="For hour limits.")
    opens_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=15, choices=ObligationStatus.choices)
    sections = models.JSONField(default=list)
    explanation = models.TextField(blank=True)
    manner = models.JSONField(default=list)
    met_on = models.DateField(null=True, blank=True)
    days_late = models.IntegerField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="obligations")
    first_seen_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["person", "due_date", "due_at", "kind", "key"]
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="registry_obligation_key")
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.key}"

    @property
    def met_late(self) -> bool:
        return self.status == ObligationStatus.MET and bool(self.days_late)
