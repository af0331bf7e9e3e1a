"""Foundation API: who am I, and the registries' directory."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.access.drf import DeclaredActionPermission
from ncos.directory.models import Jurisdiction


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    jurisdiction = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    protected_clearance = serializers.BooleanField()


class JurisdictionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Jurisdiction
        fields = [
            "code",
            "name",
            "time_zone",
            "registry_unit",
            "email",
            "phone",
            "phone_alternative",
            "competent_authority",
            "travel_contact_threshold",
            "travel_contact_deadline",
            "travel_contact_phone",
        ]


class MeView(APIView):
    access_action = Action.SELF_SERVICE

    @extend_schema(operation_id="me_read", responses=MeSerializer)
    def get(self, request: Request) -> Response:
        user = request.user
        return Response(
            MeSerializer(
                {
                    "username": user.username,
                    "jurisdiction": user.jurisdiction_id,
                    "roles": sorted(user.roles),
                    "protected_clearance": user.protected_clearance,
                }
            ).data
        )


class JurisdictionListView(APIView):
    access_action = Action.REFERENCE_READ

    @extend_schema(operation_id="jurisdictions_list", responses=JurisdictionSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = Jurisdiction.objects.order_by("code")
        return Response(JurisdictionSerializer(rows, many=True).data)


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema at a stable URL (/api/v1/schema/), for any signed-in user."""

    access_action = Action.SELF_SERVICE
    permission_classes = [DeclaredActionPermission]


class DocsView(SpectacularSwaggerView):
    """The browsable API docs (Swagger UI served from our own static files)."""

    access_action = Action.SELF_SERVICE
    permission_classes = [DeclaredActionPermission]
