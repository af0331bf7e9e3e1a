"""The person: identity core, status lifecycle, revisions of the core and merges."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models

from ncos.registry.choices import PersonStatus, RecordKind, Sex

__all__ = ["Person", "PersonMerge", "PersonRevision", "StatusChange", "new_national_id"]

# Crockford's base32 without I, L, O, U: easy to read out over a phone line.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_national_id() -> str:
    """A random, human-readable national identifier, e.g. ``NCOS-7Q4K-2M9X`` (40 bits)."""
    body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"NCOS-{body[:4]}-{body[4:]}"


class Person(models.Model):
    """A person on the register (ANCOR or MPS). Personal details hang off it as `Detail` facts.

    The identity core below is mutable under optimistic concurrency: every change increments
    `version` and snapshots the core in `PersonRevision`. The current name is a cache of the
    person's current `name` fact, kept by the services for lists and titles.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    national_id = models.CharField(max_length=14, unique=True, default=new_national_id)
    family_name = models.CharField(max_length=100)
    given_names = models.CharField(max_length=150, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    place_of_birth = models.CharField(max_length=120, blank=True)
    country_of_birth = models.CharField(max_length=60, blank=True)
    status = models.CharField(
        max_length=20, choices=PersonStatus.choices, default=PersonStatus.MANAGED
    )
    record_kind = models.CharField(max_length=5, choices=RecordKind.choices, default=RecordKind.MPS)
    managing_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="managed_persons"
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_persons",
    )
    protected = models.BooleanField(
        default=False, help_text="Protected person (witness protection): clearance required."
    )
    caution = models.CharField(
        max_length=300, blank=True, help_text="Safety alert shown on the summary, e.g. violence."
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    merged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["family_name", "given_names", "date_of_birth"]
        indexes = [
            models.Index(fields=["managing_jurisdiction", "status"]),
            models.Index(fields=["family_name", "given_names"]),
            models.Index(fields=["date_of_birth"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")), name="registry_person_not_self"
            )
        ]

    def __str__(self) -> str:
        # Deliberately the national id only: a name must never reach a log line or a stub.
        return self.national_id

    @property
    def display_name(self) -> str:
        given = f", {self.given_names}" if self.given_names else ""
        return f"{self.family_name.upper()}{given}"

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None


class PersonRevision(models.Model):
    """The identity core as it stood at each version (so a conflict page can show what changed,
    and nothing about the core is ever lost)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="revisions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "version"], name="registry_revision_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} v{self.version}"


class StatusChange(models.Model):
    """One move in the lifecycle (managed → registrable → reporting ended …), never edited."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=PersonStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PersonStatus.choices)
    effective_on = models.DateField()
    reason = models.CharField(max_length=500)
    automatic = models.BooleanField(
        default=False, help_text="Made by the register from the law engine's answer."
    )
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["person", "-changed_at"]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.from_status or '—'} → {self.to_status}"


class PersonMerge(models.Model):
    """Two records found to be the same person: `merged` now points at `survivor`."""

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_in")
    merged = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="merge_out")
    reason = models.CharField(max_length=500)
    moved = models.JSONField(default=dict, help_text="Rows moved to the survivor, by type.")
    merged_at = models.DateTimeField()
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.survivor_id}"
