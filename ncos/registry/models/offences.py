"""Charges and findings of guilt, government custody, parole and court orders.

These are the facts the law engine reasons from (`ncos.registry.services.obligations`). Each is
mutable under optimistic concurrency (`version`); every change is audited with before/after
values, and a finding that is quashed or a charge that is withdrawn keeps its row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.registry.choices import CustodyReason, OffenceOutcome, OrderKind

__all__ = ["CourtOrder", "CustodyPeriod", "Offence", "Parole"]


class _Versioned(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        abstract = True


class Offence(_Versioned):
    """A charge (managed person) and, once decided, its finding and sentence.

    `act`/`provision` name the offence as the law engine's catalogue does; `in_catalogue` says
    whether it was chosen from the catalogue (others — other jurisdictions', overseas — are
    free text and shown as "not in catalogue"). The victim is a reference only (`victim_ref`, for
    the same-incident rule), never an identity.
    """

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="offences")
    ref = models.CharField(max_length=10, help_text="Stable short reference, e.g. O1.")
    outcome = models.CharField(
        max_length=15, choices=OffenceOutcome.choices, default=OffenceOutcome.CHARGED
    )
    offence_jurisdiction = models.CharField(
        max_length=40, help_text="Whose law the offence is against: a code or a foreign country."
    )
    in_catalogue = models.BooleanField(default=False)
    catalogue_item = models.CharField(max_length=60, blank=True)
    act = models.CharField(max_length=200)
    provision = models.CharField(max_length=60)
    description = models.CharField(max_length=300, blank=True)
    circumstances = models.JSONField(default=dict, blank=True)
    engine_extra = models.JSONField(default=dict, blank=True)
    date_committed = models.DateField(null=True, blank=True)
    date_committed_to = models.DateField(null=True, blank=True)
    victim_ref = models.CharField(max_length=40, blank=True)
    victim_age = models.PositiveSmallIntegerField(null=True, blank=True)
    charge_date = models.DateField(null=True, blank=True)
    court = models.CharField(max_length=120, blank=True)
    court_reference = models.CharField(max_length=60, blank=True)
    jurisdiction_of_conviction = models.CharField(max_length=40, blank=True)
    date_found_guilty = models.DateField(null=True, blank=True)
    date_sentenced = models.DateField(null=True, blank=True)
    sentence = models.CharField(max_length=500, blank=True)
    custodial = models.BooleanField(default=False)
    imprisonment = models.BooleanField(null=True, blank=True)
    supervision = models.BooleanField(null=True, blank=True)
    custody_release_date = models.DateField(null=True, blank=True)
    non_conviction_order = models.BooleanField(default=False)
    court_exempted = models.BooleanField(default=False)
    outcome_date = models.DateField(null=True, blank=True, help_text="Not guilty / withdrawn on.")
    quashed_on = models.DateField(null=True, blank=True)
    retrial_ordered = models.BooleanField(default=False)

    class Meta:
        ordering = ["person", "date_committed", "ref"]
        constraints = [
            models.UniqueConstraint(fields=["person", "ref"], name="registry_offence_ref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.act} {self.provision}"


class CustodyPeriod(_Versioned):
    """Government custody: in on `entered_on`, out on `left_on` (null while still in)."""

    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="custody_periods"
    )
    offence = models.ForeignKey(
        Offence, on_delete=models.PROTECT, null=True, blank=True, related_name="custody_periods"
    )
    entered_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=10, choices=CustodyReason.choices)
    facility = models.CharField(max_length=120, blank=True)
    jurisdiction = models.CharField(max_length=40, blank=True)
    withdrawn = models.BooleanField(default=False, help_text="Recorded in error.")

    class Meta:
        ordering = ["person", "-entered_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(left_on__gte=models.F("entered_on")),
                name="registry_custody_period_order",
            )
        ]

    def __str__(self) -> str:
        return f"custody {self.entered_on}–{self.left_on or ''}"


class Parole(_Versioned):
    """Release on parole: from `starts_on` to `ends_on`; `term_ends_on` is the end of the term of
    imprisonment (what ACT s 84-style rules count from)."""

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="paroles")
    offence = models.ForeignKey(
        Offence, on_delete=models.PROTECT, null=True, blank=True, related_name="paroles"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    term_ends_on = models.DateField(null=True, blank=True)
    conditions = models.CharField(max_length=500, blank=True)
    withdrawn = models.BooleanField(default=False, help_text="Recorded in error.")

    class Meta:
        ordering = ["person", "-starts_on"]

    def __str__(self) -> str:
        return f"parole {self.starts_on}–{self.ends_on or ''}"


class CourtOrder(_Versioned):
    """A registration, suspension, prohibition or removal order, or a corresponding order of
    another jurisdiction, with its dates and effect."""

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="orders")
    offence = models.ForeignKey(
        Offence, on_delete=models.PROTECT, null=True, blank=True, related_name="orders"
    )
    kind = models.CharField(max_length=30, choices=OrderKind.choices)
    jurisdiction = models.CharField(max_length=40)
    court = models.CharField(max_length=120, blank=True)
    reference = models.CharField(max_length=60, blank=True)
    made_on = models.DateField()
    effective_from = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    period = models.CharField(
        max_length=10, blank=True, help_text='Reporting period a corresponding order sets: "15y".'
    )
    effect = models.CharField(max_length=1000, blank=True)
    quashed_on = models.DateField(null=True, blank=True)
    withdrawn = models.BooleanField(default=False, help_text="Recorded in error.")

    class Meta:
        ordering = ["person", "-made_on"]

    def __str__(self) -> str:
        return f"{self.kind} order {self.made_on}"
