"""/api/v1/persons/{id}/custody|parole|orders (list, record, correct), photos and documents
(metadata and upload; the files are served by the pages' audited views), the catalogue and the
vocabulary of personal details."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.api.restricted import or_restricted
from ncos.registry import services
from ncos.registry.api import serializers as s
from ncos.registry.api.common import IF_MATCH, RegistryAPIView, etag, if_match, valid
from ncos.registry.catalogue import catalogue_entries
from ncos.registry.kinds import SPECS
from ncos.registry.models import CourtOrder, CustodyPeriod, Document, Offence, Parole, Photo


def _version(request: Request) -> int:
    raw = if_match(request) or ""
    return int(raw) if raw.isdigit() else -1


def _with_offence(data: dict[str, Any], person_id: Any) -> dict[str, Any]:
    """The serializers give `offence` as an id; the services want the person's Offence."""
    data = dict(data)
    offence_id = data.pop("offence_id", None)
    if offence_id is not None:
        offence = Offence.objects.filter(pk=offence_id, person_id=person_id).first()
        if offence is None:
            raise RuleViolation("Choose one of this person's offences.", "offence")
        data["offence"] = offence
    elif "offence_id" in data:
        data["offence"] = None
    return data


class _PersonRows(RegistryAPIView):
    """A person's rows of `model`: GET lists them, POST adds one through `create`."""

    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}
    model: Any = CustodyPeriod
    serializer: Any = s.CustodySerializer

    def list(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        rows = self.model.objects.filter(person_id=access.person_id)
        return Response(self.serializer(rows, many=True).data)


class _RecordList(_PersonRows):
    create: Any = staticmethod(services.custody_record)

    def add(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def go() -> Any:
            data = _with_offence(valid(self.serializer, request.data), access.person_id)
            return type(self).create(actor=request.user, person_id=access.person_id, **data)

        obj = self.write(request, access, go)
        response = Response(self.serializer(obj).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(obj.version)
        return response


class _RecordUpdate(RegistryAPIView):
    access_actions = {"PATCH": Action.PERSON_UPDATE}
    model: Any = CustodyPeriod
    serializer: Any = s.CustodySerializer
    kwarg = "custody_id"
    update: Any = staticmethod(services.custody_update)

    def change(self, request: Request, person_id: Any, pk: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)
        if not self.model.objects.filter(pk=pk, person_id=access.person_id).exists():
            raise NotFound("record not found")

        def go() -> Any:
            data = valid(self.serializer, request.data, partial=True)
            changes = _with_offence(data, access.person_id)
            return type(self).update(
                actor=request.user,
                expected_version=_version(request),
                changes=changes,
                **{self.kwarg: pk},
            )

        obj = self.write(request, access, go, needs_match=True)
        response = Response(self.serializer(obj).data)
        response["ETag"] = etag(obj.version)
        return response


class CustodyListView(_RecordList):
    @extend_schema(
        operation_id="persons_custody_list", responses=or_restricted(s.CustodySerializer, many=True)
    )
    def get(self, request: Request, person_id: Any) -> Response:
        return self.list(request, person_id)

    @extend_schema(
        operation_id="persons_custody_record",
        request=s.CustodySerializer,
        responses={201: s.CustodySerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        return self.add(request, person_id)


class CustodyUpdateView(_RecordUpdate):
    @extend_schema(
        operation_id="persons_custody_update",
        request=s.CustodySerializer,
        parameters=[IF_MATCH],
        responses=s.CustodySerializer,
    )
    def patch(self, request: Request, person_id: Any, custody_id: Any) -> Response:
        return self.change(request, person_id, custody_id)


class ParoleListView(_RecordList):
    model, serializer = Parole, s.ParoleSerializer
    create = staticmethod(services.parole_record)

    @extend_schema(
        operation_id="persons_parole_list", responses=or_restricted(s.ParoleSerializer, many=True)
    )
    def get(self, request: Request, person_id: Any) -> Response:
        return self.list(request, person_id)

    @extend_schema(
        operation_id="persons_parole_record",
        request=s.ParoleSerializer,
        responses={201: s.ParoleSerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        return self.add(request, person_id)


class ParoleUpdateView(_RecordUpdate):
    model, serializer, kwarg = Parole, s.ParoleSerializer, "parole_id"
    update = staticmethod(services.parole_update)

    @extend_schema(
        operation_id="persons_parole_update",
        request=s.ParoleSerializer,
        parameters=[IF_MATCH],
        responses=s.ParoleSerializer,
    )
    def patch(self, request: Request, person_id: Any, parole_id: Any) -> Response:
        return self.change(request, person_id, parole_id)


class OrderListView(_RecordList):
    model, serializer = CourtOrder, s.OrderSerializer
    create = staticmethod(services.order_record)

    @extend_schema(
        operation_id="persons_orders_list", responses=or_restricted(s.OrderSerializer, many=True)
    )
    def get(self, request: Request, person_id: Any) -> Response:
        return self.list(request, person_id)

    @extend_schema(
        operation_id="persons_orders_record",
        request=s.OrderSerializer,
        responses={201: s.OrderSerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        return self.add(request, person_id)


class OrderUpdateView(_RecordUpdate):
    model, serializer, kwarg = CourtOrder, s.OrderSerializer, "order_id"
    update = staticmethod(services.order_update)

    @extend_schema(
        operation_id="persons_orders_update",
        request=s.OrderSerializer,
        parameters=[IF_MATCH],
        responses=s.OrderSerializer,
    )
    def patch(self, request: Request, person_id: Any, order_id: Any) -> Response:
        return self.change(request, person_id, order_id)


class _FileList(_PersonRows):
    """Metadata of a person's files; POST uploads one (multipart/form-data)."""

    parser_classes = [MultiPartParser, JSONParser]
    model: Any = Photo
    serializer: Any = s.PhotoSerializer
    upload_serializer: Any = s.PhotoUploadSerializer
    create: Any = staticmethod(services.photo_upload)

    def upload(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def go() -> Any:
            data = valid(self.upload_serializer, request.data)  # named as the service's kwargs
            return type(self).create(actor=request.user, person_id=access.person_id, **data)

        obj = self.write(request, access, go)
        return Response(self.serializer(obj).data, status=status.HTTP_201_CREATED)


class PhotosView(_FileList):
    @extend_schema(
        operation_id="persons_photos_list",
        responses=or_restricted(s.PhotoSerializer, many=True),
        description="Metadata only; the image is served by the audited page view "
        "/persons/{id}/photos/{photo_id}/image.",
    )
    def get(self, request: Request, person_id: Any) -> Response:
        return self.list(request, person_id)

    @extend_schema(
        operation_id="persons_photos_upload",
        request={"multipart/form-data": s.PhotoUploadSerializer},
        responses={201: s.PhotoSerializer},
        description="Type and size are checked from the content; a thumbnail is made.",
    )
    def post(self, request: Request, person_id: Any) -> Response:
        return self.upload(request, person_id)


class DocumentsView(_FileList):
    model = Document
    serializer = s.DocumentSerializer
    upload_serializer = s.DocumentUploadSerializer
    create = staticmethod(services.document_upload)

    @extend_schema(
        operation_id="persons_documents_list",
        responses=or_restricted(s.DocumentSerializer, many=True),
    )
    def get(self, request: Request, person_id: Any) -> Response:
        return self.list(request, person_id)

    @extend_schema(
        operation_id="persons_documents_upload",
        request={"multipart/form-data": s.DocumentUploadSerializer},
        responses={201: s.DocumentSerializer},
        description="A PDF, checked from its content; served by the audited page view.",
    )
    def post(self, request: Request, person_id: Any) -> Response:
        return self.upload(request, person_id)


class CatalogueView(APIView):
    access_action = Action.REFERENCE_READ

    @extend_schema(
        operation_id="catalogue_list",
        parameters=[
            OpenApiParameter("jurisdiction", OpenApiTypes.STR, enum=["ACT", "NSW"]),
            OpenApiParameter("q", OpenApiTypes.STR),
        ],
        responses=s.CatalogueEntrySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        jurisdiction = request.query_params.get("jurisdiction", "ACT")[:3]
        entries = catalogue_entries(jurisdiction, request.query_params.get("q", "")[:100], 200)
        return Response(s.CatalogueEntrySerializer(entries, many=True).data)


class DetailKindsView(APIView):
    access_action = Action.REFERENCE_READ

    @extend_schema(operation_id="detail_kinds_list", responses=s.DetailKindSerializer(many=True))
    def get(self, request: Request) -> Response:
        body = [
            {
                "kind": k,
                "label": spec.label,
                "law": spec.law,
                "fields": [
                    {
                        "name": f.name,
                        "label": f.label,
                        "type": f.type,
                        "required": f.required,
                        "choices": [c for c, _ in f.choices],
                    }
                    for f in spec.fields
                ],
            }
            for k, spec in SPECS.items()
        ]
        return Response(body)
