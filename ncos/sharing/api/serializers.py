"""Input and output serializers of the sharing API (one input serializer per operation)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ncos.directory.models import JurisdictionCode
from ncos.sharing.choices import ContactManner, ReportManner, TransportMode
from ncos.sharing.services import Itinerary, LegInput, ReturnInput

# --- input --------------------------------------------------------------------------------


class TravelLegIn(serializers.Serializer):
    destination = serializers.CharField(
        max_length=60, help_text="A jurisdiction code (ACT, NSW, …) or a foreign country."
    )
    place = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    arrive_on = serializers.DateField()
    leave_on = serializers.DateField(required=False, allow_null=True, default=None)


class ItineraryIn(serializers.Serializer):
    depart_on = serializers.DateField()
    return_on = serializers.DateField(required=False, allow_null=True, default=None)
    no_return = serializers.BooleanField(required=False, default=False)
    legs = TravelLegIn(many=True)
    transport_mode = serializers.ChoiceField(choices=TransportMode.choices)
    transport_details = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    purpose = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")

    def itinerary(self) -> Itinerary:
        d = self.validated_data
        return Itinerary(
            depart_on=d["depart_on"],
            return_on=d.get("return_on"),
            no_return=d.get("no_return", False),
            legs=[LegInput(**leg) for leg in d["legs"]],
            transport_mode=d["transport_mode"],
            transport_details=d.get("transport_details", ""),
            purpose=d.get("purpose", ""),
        )


def _place() -> serializers.CharField:
    return serializers.CharField(
        max_length=300,
        required=False,
        allow_blank=True,
        default="",
        help_text="For a report in person: the approved reporting place.",
    )


class TravelRecordIn(ItineraryIn):
    reported_on = serializers.DateField()
    report_manner = serializers.ChoiceField(
        choices=ReportManner.choices, required=False, default=ReportManner.IN_PERSON
    )
    report_place = _place()


class TravelChangeIn(ItineraryIn):
    decided_on = serializers.DateField()
    reported_on = serializers.DateField()
    report_manner = serializers.ChoiceField(
        choices=ReportManner.choices, required=False, default=ReportManner.EMAIL
    )
    report_place = _place()
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class TravelCancelIn(serializers.Serializer):
    decided_on = serializers.DateField()
    reported_on = serializers.DateField()
    report_manner = serializers.ChoiceField(
        choices=ReportManner.choices, required=False, default=ReportManner.PHONE
    )
    report_place = _place()
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class TravelReturnIn(serializers.Serializer):
    returned_on = serializers.DateField()
    reported_on = serializers.DateField()
    report_manner = serializers.ChoiceField(
        choices=ReportManner.choices, required=False, default=ReportManner.IN_PERSON
    )
    report_place = _place()
    actual_depart_on = serializers.DateField(required=False, allow_null=True, default=None)
    destinations_visited = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, default=list
    )
    passport_sighted = serializers.BooleanField(required=False, default=False)
    passport_number = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default=""
    )
    tickets_sighted = serializers.BooleanField(required=False, default=False)
    documents_sighted = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")

    def data_input(self) -> ReturnInput:
        return ReturnInput(**self.validated_data)


class NotificationAcknowledgeIn(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class NotificationContactIn(serializers.Serializer):
    contact_at = serializers.DateTimeField()
    manner = serializers.ChoiceField(choices=ContactManner.choices)
    notes = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class TransferRequestIn(serializers.Serializer):
    to_jurisdiction = serializers.ChoiceField(choices=JurisdictionCode.choices)
    entered_on = serializers.DateField()
    new_locality = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    handover_note = serializers.CharField()


class TransferNoteIn(serializers.Serializer):
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class TransferReasonIn(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class TransferCancelIn(serializers.Serializer):
    reason = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


# --- output -------------------------------------------------------------------------------


class TravelLegOut(serializers.Serializer):
    position = serializers.IntegerField()
    destination = serializers.CharField()
    overseas = serializers.BooleanField(source="is_overseas")
    place = serializers.CharField()
    arrive_on = serializers.DateField()
    leave_on = serializers.DateField(allow_null=True)


class TravelChangeOut(serializers.Serializer):
    sequence = serializers.IntegerField()
    kind = serializers.CharField()
    decided_on = serializers.DateField()
    reported_on = serializers.DateField(allow_null=True)
    report_manner = serializers.CharField()
    while_away = serializers.BooleanField()
    meets_key = serializers.CharField()
    report_id = serializers.UUIDField(allow_null=True)
    recorded_at = serializers.DateTimeField()


class ReturnCheckOut(serializers.Serializer):
    returned_on = serializers.DateField()
    reported_on = serializers.DateField()
    passport_sighted = serializers.BooleanField()
    passport_number = serializers.CharField()
    tickets_sighted = serializers.BooleanField()
    documents_sighted = serializers.CharField()
    destinations_visited = serializers.ListField(child=serializers.CharField())
    discrepancies = serializers.ListField(child=serializers.CharField())
    as_reported = serializers.BooleanField()


class NotificationBrief(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    to_jurisdiction = serializers.CharField(source="to_jurisdiction_id")
    status = serializers.CharField()
    revision = serializers.IntegerField()


class TravelOut(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    home_jurisdiction = serializers.CharField(source="home_jurisdiction_id")
    state = serializers.CharField()
    depart_on = serializers.DateField()
    return_on = serializers.DateField(allow_null=True)
    no_return = serializers.BooleanField()
    transport_mode = serializers.CharField()
    transport_details = serializers.CharField()
    purpose = serializers.CharField()
    overseas = serializers.BooleanField()
    reported_on = serializers.DateField()
    report_manner = serializers.CharField()
    cancelled_on = serializers.DateField(allow_null=True)
    returned_on = serializers.DateField(allow_null=True)
    version = serializers.IntegerField()
    legs = serializers.SerializerMethodField()
    changes = serializers.SerializerMethodField()
    notifications = serializers.SerializerMethodField()
    return_check = serializers.SerializerMethodField()

    def get_legs(self, plan: Any) -> list[dict[str, Any]]:
        return TravelLegOut(plan.legs.all(), many=True).data  # type: ignore[return-value]

    def get_changes(self, plan: Any) -> list[dict[str, Any]]:
        return TravelChangeOut(plan.changes.order_by("sequence"), many=True).data  # type: ignore[return-value]

    def get_notifications(self, plan: Any) -> list[dict[str, Any]]:
        return NotificationBrief(plan.notifications.all(), many=True).data  # type: ignore[return-value]

    def get_return_check(self, plan: Any) -> dict[str, Any] | None:
        check = getattr(plan, "return_check", None)
        return ReturnCheckOut(check).data if check else None  # type: ignore[return-value]


class NotificationOut(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    from_jurisdiction = serializers.CharField(source="from_jurisdiction_id")
    to_jurisdiction = serializers.CharField(source="to_jurisdiction_id")
    status = serializers.CharField()
    revision = serializers.IntegerField()
    content = serializers.JSONField()
    first_arrival_on = serializers.DateField()
    sent_at = serializers.DateTimeField()
    ack_due_on = serializers.DateField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    acknowledged_revision = serializers.IntegerField(allow_null=True)
    arrival_contact_at = serializers.DateTimeField(allow_null=True)
    arrival_contact_manner = serializers.CharField()
    version = serializers.IntegerField()


class TransferOut(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    person_id = serializers.UUIDField()
    from_jurisdiction = serializers.CharField(source="from_jurisdiction_id")
    to_jurisdiction = serializers.CharField(source="to_jurisdiction_id")
    entered_on = serializers.DateField()
    new_locality = serializers.CharField()
    handover_note = serializers.CharField()
    status = serializers.CharField()
    requested_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)
    decision_note = serializers.CharField()
    version = serializers.IntegerField()


class InboxItemOut(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    title = serializers.CharField()
    from_jurisdiction = serializers.CharField(source="from_jurisdiction_id", allow_null=True)
    person_id = serializers.UUIDField()
    object_type = serializers.CharField()
    object_id = serializers.UUIDField()
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField(source="is_read")
    escalated = serializers.BooleanField(source="is_escalated")
