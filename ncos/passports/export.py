"""A passport request as the passport authority receives it: a JSON document (validated against
the committed JSON Schema, `schema/passport-request.schema.json`) and a PDF letter."""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from ncos.documents.render import render_pdf
from ncos.passports.choices import Outcome, PermissionStatus, RequestStatus, RequestType
from ncos.passports.models import PassportRequest
from ncos.registry.models import Detail

SCHEMA_PATH = Path(__file__).with_name("schema") / "passport-request.schema.json"
SCHEMA_VERSION = "1.0"
LEGAL_BASIS = (
    "Australian Passports Act 2005 (Cth), as amended by the Passports Legislation Amendment "
    "(Overseas Travel by Child Sex Offenders) Act 2017 (Cth): request by a competent authority "
    "about a person with reporting obligations under {act}."
)
ACTS = {
    "ACT": "the Crimes (Child Sex Offenders) Act 2005 (ACT)",
    "NSW": "the Child Protection (Offenders Registration) Act 2000 (NSW)",
}


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=FormatChecker())


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _officer(user: Any) -> dict[str, str] | None:
    if user is None:
        return None
    return {
        "username": user.username,
        "name": user.get_full_name() or user.username,
        "jurisdiction": user.jurisdiction_id or "",
    }


def legal_basis(code: str) -> str:
    return LEGAL_BASIS.format(act=ACTS.get(code, f"the child protection reporting law of {code}"))


def _other_names(person: Any) -> list[dict[str, str]]:
    names = Detail.objects.filter(
        person=person, kind="name", is_current=True, withdrawn=False
    ).order_by("recorded_at")
    return [
        {
            "family_name": str(d.data.get("family_name", "")),
            "given_names": str(d.data.get("given_names", "")),
            "name_type": str(d.data.get("name_type", "")),
        }
        for d in names
        if d.data.get("name_type") != "current"
    ]


def request_document(request: PassportRequest) -> dict[str, Any]:
    """The request as one JSON-ready dict (schema 1.0)."""
    person = request.person
    registry = request.jurisdiction
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generated_at": timezone.now().isoformat(),
        "request": {
            "id": str(request.pk),
            "reference": request.reference,
            "type": request.request_type,
            "status": request.status,
            "grounds": request.grounds,
            "legal_basis": legal_basis(registry.code),
            "created_at": request.created_at.isoformat(),
            "authority_reference": request.authority_reference or None,
        },
        "requesting_registry": {
            "jurisdiction": registry.code,
            "name": registry.name,
            "unit": registry.registry_unit,
            "email": registry.email,
            "phone": registry.phone,
            "postal_address": registry.postal_address,
            "competent_authority": registry.competent_authority,
        },
        "person": {
            "ncos_id": str(person.pk),
            "national_id": person.national_id,
            "family_name": person.family_name,
            "given_names": person.given_names,
            "other_names": _other_names(person),
            "date_of_birth": person.date_of_birth.isoformat(),
            "sex": person.sex,
            "place_of_birth": person.place_of_birth,
            "country_of_birth": person.country_of_birth,
        },
        "approval": {
            "approved": request.approved_at is not None,
            "approved_at": _iso(request.approved_at),
            "approved_by": _officer(request.approved_by),
            "raised_by": _officer(request.created_by),
        },
        "lifecycle": [
            {
                "from_status": e.from_status,
                "status": e.to_status,
                "at": e.at.isoformat(),
                "note": e.note,
            }
            for e in request.events.order_by("at", "pk")
        ],
        "outcome": None,
    }
    if request.request_type == RequestType.ISSUE_LIMITED:
        permission = request.travel_permission
        assert permission is not None  # noqa: S101 - the service requires it
        doc["limited_validity"] = {
            "valid_until": _iso(request.valid_until),
            "permission": {
                "reference": permission.reference,
                "decision": permission.status
                if permission.status != PermissionStatus.PENDING
                else "granted",
                "decided_on": _iso(permission.decided_on),
                "conditions": permission.conditions,
                "destinations": list(permission.destinations),
                "depart_on": permission.depart_on.isoformat(),
                "return_on": _iso(permission.return_on),
                "purpose": permission.purpose,
            },
        }
    else:
        doc["passport"] = {
            "number": request.passport_number,
            "country": request.passport_country,
            "expires_on": _iso(request.passport_expires_on),
            "surrender_by": _iso(request.surrender_by),
        }
    if request.status == RequestStatus.COMPLETED and request.outcome:
        doc["outcome"] = {
            "result": request.outcome,
            "date": _iso(request.outcome_on),
            "document_number": request.outcome_document_number,
            "expires_on": _iso(request.outcome_expires_on),
            "notes": request.outcome_notes,
        }
    return doc


def validate_document(doc: dict[str, Any]) -> list[str]:
    """Every schema violation as "path: message" (empty when valid)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
    ]


def request_json(request: PassportRequest) -> bytes:
    doc = request_document(request)
    problems = validate_document(doc)
    if problems:  # never hand another agency a document that breaks the interface
        raise ValueError("passport request document does not match its schema: " + problems[0])
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


def request_letter(request: PassportRequest) -> bytes:
    doc = request_document(request)
    return render_pdf(
        "documents/passport_request.html",
        {
            "registry": request.jurisdiction,
            "request": request,
            "doc": doc,
            "draft": request.approved_at is None,
            "outcome_label": Outcome(request.outcome).label if request.outcome else "",
            "type_label": RequestType(request.request_type).label,
            "status_label": RequestStatus(request.status).label,
        },
    )
