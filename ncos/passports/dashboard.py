"""Dashboard panels: overseas travel without permission (the flag), applications awaiting the
competent authority, passport requests awaiting approval or an answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.passports import selectors
from ncos.passports.choices import RequestStatus


def passport_panels(request: HttpRequest) -> list[dict[str, Any]]:
    subject = subject_of(request.user)
    code = subject.jurisdiction or ""
    own = RecordRef(code)
    panels: list[dict[str, Any]] = []
    readers = decide(subject, Action.PERSON_SEARCH, own).allowed
    if code and readers:
        flagged = selectors.overseas_without_permission(code).count()
        panels.append(
            {
                "title": "Overseas travel without permission",
                "figure": flagged,
                "url": reverse("passports:travel_flags"),
                "text": (
                    f"Persons managed by {code} who travelled overseas without the competent "
                    "authority's permission."
                ),
                "links": [],
            }
        )
    if code and decide(subject, Action.PASSPORT_REQUEST, own).allowed:
        base = reverse("passports:request_list")
        links = [
            {
                "label": "Travel applications awaiting a decision",
                "url": reverse("passports:travel_flags") + "?view=applications",
                "count": selectors.pending_permissions(code).count(),
            },
            {
                "label": "Requests awaiting approval",
                "url": f"{base}?status={RequestStatus.DRAFT}",
                "count": selectors.drafts_to_approve(code).count(),
            },
            {
                "label": "Requests sent, awaiting the passport authority",
                "url": f"{base}?status={RequestStatus.SENT}",
                "count": selectors.requests_for(
                    code, selectors.RequestFilters(status=RequestStatus.SENT)
                ).count(),
            },
        ]
        panels.append(
            {
                "title": "Passports and travel permission",
                "figure": None,
                "url": base,
                "text": "",
                "links": links,
            }
        )
    return panels
