"""Reports received, their acknowledgements, notices of reporting obligations, reminders, breaches
and failures to comply (with the ACT s 116A public-notice decision).

The register (`ncos.registry`) keeps the person, their personal details and the obligations the
law engine computes. This app records what happens AROUND an obligation: the report that meets it
(ACT pt 3.4; NSW pt 3 div 4), the written acknowledgement the Act requires (ACT s 81; NSW s 12C),
the notice telling the person what they must do (ACT pt 3.7; NSW pt 3 div 1), and what the police
do when an obligation is not met (ACT s 58A, s 116A; NSW s 17).

Nothing here is deleted or overwritten: a receipt that was given is frozen (a copy of every
acknowledgement is kept, ACT s 81 (3); NSW s 12C (6)), a notice that was served stays as served.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models

from ncos.compliance.choices import (
    DecisionMakerOffice,
    FailureStatus,
    GivenHow,
    MadeBy,
    Manner,
    NoticeReason,
    PublicNoticeOutcome,
    ReportKind,
    RepresentativeReason,
    RepresentativeRelationship,
    ServedHow,
)

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str) -> str:
    """A random reference that reads well over the phone, e.g. ``R-ACT-7Q4K2M9X`` (40 bits).
    NSW s 12C (3) asks for a unique reference number for a report not made in person; ncos gives
    every report one."""
    return f"{prefix}-{''.join(secrets.choice(_ALPHABET) for _ in range(8))}"


class ReportingPlace(models.Model):
    """An approved reporting place (ACT s 64; NSW s 12 (1))."""

    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="reporting_places"
    )
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    basis = models.CharField(max_length=200, blank=True, help_text="Why it is approved.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["jurisdiction", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "name"], name="compliance_place_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    """One report received from (or for) a person with reporting obligations."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="compliance_reports"
    )
    jurisdiction = models.CharField(max_length=3, help_text="Whose Act the report was made under.")
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    manner = models.CharField(max_length=12, choices=Manner.choices)
    received_at = models.DateTimeField()
    received_on = models.DateField(help_text="The day received, in the jurisdiction's time zone.")
    place = models.ForeignKey(
        ReportingPlace, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    place_text = models.CharField(max_length=300, blank=True, help_text="As printed on receipts.")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    officer_name = models.CharField(max_length=200)
    # Who made it (ACT ss 65, 66; NSW s 12A (4), (5)).
    made_by = models.CharField(max_length=15, choices=MadeBy.choices, default=MadeBy.SELF)
    representative_name = models.CharField(max_length=200, blank=True)
    representative_relationship = models.CharField(
        max_length=10, choices=RepresentativeRelationship.choices, blank=True
    )
    representative_reason = models.CharField(
        max_length=15, choices=RepresentativeReason.choices, blank=True
    )
    person_accompanied = models.BooleanField(null=True, blank=True)
    # Identity (ACT ss 70–80; NSW ss 12D–12G).
    photo_id_sighted = models.BooleanField(default=False)
    id_documents = models.CharField(max_length=300, blank=True)
    id_copied = models.BooleanField(default=False)
    photo_taken = models.BooleanField(default=False)
    photo_told = models.BooleanField(default=False)
    fingerprints_taken = models.BooleanField(default=False)
    fingerprints_reason = models.CharField(max_length=500, blank=True)
    fingerprints_told = models.BooleanField(default=False)
    privacy_offered = models.BooleanField(default=True)
    # Interpreter (ACT s 69; NSW s 12B (2), (3)) and support person (ACT s 74; NSW s 12B (1) (b)).
    interpreter_present = models.BooleanField(default=False)
    interpreter_name = models.CharField(max_length=200, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    interpreter_undertaking = models.BooleanField(default=False)
    support_person_present = models.BooleanField(default=False)
    support_person_name = models.CharField(max_length=200, blank=True)
    # What was reported.
    information = models.TextField(
        blank=True, help_text="Other information reported (travel details, explanations)."
    )
    changes = models.JSONField(
        default=list, help_text="The personal details reported, as applied (for the receipt)."
    )
    details_snapshot = models.JSONField(
        default=list, help_text="All current personal details after the report (for the receipt)."
    )
    notes = models.TextField(blank=True, help_text="Police notes (not printed on the receipt).")
    ack_due_on = models.DateField()
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["person", "received_at"]),
            models.Index(fields=["jurisdiction", "received_on"]),
            models.Index(fields=["ack_due_on"]),
        ]

    def __str__(self) -> str:
        return self.reference


class ReportObligation(models.Model):
    """An obligation (by the engine's key) that a report meets. Fed back to the law engine as a
    `report_made` event (see `ncos.compliance.events`)."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="meets")
    obligation = models.ForeignKey(
        "registry.Obligation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    obligation_key = models.CharField(max_length=120)
    obligation_kind = models.CharField(max_length=40)
    automatic = models.BooleanField(
        default=False, help_text="Derived from a personal detail reported (not ticked by hand)."
    )
    due_date = models.DateField(null=True, blank=True)
    met_on = models.DateField(null=True, blank=True)
    days_late = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["report", "due_date", "obligation_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "obligation_key"], name="compliance_report_obligation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} meets {self.obligation_key}"


class Acknowledgement(models.Model):
    """A written acknowledgement (receipt) of a report, as a PDF kept byte for byte.

    Why the bytes and not "a hash and regenerate": the Act requires a copy of every
    acknowledgement to be kept (ACT s 81 (3); NSW s 12C (6)). A copy must be the document the
    person was given; re-rendering later could differ (template, fonts, officer's name, the
    renderer's version, the generation time printed on it). The SHA-256 is checked on every
    download, and written in the audit row, so any change to a stored copy is detected.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="acknowledgements")
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    sequence = models.PositiveIntegerField(default=1)
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size_bytes = models.PositiveIntegerField()
    generated_at = models.DateTimeField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(null=True, blank=True)
    given_how = models.CharField(max_length=10, choices=GivenHow.choices, blank=True)
    given_to = models.CharField(max_length=200, blank=True)
    given_note = models.CharField(max_length=500, blank=True)
    given_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["report", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "sequence"], name="compliance_ack_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} acknowledgement {self.sequence}"

    @property
    def reference(self) -> str:
        return f"{self.report.reference}/A{self.sequence}"


class ObligationsNotice(models.Model):
    """A written notice of the person's reporting obligations (ACT s 103; NSW ss 5–7B)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="obligation_notices"
    )
    jurisdiction = models.CharField(max_length=3, help_text="Whose Act the notice follows.")
    reason = models.CharField(max_length=15, choices=NoticeReason.choices)
    occasion_date = models.DateField(null=True, blank=True, help_text="The event it follows.")
    due_on = models.DateField(null=True, blank=True, help_text="Last day to give it, if any.")
    content = models.JSONField(help_text="What the notice says (the PDF is rendered from it).")
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size_bytes = models.PositiveIntegerField()
    generated_at = models.DateTimeField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    served_at = models.DateTimeField(null=True, blank=True)
    served_how = models.CharField(max_length=10, choices=ServedHow.choices, blank=True)
    served_how_other = models.CharField(max_length=200, blank=True)
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    served_by_name = models.CharField(max_length=200, blank=True)
    explained = models.BooleanField(null=True, blank=True)
    explanation_note = models.CharField(max_length=1000, blank=True)
    interpreter_name = models.CharField(max_length=200, blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    person_signed = models.BooleanField(
        null=True, blank=True, help_text="Signed an acknowledgement of receiving the notice."
    )
    service_note = models.CharField(max_length=1000, blank=True)
    service_recorded_at = models.DateTimeField(null=True, blank=True)
    service_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["person", "-generated_at"]

    def __str__(self) -> str:
        return self.reference


class Reminder(models.Model):
    """A reminder that an obligation falls due in `days_before` days (raised by the sweep; ncos
    sends no email — reminders are shown in the app)."""

    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="compliance_reminders"
    )
    obligation = models.ForeignKey(
        "registry.Obligation", on_delete=models.PROTECT, related_name="+"
    )
    obligation_key = models.CharField(max_length=120)
    due_date = models.DateField()
    days_before = models.PositiveIntegerField()
    raised_on = models.DateField()
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "obligation_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "due_date", "days_before"], name="compliance_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"reminder {self.obligation_key} -{self.days_before}d"


class BreachFlag(models.Model):
    """An overdue obligation for which the sweep opened a breach task (once per obligation)."""

    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="compliance_breaches"
    )
    obligation = models.ForeignKey(
        "registry.Obligation", on_delete=models.PROTECT, related_name="+"
    )
    obligation_key = models.CharField(max_length=120)
    due_date = models.DateField(null=True, blank=True)
    raised_on = models.DateField()
    task_ref = models.CharField(max_length=64, blank=True, help_text="The cases app's task id.")

    class Meta:
        ordering = ["-raised_on"]
        constraints = [
            models.UniqueConstraint(fields=["obligation"], name="compliance_breach_once")
        ]

    def __str__(self) -> str:
        return f"breach {self.obligation_key}"


class FailureToComply(models.Model):
    """A failure to report as required (ACT s 58A; NSW s 17), and whether the person can be
    located (the first condition of ACT s 116A)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="compliance_failures"
    )
    obligation_keys = models.JSONField(default=list)
    noted_on = models.DateField()
    circumstances = models.TextField()
    cannot_be_located = models.BooleanField(default=False)
    last_known = models.CharField(max_length=500, blank=True)
    locate_steps = models.TextField(blank=True, help_text="What was done to find the person.")
    status = models.CharField(
        max_length=10, choices=FailureStatus.choices, default=FailureStatus.OPEN
    )
    outcome_note = models.CharField(max_length=1000, blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-noted_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"failure {self.id}"


class PublicNoticeDecision(models.Model):
    """The chief (or a deputy chief) police officer's decision under ACT s 116A, with each
    condition of subsection (1) as found, and the notice's content under subsection (3)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    failure = models.ForeignKey(
        FailureToComply, on_delete=models.PROTECT, related_name="public_notice_decisions"
    )
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField()
    decision_maker_name = models.CharField(max_length=200)
    decision_maker_office = models.CharField(max_length=10, choices=DecisionMakerOffice.choices)
    satisfied_failed = models.BooleanField()
    satisfied_cannot_be_located = models.BooleanField()
    age_on_decision = models.PositiveIntegerField()
    believes_risk = models.BooleanField()
    risk_reasons = models.TextField(blank=True)
    believes_reduces_risk = models.BooleanField()
    reduce_reasons = models.TextField(blank=True)
    outcome = models.CharField(max_length=12, choices=PublicNoticeOutcome.choices)
    include_name = models.BooleanField(default=False)
    include_photo = models.BooleanField(default=False)
    include_description = models.BooleanField(default=False)
    description = models.CharField(max_length=1000, blank=True)
    notice_text = models.TextField(blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"s 116A decision {self.id}"
