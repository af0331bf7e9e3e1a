"""The person's case page and the forms hanging off it: tasks, notes, visits, referrals, the
case officer."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import decide
from ncos.access.subjects import subject_of
from ncos.cases import services
from ncos.cases.forms import (
    NoteForm,
    OfficerAssignForm,
    ReferralForm,
    ReferralUpdateForm,
    TaskCreateForm,
    VisitPlanForm,
    VisitRecordForm,
    local_moment,
)
from ncos.cases.models import BreachReferral, Visit
from ncos.cases.selectors.access import CaseAccess
from ncos.cases.selectors.records import (
    current_addresses,
    officer_history,
    person_case,
    referable_obligations,
)
from ncos.cases.services._common import record_ref
from ncos.cases.views.base import CaseFormPage, case_url


def _may(request: HttpRequest, action: Action, access: CaseAccess) -> bool:
    return decide(subject_of(request.user), action, record_ref(access.person)).allowed


class PersonCaseView(CaseFormPage):
    """Everything case management holds about one person."""

    access_actions = {"GET": Action.CASE_VIEW}
    http_method_names = ["get"]
    template_name = "cases/person_case.html"
    title = "Case management"

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        case = person_case(request.user, access.person)
        return {
            "case": case,
            "may_update": _may(request, Action.PERSON_UPDATE, access),
            "may_supervise": _may(request, Action.CASE_SUPERVISE, access),
            "may_export": _may(request, Action.PERSON_EXPORT, access),
        }


class TaskAddView(CaseFormPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Add a task"
    submit_label = "Add the task"
    success_message = "Task added."

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        return {"form": TaskCreateForm(data, person=access.person)}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        task = services.task_open(
            actor=request.user,
            person=access.person.pk,
            kind=data["kind"],
            title=data["title"],
            due_date=data["due_date"],
            assignee=data.get("assignee"),
            source_key="",
            notes=data.get("notes") or "",
        )
        return reverse("cases:task_detail", kwargs={"task_id": task.pk})


class NoteAddView(CaseFormPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Write a case note"
    submit_label = "Save the note"
    success_message = "Note saved."

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        return {"form": NoteForm(data)}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.note_add(
            actor=request.user,
            person_id=access.person.pk,
            text=data["text"],
            category=data["category"],
            restricted=data["restricted"],
        )
        return case_url(access.person) + "#notes"


class OfficerAssignView(CaseFormPage):
    access_actions = {"GET": Action.CASE_SUPERVISE, "POST": Action.CASE_SUPERVISE}
    template_name = "cases/officer_assign.html"
    title = "Case officer"
    submit_label = "Assign"
    success_message = "Case officer changed."

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        person = access.person
        initial = {"version": person.version, "officer": person.case_officer_id}
        return {"form": OfficerAssignForm(data, initial=initial, person=person)}

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        return {"history": officer_history(access.person)}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.case_officer_assign(
            actor=request.user,
            person_id=access.person.pk,
            officer=data.get("officer"),
            reason=data["reason"],
            expected_version=data["version"],
            move_tasks=data["move_tasks"],
        )
        return case_url(access.person)


class VisitAddView(CaseFormPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Plan an address verification visit"
    submit_label = "Plan the visit"
    success_message = "Visit planned; the visiting officer has a task for the day."

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        addresses = current_addresses(access.person)
        return {"form": VisitPlanForm(data, person=access.person, addresses=addresses)}

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        if current_addresses(access.person):
            return {}
        return {"empty_message": "The register holds no current address for this person."}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        visit = services.visit_plan(
            actor=request.user,
            person_id=access.person.pk,
            address_detail_id=data["address"],
            planned_for=data["planned_for"],
            officer=data.get("officer"),
        )
        return reverse("cases:visit_detail", kwargs={"visit_id": visit.pk})


class VisitView(CaseFormPage):
    model = Visit
    pk_kwarg = "visit_id"
    template_name = "cases/visit.html"
    title = "Address verification visit"
    submit_label = "Save"
    success_message = "Visit saved."

    def build_forms(
        self, request: HttpRequest, row: Visit, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        initial = {
            "version": row.version,
            "status": "done" if row.status == "planned" else row.status,
            "outcome": row.outcome,
            "planned_for": row.planned_for,
        }
        return {"form": VisitRecordForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, row: Visit, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        visited_at = None
        if data["status"] == "done" and data.get("visited_on"):
            zone = access.person.managing_jurisdiction.zone
            visited_at = local_moment(data["visited_on"], data.get("visited_time"), zone)
        services.visit_record(
            actor=request.user,
            visit_id=row.pk,
            expected_version=data["version"],
            status=data["status"],
            outcome=data.get("outcome") or "",
            visited_at=visited_at,
            notes=data.get("notes") or "",
            planned_for=data.get("planned_for"),
        )
        return reverse("cases:visit_detail", kwargs={"visit_id": row.pk})


class ReferralAddView(CaseFormPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Refer a possible breach"
    submit_label = "Record the referral"
    success_message = "Referral recorded."

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        obligations = referable_obligations(access.person)
        return {"form": ReferralForm(data, obligations=obligations)}

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        if referable_obligations(access.person):
            return {}
        return {"empty_message": "The register holds no reporting obligations for this person."}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        referral = services.referral_record(
            actor=request.user,
            person_id=access.person.pk,
            obligation_id=data["obligation"],
            found_on=data["found_on"],
            referred_to=data["referred_to"],
            referred_on=data["referred_on"],
            reference=data.get("reference") or "",
            notes=data.get("notes") or "",
        )
        return reverse("cases:referral_detail", kwargs={"referral_id": referral.pk})


class ReferralView(CaseFormPage):
    model = BreachReferral
    pk_kwarg = "referral_id"
    template_name = "cases/referral.html"
    title = "Breach referral"
    success_message = "Referral saved."

    def build_forms(
        self, request: HttpRequest, row: BreachReferral, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        initial = {
            "version": row.version,
            "outcome": row.outcome,
            "outcome_on": row.outcome_on,
            "reference": row.reference,
            "notes": row.notes,
        }
        return {"form": ReferralUpdateForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, row: BreachReferral, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.referral_update(
            actor=request.user,
            referral_id=row.pk,
            expected_version=data["version"],
            outcome=data["outcome"],
            outcome_on=data.get("outcome_on"),
            notes=data.get("notes") or "",
            reference=data.get("reference") or "",
        )
        return reverse("cases:referral_detail", kwargs={"referral_id": row.pk})
