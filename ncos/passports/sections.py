"""The passports app's part of the person's travel page and its flags on travel plans."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest

from ncos.passports import selectors
from ncos.registry.models import Person


def person_section(request: HttpRequest, person: Person, today: date) -> dict[str, Any]:
    user = request.user
    managing = user.jurisdiction_id == person.managing_jurisdiction_id  # type: ignore[union-attr]
    roles = set(user.roles)  # type: ignore[union-attr]
    return {
        "template": "passports/_person_section.html",
        "permissions": selectors.person_permissions(person),
        "requests": selectors.person_requests(person),
        "can_apply": managing and bool(roles & {"registrar", "case_manager"}),
        "can_request": managing and bool(roles & {"registrar", "competent_authority"}),
    }
