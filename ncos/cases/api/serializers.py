"""Input and output shapes of the case API (one input serializer per operation)."""

from __future__ import annotations

from typing import Any

from django.utils.dateparse import parse_datetime
from rest_framework import serializers

from ncos.accounts.models import User
from ncos.cases.choices import (
    CorrectionDecision,
    NoteCategory,
    ReferralOutcome,
    RequestChannel,
    RequestKind,
    TaskKind,
    TaskStatus,
    VisitOutcome,
    VisitStatus,
)
from ncos.cases.models import AccessCopy, AccessRequest, BreachReferral, CaseNote, Task, Visit


class AwareDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time that must carry its offset (never guessed from a server zone)."""

    def to_internal_value(self, value: Any) -> Any:
        parsed = parse_datetime(str(value)) if isinstance(value, str) else None
        if parsed is None:
            raise serializers.ValidationError("Enter a date and time like 2026-03-01T10:00+11:00.")
        if parsed.tzinfo is None:
            raise serializers.ValidationError("Give the time zone offset, e.g. +11:00.")
        return parsed


class UserRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


def _user(user: Any) -> dict[str, Any] | None:
    return None if user is None else {"id": user.pk, "username": user.username}


class OfficerField(serializers.PrimaryKeyRelatedField):
    """A user id; the service decides whether they may be assigned."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", User.objects.all())
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


# --- tasks ---------------------------------------------------------------------------------


class TaskSerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()
    national_id = serializers.CharField(source="person.national_id")
    assignee = serializers.SerializerMethodField()
    created_by = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = [
            "id",
            "person_id",
            "national_id",
            "kind",
            "title",
            "status",
            "due_date",
            "overdue",
            "assignee",
            "notes",
            "resolution",
            "details",
            "source_key",
            "created_at",
            "created_by",
            "updated_at",
            "closed_at",
            "version",
        ]

    def get_assignee(self, obj: Task) -> dict[str, Any] | None:
        return _user(obj.assignee)

    def get_created_by(self, obj: Task) -> dict[str, Any] | None:
        return _user(obj.created_by)

    def get_overdue(self, obj: Task) -> bool:
        today = self.context.get("today")
        return bool(today and obj.overdue_on(today))


class TaskCreateSerializer(serializers.Serializer):
    person_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=TaskKind.choices)
    title = serializers.CharField(max_length=200)
    due_date = serializers.DateField()
    assignee = OfficerField()
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    source_key = serializers.CharField(max_length=160, required=False, allow_blank=True)
    details = serializers.DictField(required=False)


class TaskUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=TaskStatus.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    due_date = serializers.DateField(required=False)
    resolution = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TaskReassignSerializer(serializers.Serializer):
    assignee = OfficerField(help_text="A user id, or null for the jurisdiction's queue.")
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True)


# --- caseload and officer ------------------------------------------------------------------


class CaseloadRowSerializer(serializers.Serializer):
    person_id = serializers.UUIDField(source="pk")
    national_id = serializers.CharField()
    family_name = serializers.CharField()
    given_names = serializers.CharField()
    date_of_birth = serializers.DateField()
    status = serializers.CharField()
    next_obligation_kind = serializers.CharField(source="next_kind", allow_null=True)
    next_obligation_due = serializers.DateField(source="next_due", allow_null=True)
    overdue_obligations = serializers.IntegerField()
    open_tasks = serializers.IntegerField()
    overdue_tasks = serializers.IntegerField()


class OfficerChangeSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    by = serializers.SerializerMethodField()
    from_officer = serializers.SerializerMethodField()
    to_officer = serializers.SerializerMethodField()
    reason = serializers.CharField()
    version = serializers.IntegerField()

    def get_by(self, obj: Any) -> dict[str, Any] | None:
        return _user(obj.by)

    def get_from_officer(self, obj: Any) -> dict[str, Any] | None:
        return _user(obj.from_officer)

    def get_to_officer(self, obj: Any) -> dict[str, Any] | None:
        return _user(obj.to_officer)


class CaseOfficerSerializer(serializers.Serializer):
    person_id = serializers.UUIDField()
    version = serializers.IntegerField(help_text="The person's version (use it as If-Match).")
    case_officer = UserRefSerializer(allow_null=True)
    history = OfficerChangeSerializer(many=True)


class CaseOfficerAssignSerializer(serializers.Serializer):
    officer = OfficerField(help_text="A user id, or null to leave the person unassigned.")
    reason = serializers.CharField(max_length=300)
    move_tasks = serializers.BooleanField(default=True)


# --- notes, visits, referrals --------------------------------------------------------------


class NoteSerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()
    author = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()
    readable = serializers.SerializerMethodField()

    class Meta:
        model = CaseNote
        fields = [
            "id",
            "person_id",
            "category",
            "restricted",
            "readable",
            "text",
            "author",
            "written_at",
        ]

    def _readable(self, obj: CaseNote) -> bool:
        readable = self.context.get("readable")
        return True if readable is None else obj.pk in readable

    def get_readable(self, obj: CaseNote) -> bool:
        return self._readable(obj)

    def get_text(self, obj: CaseNote) -> str | None:
        return obj.text if self._readable(obj) else None

    def get_author(self, obj: CaseNote) -> dict[str, Any] | None:
        return _user(obj.author) if self._readable(obj) else None


class NoteCreateSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=NoteCategory.choices, default=NoteCategory.GENERAL)
    text = serializers.CharField(max_length=8000)
    restricted = serializers.BooleanField(default=False)


class VisitSerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()
    officer = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = [
            "id",
            "person_id",
            "address_fact_id",
            "address_detail_id",
            "address_summary",
            "planned_for",
            "officer",
            "status",
            "visited_at",
            "outcome",
            "notes",
            "task_id",
            "created_at",
            "updated_at",
            "version",
        ]

    def get_officer(self, obj: Visit) -> dict[str, Any] | None:
        return _user(obj.officer)


class VisitCreateSerializer(serializers.Serializer):
    address_detail_id = serializers.UUIDField(help_text="A current address fact version.")
    planned_for = serializers.DateField()
    officer = OfficerField()


class VisitUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=VisitStatus.choices)
    outcome = serializers.ChoiceField(choices=VisitOutcome.choices, required=False)
    visited_at = AwareDateTimeField(required=False)
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    planned_for = serializers.DateField(required=False)
    officer = OfficerField()


class ReferralSerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()

    class Meta:
        model = BreachReferral
        fields = [
            "id",
            "person_id",
            "obligation_id",
            "obligation_key",
            "obligation_kind",
            "found_on",
            "referred_to",
            "referred_on",
            "reference",
            "status",
            "outcome",
            "outcome_on",
            "notes",
            "created_at",
            "updated_at",
            "version",
        ]


class ReferralCreateSerializer(serializers.Serializer):
    obligation_id = serializers.UUIDField()
    found_on = serializers.DateField()
    referred_to = serializers.CharField(max_length=200)
    referred_on = serializers.DateField()
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True)
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class ReferralUpdateSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ReferralOutcome.choices)
    outcome_on = serializers.DateField(required=False, allow_null=True)
    notes = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True)


# --- requests ------------------------------------------------------------------------------


class AccessCopySerializer(serializers.ModelSerializer):
    generated_by = serializers.SerializerMethodField()

    class Meta:
        model = AccessCopy
        fields = [
            "id",
            "generated_at",
            "generated_by",
            "recipient",
            "purpose",
            "detail_ids",
            "sha256",
        ]

    def get_generated_by(self, obj: AccessCopy) -> dict[str, Any] | None:
        return _user(obj.generated_by)


class AccessRequestSerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()
    copies = AccessCopySerializer(many=True, read_only=True)

    class Meta:
        model = AccessRequest
        fields = [
            "id",
            "person_id",
            "kind",
            "received_at",
            "received_on",
            "channel",
            "description",
            "due_date",
            "statutory",
            "deadline_basis",
            "status",
            "task_id",
            "detail_id",
            "proposed_data",
            "decision",
            "decision_reasons",
            "decided_at",
            "applied_detail_id",
            "completed_on",
            "copies",
            "created_at",
            "version",
        ]


class AccessRequestCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    received_at = AwareDateTimeField(help_text="With an offset, e.g. 2026-03-01T10:00+11:00.")
    channel = serializers.ChoiceField(choices=RequestChannel.choices)
    description = serializers.CharField(max_length=4000)
    detail_id = serializers.UUIDField(required=False, allow_null=True)
    proposed_data = serializers.DictField(required=False)


class AccessCopyCreateSerializer(serializers.Serializer):
    recipient = serializers.CharField(max_length=200)
    purpose = serializers.CharField(max_length=300)
    delivered_on = serializers.DateField(required=False, allow_null=True)


class CorrectionDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=CorrectionDecision.choices)
    reasons = serializers.CharField(max_length=4000)
    corrected_data = serializers.DictField(
        required=False, allow_null=True, help_text="The corrected fact data (default: as proposed)."
    )


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)
