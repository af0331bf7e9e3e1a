"""Personal details as bitemporal, append-only facts (DESIGN.md "The register"; ADR 0004).

A *fact* is one thing about the person — one address, one vehicle, one alias — identified by
`fact_id`. Each row is a *version* of a fact. A version is never edited: a correction, or the
end of the fact in real life, is a new version that supersedes the previous one, and both stay.

* valid time: `valid_from` … `valid_to` (both inclusive; null = unknown start / still so), the
  period during which the fact was true in the world ("where did he live on 3 March 2021?");
* recorded time: `recorded_at` … `superseded_at` (null = still the current version), who
  recorded it and from which report or source ("what did we know on 1 June?").

At most one version of a fact is current (`is_current`), enforced by a partial unique index; and
a version has at most one successor (`supersedes` is one-to-one) — two registrars correcting the
same version at once cannot both win.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.registry.choices import DetailChange, DetailKind, SourceType

__all__ = ["Detail"]


class Detail(models.Model):
    """One version of one personal-details fact (kind + structured `data`, see details/kinds)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    fact_id = models.UUIDField(default=uuid.uuid4, db_index=True)
    sequence = models.PositiveIntegerField(default=1, help_text="1 for the first version, …")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="details")
    kind = models.CharField(max_length=20, choices=DetailKind.choices)
    data = models.JSONField(default=dict)
    summary = models.CharField(max_length=400, help_text="One readable line, for lists.")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    changed_at = models.DateTimeField(
        null=True, blank=True, help_text="The moment the change happened, where hours matter."
    )
    change = models.CharField(
        max_length=10, choices=DetailChange.choices, default=DetailChange.RECORDED
    )
    withdrawn = models.BooleanField(
        default=False, help_text="This version records that the fact was recorded in error."
    )
    is_current = models.BooleanField(default=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)
    source_type = models.CharField(
        max_length=20, choices=SourceType.choices, default=SourceType.POLICE
    )
    source_reference = models.CharField(max_length=200, blank=True)
    report_id = models.UUIDField(
        null=True, blank=True, help_text="The compliance report this came from, if any."
    )
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["kind", "-valid_from", "-recorded_at"]
        indexes = [
            models.Index(fields=["person", "kind", "is_current"]),
            models.Index(fields=["person", "recorded_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["fact_id"],
                condition=models.Q(is_current=True),
                name="registry_detail_one_current_version",
            ),
            models.UniqueConstraint(
                fields=["fact_id", "sequence"], name="registry_detail_sequence_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="registry_detail_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.fact_id} #{self.sequence}"

    def valid_on(self, day: object) -> bool:
        """True when the fact was true on `day` (valid time, both ends inclusive)."""
        if self.withdrawn:
            return False
        if self.valid_from is not None and day < self.valid_from:  # type: ignore[operator]
            return False
        return not (self.valid_to is not None and day > self.valid_to)  # type: ignore[operator]
