"""The person's passport details, updated from the passport authority's outcome through the
register's detail services (a version that supersedes, never an overwrite)."""

from __future__ import annotations

from typing import Any

from ncos.accounts.models import User
from ncos.passports.choices import Outcome
from ncos.passports.models import PassportRequest
from ncos.registry.models import Detail, Person

AUSTRALIA = "Australia"


def _passport_facts(person: Person, number: str) -> list[Detail]:
    return [
        d
        for d in Detail.objects.filter(
            person=person, kind="passport", is_current=True, withdrawn=False
        )
        if str(d.data.get("number", "")).upper() == number.upper()
    ]


def update_passport_details(actor: User, person: Person, request: PassportRequest) -> Any:
    """The register's passport details follow the outcome, through its detail services."""
    from ncos.registry import services as registry

    reason = f"Passport authority outcome of request {request.reference}"
    if request.outcome == Outcome.ISSUED:
        data = {
            "number": request.outcome_document_number,
            "country": AUSTRALIA,
            "issued_on": request.outcome_on.isoformat() if request.outcome_on else None,
            "expires_on": (
                request.outcome_expires_on.isoformat() if request.outcome_expires_on else None
            ),
            "status": "held",
            "notes": f"Limited-validity passport ({request.reference}).",
        }
        return registry.detail_record(
            actor=actor,
            person_id=person.pk,
            kind="passport",
            data={k: v for k, v in data.items() if v},
            valid_from=request.outcome_on,
            source_type="other",
            source_reference=request.reference,
        )
    status = "cancelled" if request.outcome == Outcome.CANCELLED else "surrendered"
    facts = _passport_facts(person, request.outcome_document_number)
    if facts:
        fact = facts[0]
        data = {**fact.data, "status": status}
        return registry.detail_correct(
            actor=actor,
            detail_id=fact.pk,
            data=data,
            valid_from=fact.valid_from,
            valid_to=request.outcome_on,
            reason=reason,
            source_type="other",
            source_reference=request.reference,
        )
    data = {
        "number": request.outcome_document_number,
        "country": request.passport_country or AUSTRALIA,
        "status": status,
        "notes": f"Recorded from request {request.reference}.",
    }
    if request.passport_expires_on:
        data["expires_on"] = request.passport_expires_on.isoformat()
    return registry.detail_record(
        actor=actor,
        person_id=person.pk,
        kind="passport",
        data=data,
        valid_to=request.outcome_on,
        source_type="other",
        source_reference=request.reference,
    )
