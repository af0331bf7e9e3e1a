"""Travel a person reported (ACT ss 42–48; NSW ss 11A–11C): the plan as it stands, its legs,
every change in an append-only log, and the check made when the person reports their return.

`TravelPlan` holds the current itinerary (mutable under optimistic concurrency, `version`).
`TravelChange` rows are never edited: each report (the first notice, a change of plans, the
decision not to travel, the return) is one row with the itinerary before and after, the day the
person decided and the day they reported. The law engine's events are built from this log
(`ncos.sharing.events`), so the obligations follow what was reported, when it was reported.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.sharing.choices import ChangeKind, ReportManner, TransportMode, TravelState
from ncos.sharing.models.common import new_reference


def _travel_reference() -> str:
    return new_reference("TR")


class TravelPlan(models.Model):
    """One journey away from the managing ("home") jurisdiction, as currently reported."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=_travel_reference)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="travel_plans"
    )
    home_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The managing jurisdiction the person is leaving (its law applies).",
    )
    state = models.CharField(
        max_length=10, choices=TravelState.choices, default=TravelState.PLANNED
    )
    depart_on = models.DateField()
    return_on = models.DateField(null=True, blank=True)
    no_return = models.BooleanField(
        default=False, help_text="The person does not intend to return (ACT s 42 (2) (e))."
    )
    transport_mode = models.CharField(max_length=10, choices=TransportMode.choices)
    transport_details = models.CharField(max_length=300, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    overseas = models.BooleanField(default=False)
    reported_on = models.DateField(help_text="The day the travel details were first reported.")
    report_manner = models.CharField(max_length=15, choices=ReportManner.choices)
    cancelled_on = models.DateField(null=True, blank=True)
    returned_on = models.DateField(null=True, blank=True)
    report_id = models.UUIDField(
        null=True, blank=True, help_text="The compliance report of the first notice, if any."
    )
    version = models.PositiveIntegerField(default=1)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["person", "-depart_on", "-recorded_at"]
        indexes = [
            models.Index(fields=["home_jurisdiction", "state", "depart_on"]),
            models.Index(fields=["overseas", "state"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(return_on__isnull=True)
                | models.Q(return_on__gte=models.F("depart_on")),
                name="sharing_travel_return_after_depart",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def destinations(self) -> list[str]:
        return [leg.destination for leg in self.legs.all()]


class TravelLeg(models.Model):
    """A stay at one destination: an Australian jurisdiction or a foreign country, the address
    or locality there (ACT s 42 (2) (c), "to the extent that they are known") and the dates."""

    plan = models.ForeignKey(TravelPlan, on_delete=models.CASCADE, related_name="legs")
    position = models.PositiveSmallIntegerField()
    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.CharField(max_length=60, blank=True, help_text="For a stay overseas.")
    place = models.CharField(max_length=300, blank=True, help_text="Address or locality.")
    arrive_on = models.DateField()
    leave_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="sharing_leg_position"),
            models.CheckConstraint(
                condition=models.Q(leave_on__isnull=True)
                | models.Q(leave_on__gte=models.F("arrive_on")),
                name="sharing_leg_dates",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} #{self.position} {self.destination}"

    @property
    def destination(self) -> str:
        return self.jurisdiction_id or self.country

    @property
    def is_overseas(self) -> bool:
        return self.jurisdiction_id is None

    @property
    def nights(self) -> int | None:
        return None if self.leave_on is None else (self.leave_on - self.arrive_on).days


class TravelChange(models.Model):
    """One report about the travel, never edited (the plan's history)."""

    plan = models.ForeignKey(TravelPlan, on_delete=models.PROTECT, related_name="changes")
    sequence = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    decided_on = models.DateField(help_text="The day the person decided (or returned).")
    reported_on = models.DateField(null=True, blank=True, help_text="The day it was reported.")
    report_manner = models.CharField(max_length=15, choices=ReportManner.choices)
    report_place = models.CharField(
        max_length=300, blank=True, help_text="Where a report in person was made."
    )
    while_away = models.BooleanField(
        default=False, help_text="Decided while outside the home jurisdiction (ACT ss 45–46)."
    )
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    reason = models.CharField(max_length=500, blank=True)
    meets_key = models.CharField(
        max_length=120,
        blank=True,
        help_text="The law engine's key of the obligation this report meets (none for police "
        "information).",
    )
    report_id = models.UUIDField(
        null=True, blank=True, help_text="The compliance report recorded for it, if any."
    )
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["plan", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "sequence"], name="sharing_change_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.sequence} {self.kind}"


class ReturnCheck(models.Model):
    """The return report checked against what was reported (ACT s 47 (2) (b): passport and
    documents that verify the travel), with every discrepancy found."""

    plan = models.OneToOneField(TravelPlan, on_delete=models.PROTECT, related_name="return_check")
    returned_on = models.DateField()
    reported_on = models.DateField()
    report_manner = models.CharField(max_length=15, choices=ReportManner.choices)
    actual_depart_on = models.DateField(null=True, blank=True)
    destinations_visited = models.JSONField(default=list)
    passport_sighted = models.BooleanField(default=False)
    passport_number = models.CharField(max_length=20, blank=True)
    tickets_sighted = models.BooleanField(default=False)
    documents_sighted = models.CharField(max_length=500, blank=True)
    discrepancies = models.JSONField(default=list)
    notes = models.TextField(blank=True)
    report_id = models.UUIDField(null=True, blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"return {self.plan_id} {self.returned_on}"

    @property
    def as_reported(self) -> bool:
        return not self.discrepancies
