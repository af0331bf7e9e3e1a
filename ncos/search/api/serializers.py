"""Input and output shapes of the search API (the same fields as the search page)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ncos.directory.models import JurisdictionCode
from ncos.registry.choices import PersonStatus
from ncos.search.query import SearchQuery
from ncos.search.selectors import MAX_PAGE_SIZE


class CommaListField(serializers.ListField):
    """A list given as repeated parameters (``?jurisdiction=ACT&jurisdiction=NSW``) or one
    comma-separated value (``?jurisdiction=ACT,NSW``)."""

    def get_value(self, dictionary: Any) -> Any:
        if not hasattr(dictionary, "getlist"):
            return super().get_value(dictionary)
        values = dictionary.getlist(self.field_name)
        if not values:
            return serializers.empty
        return [part.strip() for v in values for part in v.split(",") if part.strip()]


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="One search box: name or alias, date of birth, registration, phone, email or "
        "online identity, passport or NCOS number.",
    )
    given_names = serializers.CharField(required=False, allow_blank=True, max_length=150)
    family_name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    date_of_birth = serializers.DateField(required=False, help_text="Exact date, YYYY-MM-DD.")
    birth_year = serializers.IntegerField(required=False, min_value=1900, max_value=2100)
    born_from = serializers.DateField(required=False)
    born_to = serializers.DateField(required=False)
    address = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Words of a current or former address or locality (each a word prefix).",
    )
    registration = serializers.CharField(required=False, allow_blank=True, max_length=20)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    online = serializers.CharField(
        required=False, allow_blank=True, max_length=254, help_text="Email or online identity."
    )
    passport = serializers.CharField(required=False, allow_blank=True, max_length=20)
    jurisdiction = CommaListField(
        child=serializers.ChoiceField(choices=JurisdictionCode.choices),
        required=False,
        help_text="Managing jurisdiction(s): repeat the parameter or separate with commas.",
    )
    status = CommaListField(
        child=serializers.ChoiceField(choices=PersonStatus.choices),
        required=False,
        help_text="Status(es): repeat the parameter or separate with commas.",
    )
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE_SIZE, default=20
    )

    def to_query(self) -> SearchQuery:
        data = self.validated_data
        return SearchQuery(
            q=data.get("q", ""),
            given_names=data.get("given_names", ""),
            family_name=data.get("family_name", ""),
            date_of_birth=data.get("date_of_birth"),
            birth_year=data.get("birth_year"),
            born_from=data.get("born_from"),
            born_to=data.get("born_to"),
            address=data.get("address", ""),
            registration=data.get("registration", ""),
            phone=data.get("phone", ""),
            online=data.get("online", ""),
            passport=data.get("passport", ""),
            jurisdictions=tuple(data.get("jurisdiction", ())),
            statuses=tuple(data.get("status", ())),
        )


class ResultSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="person_id")
    national_id = serializers.CharField()
    family_name = serializers.CharField()
    given_names = serializers.CharField()
    date_of_birth = serializers.DateField()
    status = serializers.CharField()
    record_kind = serializers.CharField()
    managing_jurisdiction = serializers.CharField()
    protected = serializers.BooleanField()
    score = serializers.IntegerField(help_text="0-100; results are ordered by it.")
    reasons = serializers.ListField(child=serializers.CharField())
    url = serializers.CharField(help_text="The person's page.")


class RegistrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    registry_unit = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class RestrictedSerializer(serializers.Serializer):
    message = serializers.CharField()
    managing_jurisdiction = serializers.CharField()
    contact = RegistrySerializer()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Results the caller may see (all pages).")
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    truncated = serializers.BooleanField(help_text="More matched than the result limit.")
    results = ResultSerializer(many=True)
    restricted = RestrictedSerializer(
        many=True,
        help_text="Protected records the caller may not see: one entry per managing "
        "jurisdiction, with nothing of the records themselves.",
    )
