"""API shapes of the register: one output serializer per record, input serializers per write."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ncos.registry.api.serializers_records import (  # noqa: F401 - re-exported for the views
    AssessmentSerializer,
    CloseSerializer,
    CustodySerializer,
    FindingSerializer,
    ObligationSerializer,
    ObligationsSerializer,
    OffenceChargeSerializer,
    OffenceSerializer,
    OffenceUpdateSerializer,
    OrderSerializer,
    ParoleSerializer,
    QuashSerializer,
)
from ncos.registry.choices import (
    DocumentKind,
    PersonStatus,
    PhotoKind,
    Sex,
    SourceType,
)
from ncos.registry.kinds import SPECS
from ncos.registry.models import (
    Detail,
    Document,
    Person,
    Photo,
)


class _Username(serializers.CharField):
    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        return getattr(value, "username", None)


class PersonSerializer(serializers.ModelSerializer):
    managing_jurisdiction = serializers.CharField(source="managing_jurisdiction_id")
    case_officer = _Username(allow_null=True)
    merged_into = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            "national_id",
            "family_name",
            "given_names",
            "date_of_birth",
            "sex",
            "place_of_birth",
            "country_of_birth",
            "status",
            "record_kind",
            "managing_jurisdiction",
            "case_officer",
            "protected",
            "caution",
            "version",
            "created_at",
            "updated_at",
            "merged_into",
        ]

    def get_merged_into(self, obj: Person) -> str | None:
        return str(obj.merged_into_id) if obj.merged_into_id else None


class PersonStubSerializer(serializers.Serializer):
    """All an uncleared user gets of a protected person: it exists, and whom to contact."""

    id = serializers.UUIDField()
    restricted = serializers.BooleanField()
    managing_jurisdiction = serializers.CharField()
    contact = serializers.CharField()


class AliasSerializer(serializers.Serializer):
    family_name = serializers.CharField(max_length=100)
    given_names = serializers.CharField(max_length=150, required=False, allow_blank=True)


class PersonCreateSerializer(serializers.Serializer):
    family_name = serializers.CharField(max_length=100)
    given_names = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default=""
    )
    date_of_birth = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices, default=Sex.UNKNOWN)
    place_of_birth = serializers.CharField(
        max_length=120, required=False, allow_blank=True, default=""
    )
    country_of_birth = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    managing_jurisdiction = serializers.CharField(max_length=3, required=False)
    case_officer = serializers.CharField(
        max_length=150, required=False, allow_null=True, help_text="Username of the case officer."
    )
    protected = serializers.BooleanField(default=False)
    caution = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    aliases = AliasSerializer(many=True, required=False, default=list)
    source_reference = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class PersonUpdateSerializer(serializers.Serializer):
    date_of_birth = serializers.DateField(required=False)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    place_of_birth = serializers.CharField(max_length=120, required=False, allow_blank=True)
    country_of_birth = serializers.CharField(max_length=60, required=False, allow_blank=True)
    case_officer = serializers.CharField(max_length=150, required=False, allow_null=True)
    caution = serializers.CharField(max_length=300, required=False, allow_blank=True)
    protected = serializers.BooleanField(required=False)
    reason = serializers.CharField(max_length=300)


class StatusChangeSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=PersonStatus.choices)
    effective_on = serializers.DateField()
    reason = serializers.CharField(max_length=500)


class DetailSerializer(serializers.ModelSerializer):
    recorded_by = _Username(read_only=True)
    supersedes = serializers.UUIDField(source="supersedes_id", allow_null=True, read_only=True)

    class Meta:
        model = Detail
        fields = [
            "id",
            "fact_id",
            "sequence",
            "kind",
            "data",
            "summary",
            "valid_from",
            "valid_to",
            "changed_at",
            "change",
            "withdrawn",
            "is_current",
            "supersedes",
            "recorded_at",
            "recorded_by",
            "superseded_at",
            "source_type",
            "source_reference",
            "report_id",
            "reason",
        ]


class _DetailWhen(serializers.Serializer):
    valid_from = serializers.DateField(required=False, allow_null=True, default=None)
    valid_to = serializers.DateField(required=False, allow_null=True, default=None)
    changed_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    source_type = serializers.ChoiceField(choices=SourceType.choices, default=SourceType.POLICE)
    source_reference = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    report_id = serializers.UUIDField(required=False, allow_null=True, default=None)


class DetailRecordSerializer(_DetailWhen):
    kind = serializers.ChoiceField(choices=[(k, s.label) for k, s in SPECS.items()])
    data = serializers.DictField(help_text="Fields of the kind: see GET /api/v1/detail-kinds.")


class DetailCorrectSerializer(_DetailWhen):
    data = serializers.DictField()
    reason = serializers.CharField(max_length=500)


class DetailEndSerializer(serializers.Serializer):
    valid_to = serializers.DateField()
    reason = serializers.CharField(max_length=500)
    changed_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    source_type = serializers.ChoiceField(choices=SourceType.choices, default=SourceType.POLICE)
    source_reference = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    report_id = serializers.UUIDField(required=False, allow_null=True, default=None)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class PhotoSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=PhotoKind.choices)

    class Meta:
        model = Photo
        fields = [
            "id",
            "kind",
            "taken_on",
            "description",
            "mark_fact_id",
            "width",
            "height",
            "content_type",
            "size_bytes",
            "sha256",
            "uploaded_at",
            "withdrawn_at",
            "withdrawn_reason",
        ]


class DocumentSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "title",
            "document_date",
            "content_type",
            "size_bytes",
            "sha256",
            "uploaded_at",
            "withdrawn_at",
            "withdrawn_reason",
        ]


class PhotoUploadSerializer(serializers.Serializer):
    """A photograph sent as multipart/form-data; its type is checked from its content."""

    image = serializers.FileField(help_text="JPEG or PNG; checked from the content.")
    taken_on = serializers.DateField(help_text="The date the photograph was taken.")
    kind = serializers.ChoiceField(choices=PhotoKind.choices, default=PhotoKind.FACE)
    description = serializers.CharField(max_length=300, required=False, default="")
    mark_fact_id = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="The tattoo or mark it shows."
    )


class DocumentUploadSerializer(serializers.Serializer):
    """A PDF document sent as multipart/form-data; its type is checked from its content."""

    file = serializers.FileField(help_text="A PDF; checked from the content.")
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=DocumentKind.choices, default=DocumentKind.OTHER)
    document_date = serializers.DateField(required=False, allow_null=True, default=None)


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    label = serializers.CharField()
    user = serializers.CharField()
    reason = serializers.CharField()
    detail_id = serializers.UUIDField(source="detail.pk", allow_null=True, default=None)
    changes = serializers.DictField()


class MergeSerializer(serializers.Serializer):
    other = serializers.UUIDField(help_text="Id of the duplicate record to merge into this one.")
    reason = serializers.CharField(max_length=500)


class CatalogueEntrySerializer(serializers.Serializer):
    key = serializers.CharField()
    jurisdiction = serializers.CharField()
    act = serializers.CharField()
    provision = serializers.CharField()
    description = serializers.CharField()
    item = serializers.CharField()
    offence_class = serializers.CharField()
    circumstances = serializers.CharField()


class DetailKindSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    law = serializers.CharField()
    fields = serializers.ListField(child=serializers.DictField())
