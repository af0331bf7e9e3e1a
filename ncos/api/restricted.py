"""The one shape of a protected person's record for a caller without clearance (ACT s 119;
NSW s 19A): that a restricted record exists and which registry to contact — nothing else.

Every API operation that may answer it documents it with `or_restricted(...)`, so the schema
says "the record, or the stub".
"""

from __future__ import annotations

from typing import Any, Protocol

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers
from rest_framework.response import Response

from ncos.api.pagination import paginated

RESTRICTED_MESSAGE = "A restricted record exists. Contact the managing registry."


class _Jurisdiction(Protocol):
    code: str
    registry_unit: str
    phone: str
    email: str


class _Access(Protocol):
    person_id: Any
    jurisdiction: _Jurisdiction


class RestrictedRecordSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The record's id, so the registry can be asked about it.")
    restricted = serializers.BooleanField(help_text="Always true.")
    message = serializers.CharField()
    managing_jurisdiction = serializers.CharField()
    registry = serializers.CharField()
    contact = serializers.CharField()


def restricted_body(access: _Access) -> dict[str, Any]:
    j = access.jurisdiction
    return {
        "id": str(access.person_id),
        "restricted": True,
        "message": RESTRICTED_MESSAGE,
        "managing_jurisdiction": j.code,
        "registry": j.registry_unit,
        "contact": ", ".join(x for x in (j.registry_unit, j.phone, j.email) if x),
    }


def restricted_response(access: _Access) -> Response:
    return Response(restricted_body(access))


def or_restricted(
    serializer: type[serializers.Serializer], *, many: bool = False, paged: bool = False
) -> Any:
    """The schema of "this serializer's data (one, a list, or a page), or the restricted stub"
    (a oneOf)."""
    name = serializer.__name__.removesuffix("Serializer")
    suffix = "Page" if paged else "List" if many else ""
    shown = paginated(serializer) if paged else serializer(many=True) if many else serializer
    return PolymorphicProxySerializer(
        component_name=f"{name}{suffix}OrRestricted",
        serializers=[shown, RestrictedRecordSerializer],
        resource_type_field_name=None,
        many=False,
    )
