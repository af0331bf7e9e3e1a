"""Input and output serializers of the passports API."""

from __future__ import annotations

from rest_framework import serializers

from ncos.passports.choices import DECISIONS, RequestType, SendChannel, ToldHow


class PermissionApplyIn(serializers.Serializer):
    destinations = serializers.ListField(child=serializers.CharField(max_length=60), min_length=1)
    depart_on = serializers.DateField()
    return_on = serializers.DateField(required=False, allow_null=True, default=None)
    purpose = serializers.CharField()
    applied_on = serializers.DateField()
    travel_plan_id = serializers.UUIDField(required=False, allow_null=True, default=None)


class PermissionDecideIn(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[(d.value, d.label) for d in DECISIONS])
    reasons = serializers.CharField()
    conditions = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)


class PermissionToldIn(serializers.Serializer):
    told_at = serializers.DateTimeField()
    told_how = serializers.ChoiceField(choices=ToldHow.choices)


class ForeignNoticeIn(serializers.Serializer):
    country = serializers.CharField(max_length=60)
    agency = serializers.CharField(max_length=200)
    sent_at = serializers.DateTimeField()
    channel = serializers.CharField(max_length=100)
    details_sent = serializers.CharField()
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class PermissionDocumentOut(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    title = serializers.CharField()
    content_type = serializers.CharField()
    size_bytes = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_at = serializers.DateTimeField()


class ForeignNoticeOut(serializers.Serializer):
    id = serializers.UUIDField()
    country = serializers.CharField()
    agency = serializers.CharField()
    sent_at = serializers.DateTimeField()
    channel = serializers.CharField()
    details_sent = serializers.CharField()
    reference = serializers.CharField()


class PermissionOut(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    jurisdiction = serializers.CharField(source="jurisdiction_id")
    travel_plan_id = serializers.UUIDField(allow_null=True)
    applied_on = serializers.DateField()
    destinations = serializers.ListField(child=serializers.CharField())
    depart_on = serializers.DateField()
    return_on = serializers.DateField(allow_null=True)
    purpose = serializers.CharField()
    status = serializers.CharField()
    decided_on = serializers.DateField(allow_null=True)
    reasons = serializers.CharField()
    conditions = serializers.CharField()
    told_at = serializers.DateTimeField(allow_null=True)
    told_how = serializers.CharField()
    version = serializers.IntegerField()
    documents = PermissionDocumentOut(many=True)
    foreign_notices = ForeignNoticeOut(many=True)


class RequestCreateIn(serializers.Serializer):
    request_type = serializers.ChoiceField(choices=RequestType.choices)
    grounds = serializers.CharField()
    passport_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    passport_country = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    passport_expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    surrender_by = serializers.DateField(required=False, allow_null=True, default=None)
    travel_permission = serializers.UUIDField(required=False, allow_null=True, default=None)
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)


class RequestUpdateIn(RequestCreateIn):
    request_type = None  # type: ignore[assignment]  # the type of a request never changes


class PassportNoteIn(serializers.Serializer):
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class PassportSendIn(PassportNoteIn):
    channel = serializers.ChoiceField(choices=SendChannel.choices, default=SendChannel.SECURE_EMAIL)


class PassportAcknowledgeIn(serializers.Serializer):
    authority_reference = serializers.CharField(max_length=100)
    acknowledged_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class PassportOutcomeIn(serializers.Serializer):
    outcome_on = serializers.DateField()
    document_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class PassportWithdrawIn(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class PassportEventOut(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    at = serializers.DateTimeField()
    by = serializers.CharField(source="by.username")
    note = serializers.CharField()


class RequestOut(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    jurisdiction = serializers.CharField(source="jurisdiction_id")
    request_type = serializers.CharField()
    status = serializers.CharField()
    grounds = serializers.CharField()
    passport_number = serializers.CharField()
    passport_country = serializers.CharField()
    passport_expires_on = serializers.DateField(allow_null=True)
    surrender_by = serializers.DateField(allow_null=True)
    travel_permission_id = serializers.UUIDField(allow_null=True)
    valid_until = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField(source="created_by.username")
    approved_at = serializers.DateTimeField(allow_null=True)
    approved_by = serializers.CharField(source="approved_by.username", allow_null=True)
    sent_at = serializers.DateTimeField(allow_null=True)
    sent_channel = serializers.CharField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    authority_reference = serializers.CharField()
    outcome = serializers.CharField()
    outcome_on = serializers.DateField(allow_null=True)
    outcome_document_number = serializers.CharField()
    outcome_expires_on = serializers.DateField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    withdrawn_reason = serializers.CharField()
    version = serializers.IntegerField()
    events = PassportEventOut(many=True)
