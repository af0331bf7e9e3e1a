"""Home-page panel: the size of the user's registry's register (counts only, no names)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.registry.choices import RecordKind
from ncos.registry.models import Person


def register_panels(request: HttpRequest) -> list[dict[str, Any]]:
    subject = subject_of(request.user)
    own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    if not decide(subject, Action.PERSON_SEARCH, own).allowed:
        return []
    code = subject.jurisdiction or ""
    persons = Person.objects.filter(managing_jurisdiction_id=code, merged_into__isnull=True)
    if not subject.protected_clearance:
        persons = persons.exclude(protected=True)
    counts = dict(persons.values_list("record_kind").annotate(n=Count("id")))

    def url(**params: str) -> str:
        return reverse("registry:person_list") + "?" + urlencode({"jurisdiction": code, **params})

    links = [
        {
            "label": "ANCOR (reporting obligations)",
            "url": url(record_kind=RecordKind.ANCOR),
            "count": counts.get(RecordKind.ANCOR, 0),
        },
        {
            "label": "MPS (managed persons)",
            "url": url(record_kind=RecordKind.MPS),
            "count": counts.get(RecordKind.MPS, 0),
        },
        {"label": "Recently changed", "url": url(sort="-updated"), "count": None},
    ]
    if decide(subject, Action.PERSON_CREATE, own).allowed:
        links.append(
            {"label": "Register a person", "url": reverse("registry:person_create"), "count": None}
        )
    return [
        {
            "title": f"The register ({code})",
            "figure": sum(counts.values()),
            "url": url(),
            "text": "persons managed by your registry",
            "links": links,
        }
    ]
