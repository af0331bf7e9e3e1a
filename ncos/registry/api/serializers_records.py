"""API shapes of offences, findings, custody, parole, orders and obligations."""

from __future__ import annotations

from rest_framework import serializers

from ncos.registry.choices import CustodyReason, OffenceOutcome, OrderKind
from ncos.registry.models import (
    Assessment,
    CourtOrder,
    CustodyPeriod,
    Obligation,
    Offence,
    Parole,
)


class OffenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Offence
        exclude = ["person", "created_by", "updated_by"]


class OffenceChargeSerializer(serializers.Serializer):
    catalogue_key = serializers.CharField(
        max_length=60, required=False, allow_blank=True, help_text="From GET /api/v1/catalogue."
    )
    offence_jurisdiction = serializers.CharField(max_length=40, required=False, allow_blank=True)
    act = serializers.CharField(max_length=200, required=False, allow_blank=True)
    provision = serializers.CharField(max_length=60, required=False, allow_blank=True)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True)
    circumstances = serializers.DictField(child=serializers.BooleanField(), required=False)
    date_committed = serializers.DateField(required=False, allow_null=True)
    date_committed_to = serializers.DateField(required=False, allow_null=True)
    victim_ref = serializers.CharField(max_length=40, required=False, allow_blank=True)
    victim_age = serializers.IntegerField(
        min_value=0, max_value=120, required=False, allow_null=True
    )
    charge_date = serializers.DateField(required=False, allow_null=True)
    court = serializers.CharField(max_length=120, required=False, allow_blank=True)
    court_reference = serializers.CharField(max_length=60, required=False, allow_blank=True)


class OffenceUpdateSerializer(OffenceChargeSerializer):
    catalogue_key = None  # type: ignore[assignment]
    date_found_guilty = serializers.DateField(required=False, allow_null=True)
    date_sentenced = serializers.DateField(required=False, allow_null=True)
    sentence = serializers.CharField(max_length=500, required=False, allow_blank=True)
    custodial = serializers.BooleanField(required=False)
    imprisonment = serializers.BooleanField(required=False, allow_null=True)
    supervision = serializers.BooleanField(required=False, allow_null=True)
    custody_release_date = serializers.DateField(required=False, allow_null=True)
    jurisdiction_of_conviction = serializers.CharField(
        max_length=40, required=False, allow_blank=True
    )
    non_conviction_order = serializers.BooleanField(required=False)
    court_exempted = serializers.BooleanField(required=False)
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class FindingSerializer(serializers.Serializer):
    date_found_guilty = serializers.DateField()
    date_sentenced = serializers.DateField(required=False, allow_null=True)
    sentence = serializers.CharField(max_length=500, required=False, allow_blank=True)
    custodial = serializers.BooleanField(required=False, default=False)
    imprisonment = serializers.BooleanField(required=False, allow_null=True)
    supervision = serializers.BooleanField(required=False, allow_null=True)
    custody_release_date = serializers.DateField(required=False, allow_null=True)
    jurisdiction_of_conviction = serializers.CharField(
        max_length=40, required=False, allow_blank=True
    )
    non_conviction_order = serializers.BooleanField(required=False)
    court_exempted = serializers.BooleanField(required=False)


class CloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[OffenceOutcome.NOT_GUILTY, OffenceOutcome.WITHDRAWN])
    on = serializers.DateField()
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class QuashSerializer(serializers.Serializer):
    quashed_on = serializers.DateField()
    retrial_ordered = serializers.BooleanField(default=False)
    reason = serializers.CharField(max_length=300)


class CustodySerializer(serializers.ModelSerializer):
    offence = serializers.UUIDField(source="offence_id", allow_null=True, required=False)
    reason = serializers.ChoiceField(choices=CustodyReason.choices)

    class Meta:
        model = CustodyPeriod
        fields = [
            "id",
            "version",
            "entered_on",
            "left_on",
            "reason",
            "facility",
            "jurisdiction",
            "offence",
            "withdrawn",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "version", "created_at", "updated_at"]


class ParoleSerializer(serializers.ModelSerializer):
    offence = serializers.UUIDField(source="offence_id", allow_null=True, required=False)

    class Meta:
        model = Parole
        fields = [
            "id",
            "version",
            "starts_on",
            "ends_on",
            "term_ends_on",
            "conditions",
            "offence",
            "withdrawn",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "version", "created_at", "updated_at"]


class OrderSerializer(serializers.ModelSerializer):
    offence = serializers.UUIDField(source="offence_id", allow_null=True, required=False)
    kind = serializers.ChoiceField(choices=OrderKind.choices)

    class Meta:
        model = CourtOrder
        fields = [
            "id",
            "version",
            "kind",
            "jurisdiction",
            "court",
            "reference",
            "made_on",
            "effective_from",
            "ends_on",
            "period",
            "effect",
            "quashed_on",
            "offence",
            "withdrawn",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "version", "created_at", "updated_at"]


class ObligationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Obligation
        fields = [
            "id",
            "key",
            "kind",
            "trigger_date",
            "trigger_at",
            "due_date",
            "due_at",
            "opens_on",
            "status",
            "sections",
            "explanation",
            "manner",
            "met_on",
            "days_late",
            "details",
            "updated_at",
        ]


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "computed_at",
            "as_of",
            "jurisdiction",
            "engine_version",
            "registrable",
            "reporting_period",
            "reporting_period_start",
            "reporting_period_end",
            "error",
            "trigger",
            "answer",
        ]


class ObligationsSerializer(serializers.Serializer):
    assessment = AssessmentSerializer(allow_null=True)
    obligations = ObligationSerializer(many=True)
