"""The reporting calculator page (issue 3): facts in a form, the law's answer with its reasons."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.views import requires
from ncos.law import CaseError, assess
from ncos.law.catalogue import rows
from ncos.web.calculator import CaseForm, EventFormSet, OffenceFormSet, build_case

ADD_BUTTONS = {"add_offence": "offences", "add_event": "events"}


def _with_extra_row(data: QueryDict, prefix: str) -> QueryDict:
    grown = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    grown[key] = str(int(grown.get(key, "0") or 0) + 1)
    return grown


def _catalogue_hints(jurisdiction: str) -> list[dict[str, str]]:
    code = jurisdiction if jurisdiction in ("ACT", "NSW") else "ACT"
    return [
        {"act": r.act, "provision": r.provision, "label": f"{r.description} ({r.offence_class})"}
        for r in rows(code)
    ]


@requires(Action.ASSESS)
def calculator(request: HttpRequest) -> HttpResponse:
    user = request.user
    jurisdiction = getattr(user, "jurisdiction", None)
    today = timezone.localdate(timezone=jurisdiction.zone) if jurisdiction else timezone.localdate()
    answer: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    case_json = ""

    if request.method == "POST":
        data = request.POST
        for button, prefix in ADD_BUTTONS.items():
            if button in data:
                data = _with_extra_row(data, prefix)
        case_form = CaseForm(data)
        offences = OffenceFormSet(data, prefix="offences")
        events = EventFormSet(data, prefix="events")
        adding = any(button in request.POST for button in ADD_BUTTONS)
        if "assess_json" in request.POST:
            case_json = request.POST.get("case_json", "")
            answer, error = _assess_json(case_json)
        elif not adding and case_form.is_valid() and offences.is_valid() and events.is_valid():
            case = build_case(case_form, offences, events)
            case_json = json.dumps(case, indent=2)
            try:
                answer = assess(case)
            except CaseError as exc:
                error = exc.to_dict()
    else:
        case_form = CaseForm(
            initial={
                "jurisdiction": getattr(jurisdiction, "code", "ACT"),
                "as_of": today,
            }
        )
        offences = OffenceFormSet(prefix="offences", initial=[{}])
        events = EventFormSet(prefix="events", initial=[{}])

    chosen = case_form.data.get("jurisdiction") or getattr(jurisdiction, "code", "ACT")
    hints = _catalogue_hints(str(chosen))
    context = {
        "case_form": case_form,
        "offences": offences,
        "events": events,
        "answer": answer,
        "error": error,
        "case_json": case_json,
        "catalogue": hints,
        "catalogue_acts": sorted({h["act"] for h in hints}),
    }
    return render(request, "web/calculator.html", context, status=400 if error else 200)


def _assess_json(text: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    try:
        case = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, {
            "error": f"The case is not valid JSON: {exc.msg} (line {exc.lineno}).",
            "field": None,
        }
    if not isinstance(case, dict):
        return None, {"error": "Paste one case (a JSON object).", "field": None}
    try:
        return assess(case), None
    except CaseError as exc:
        return None, exc.to_dict()
