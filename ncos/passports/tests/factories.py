"""Test data for permissions and passport requests (through the services)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ncos.access.roles import Role
from ncos.passports import services
from ncos.passports.models import PassportRequest, TravelPermission
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.tests.factories import user_for

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def authority(code: str = "ACT", *, cleared: bool = False) -> Any:
    return user_for(code, Role.COMPETENT_AUTHORITY, cleared=cleared)


def second_registrar(code: str = "ACT") -> Any:
    """A registrar other than `registrar_for(code)` (the usual author)."""
    from ncos.accounts.models import User
    from ncos.common.testing.fixtures import _make_user

    username = f"passports.{code.lower()}.approver"
    return User.objects.filter(username=username).first() or _make_user(
        username, jurisdiction=code, roles=[Role.REGISTRAR], cleared=True
    )


def apply(person: Person, **kw: Any) -> TravelPermission:
    today = local_today(person)
    fields: dict[str, Any] = {
        "destinations": ["Thailand"],
        "depart_on": today + timedelta(days=30),
        "return_on": today + timedelta(days=45),
        "purpose": "Family visit",
        "applied_on": today,
    }
    fields.update(kw)
    return services.permission_apply(
        actor=registrar_for(person.managing_jurisdiction_id), person_id=person.pk, **fields
    )


def granted(person: Person, **kw: Any) -> TravelPermission:
    permission = apply(person, **kw)
    return services.permission_decide(
        actor=authority(person.managing_jurisdiction_id, cleared=person.protected),
        permission_id=permission.pk,
        expected_version=1,
        decision="granted",
        reasons="Low risk; family support confirmed.",
    )


def draft(person: Person, request_type: str = "cancel_australian", **kw: Any) -> PassportRequest:
    fields: dict[str, Any] = {"grounds": "Reporting obligations; risk of offending overseas."}
    if request_type in ("cancel_australian", "surrender_foreign"):
        fields["passport_number"] = kw.pop("passport_number", "PA1234567")
    if request_type == "surrender_foreign":
        fields["passport_country"] = kw.pop("passport_country", "New Zealand")
    if request_type == "issue_limited":
        permission = kw.pop("permission", None) or granted(person)
        fields["travel_permission"] = str(permission.pk)
        fields["valid_until"] = kw.pop("valid_until", permission.return_on + timedelta(days=5))
    fields.update(kw)
    return services.passport_request_create(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        request_type=request_type,
        **fields,
    )


def sent(person: Person, request_type: str = "cancel_australian", **kw: Any) -> PassportRequest:
    request = draft(person, request_type, **kw)
    code = person.managing_jurisdiction_id
    services.passport_request_approve(
        actor=second_registrar(code), request_id=request.pk, expected_version=1
    )
    return services.passport_request_send(
        actor=registrar_for(code), request_id=request.pk, expected_version=2
    )
