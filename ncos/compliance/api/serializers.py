"""JSON shapes of the compliance API (input validation only; the services decide)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ncos.compliance.choices import (
    GivenHow,
    MadeBy,
    Manner,
    NoticeReason,
    ReportKind,
    RepresentativeReason,
    RepresentativeRelationship,
    ServedHow,
)


class DetailChangeSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["record", "end", "correct"], default="record")
    kind = serializers.CharField(required=False, allow_blank=True, default="")
    data = serializers.DictField(required=False, default=dict)
    valid_from = serializers.DateField(required=False, allow_null=True)
    valid_to = serializers.DateField(required=False, allow_null=True)
    changed_at = serializers.DateTimeField(required=False, allow_null=True)
    detail_id = serializers.UUIDField(required=False, allow_null=True)
    replaces = serializers.UUIDField(required=False, allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class ReportInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReportKind.choices)
    manner = serializers.ChoiceField(choices=Manner.choices)
    received_at = serializers.DateTimeField(help_text="With its time zone offset.")
    place = serializers.IntegerField(required=False, allow_null=True)
    place_text = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    officer = serializers.IntegerField(
        required=False, allow_null=True, help_text="User id of the receiving officer (default you)."
    )
    details = DetailChangeSerializer(many=True, required=False, default=list)
    meets = serializers.ListField(
        child=serializers.CharField(max_length=120),
        required=False,
        allow_null=True,
        default=None,
        help_text="Obligation keys this report meets; null for the suggested one.",
    )
    information = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    made_by = serializers.ChoiceField(choices=MadeBy.choices, default=MadeBy.SELF)
    representative_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    representative_relationship = serializers.ChoiceField(
        choices=[("", "")] + list(RepresentativeRelationship.choices), required=False, default=""
    )
    representative_reason = serializers.ChoiceField(
        choices=[("", "")] + list(RepresentativeReason.choices), required=False, default=""
    )
    person_accompanied = serializers.BooleanField(required=False, allow_null=True, default=None)
    photo_id_sighted = serializers.BooleanField(default=False)
    id_documents = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300
    )
    id_copied = serializers.BooleanField(default=False)
    photo_taken = serializers.BooleanField(default=False)
    photo_told = serializers.BooleanField(default=False)
    fingerprints_taken = serializers.BooleanField(default=False)
    fingerprints_reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=500
    )
    fingerprints_told = serializers.BooleanField(default=False)
    privacy_offered = serializers.BooleanField(default=True)
    interpreter_present = serializers.BooleanField(default=False)
    interpreter_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    interpreter_language = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=60
    )
    interpreter_undertaking = serializers.BooleanField(default=False)
    support_person_present = serializers.BooleanField(default=False)
    support_person_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )

    def to_service(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        data["details"] = [
            {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in d.items()}
            for d in data.get("details") or []
        ]
        return data


class MetSerializer(serializers.Serializer):
    obligation_key = serializers.CharField()
    obligation_kind = serializers.CharField()
    automatic = serializers.BooleanField()
    due_date = serializers.DateField(allow_null=True)
    met_on = serializers.DateField(allow_null=True)
    days_late = serializers.IntegerField(allow_null=True)


class ReceiptSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    report_id = serializers.UUIDField()
    reference = serializers.CharField()
    sequence = serializers.IntegerField()
    sha256 = serializers.CharField()
    size_bytes = serializers.IntegerField()
    generated_at = serializers.DateTimeField()
    given_at = serializers.DateTimeField(allow_null=True)
    given_how = serializers.CharField(allow_blank=True)
    given_to = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField()
    pdf_url = serializers.CharField()


class ReportOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    jurisdiction = serializers.CharField()
    kind = serializers.CharField()
    manner = serializers.CharField()
    received_at = serializers.DateTimeField()
    received_on = serializers.DateField()
    place_text = serializers.CharField(allow_blank=True)
    officer_id = serializers.IntegerField()
    officer_name = serializers.CharField()
    made_by = serializers.CharField()
    representative_name = serializers.CharField(allow_blank=True)
    photo_id_sighted = serializers.BooleanField()
    photo_taken = serializers.BooleanField()
    fingerprints_taken = serializers.BooleanField()
    interpreter_present = serializers.BooleanField()
    support_person_present = serializers.BooleanField()
    information = serializers.CharField(allow_blank=True)
    notes = serializers.CharField(allow_blank=True, help_text="The receiving officer's notes.")
    changes = serializers.ListField(child=serializers.DictField())
    meets = MetSerializer(many=True)
    ack_due_on = serializers.DateField()
    acknowledged = serializers.BooleanField()
    acknowledgements = ReceiptSerializer(many=True)
    recorded_at = serializers.DateTimeField()


class GivenInSerializer(serializers.Serializer):
    given_at = serializers.DateTimeField()
    how = serializers.ChoiceField(choices=GivenHow.choices)
    given_to = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class NoticeInSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=NoticeReason.choices)
    occasion_date = serializers.DateField(required=False, allow_null=True, default=None)


class NoticeOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    jurisdiction = serializers.CharField()
    form = serializers.CharField()
    reason = serializers.CharField()
    occasion_date = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    generated_at = serializers.DateTimeField()
    sha256 = serializers.CharField()
    served_at = serializers.DateTimeField(allow_null=True)
    served_how = serializers.CharField(allow_blank=True)
    served_by_name = serializers.CharField(allow_blank=True)
    explained = serializers.BooleanField(allow_null=True)
    interpreter_name = serializers.CharField(allow_blank=True)
    interpreter_language = serializers.CharField(allow_blank=True)
    person_signed = serializers.BooleanField(allow_null=True)
    version = serializers.IntegerField()
    pdf_url = serializers.CharField()


class ServiceInSerializer(serializers.Serializer):
    served_at = serializers.DateTimeField()
    how = serializers.ChoiceField(choices=ServedHow.choices)
    how_other = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    served_by_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    explained = serializers.BooleanField(allow_null=True)
    explanation_note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=1000
    )
    interpreter_name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    interpreter_language = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=60
    )
    person_signed = serializers.BooleanField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
