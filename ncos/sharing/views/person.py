"""Pages about one person's travel and transfers (in the register's person pages)."""

from __future__ import annotations

from typing import Any

from django.forms import BaseFormSet, Form
from django.http import Http404, HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.registry.selectors import PersonAccess
from ncos.registry.views.base import PersonFormPage, PersonPage
from ncos.sharing import selectors, services
from ncos.sharing.choices import TravelState
from ncos.sharing.forms import (
    DecisionForm,
    ItineraryForm,
    LegFormSet,
    ReportForm,
    ReturnForm,
    TransferCancelForm,
    TransferRequestForm,
    VersionedForm,
    itinerary_from,
    leg_initial,
)
from ncos.sharing.models import TravelPlan
from ncos.sharing.views.common import plan_url, sanitise, tabs_context, travel_url

# Other apps add sections to the person's travel page: provider(request, person, today) ->
# {"template": ..., **context} or None (the passports app adds permissions and requests).
PERSON_SECTIONS: list[Any] = []
PLAN_FLAGS: list[Any] = []  # provider(plan, today) -> list[str]


def flags_for(plan: TravelPlan, today: Any) -> list[str]:
    return [text for provider in PLAN_FLAGS for text in provider(plan, today)]


class PersonTravelView(PersonPage):
    """Everything about the person's movements: travel, notifications, transfers (+ sections)."""

    template_name = "sharing/person_travel.html"
    tab = "travel"
    purpose = "travel"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        from ncos.registry.services._common import local_today

        today = local_today(person)
        plans = selectors.person_travel(person)
        sections = [s for s in (p(request, person, today) for p in PERSON_SECTIONS) if s]
        return {
            **tabs_context(),
            "plans": [(plan, flags_for(plan, today)) for plan in plans],
            "transfers": selectors.person_transfers(person),
            "sections": sections,
            "can_write": request.user.jurisdiction_id == person.managing_jurisdiction_id,
        }


class TravelDetailView(PersonPage):
    template_name = "sharing/travel_detail.html"
    tab = "travel"
    purpose = "travel plan"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        try:
            plan = selectors.plan_of(access.person_id, kwargs["travel_id"])
        except NotFound:
            raise Http404("No such travel plan.") from None
        from ncos.registry.services._common import local_today

        return {
            **tabs_context(),
            "plan": plan,
            "legs": list(plan.legs.all()),
            "changes": list(plan.changes.select_related("recorded_by").order_by("-sequence")),
            "notifications": list(plan.notifications.select_related("to_jurisdiction")),
            "return_check": getattr(plan, "return_check", None),
            "flags": flags_for(plan, local_today(access.person)),  # type: ignore[arg-type]
            "can_write": request.user.jurisdiction_id == plan.home_jurisdiction_id,
        }


class _TravelForm(PersonFormPage):
    template_name = "sharing/travel_form.html"
    tab = "travel"

    def plan(self, access: PersonAccess, kwargs: dict[str, Any]) -> TravelPlan:
        try:
            return selectors.plan_of(access.person_id, kwargs["travel_id"])
        except NotFound:
            raise Http404("No such travel plan.") from None

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        context: dict[str, Any] = {**tabs_context(), "back_url": travel_url(access.person_id)}
        if "travel_id" in kwargs:
            context["plan"] = self.plan(access, kwargs)
            context["back_url"] = plan_url(access.person_id, kwargs["travel_id"])
        return context

    def call(self, fn: Any, forms: dict[str, Form | BaseFormSet], **kwargs: Any) -> Any:
        try:
            return fn(**kwargs)
        except RuleViolation as violation:
            raise sanitise(violation, forms) from None


class TravelCreateView(_TravelForm):
    title = "Record intended travel"
    submit_label = "Record travel and notify"
    success_message = "Travel recorded; the destination registries were notified."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        from ncos.registry.services._common import local_today

        today = local_today(access.person) if access.person else None
        return {
            "itinerary": ItineraryForm(data, prefix="trip"),
            "report": ReportForm(
                data, prefix="report", initial={"reported_on": today, "report_manner": "in_person"}
            ),
            "legs": LegFormSet(data, prefix="legs"),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        report = forms["report"].cleaned_data
        plan = self.call(
            services.travel_record,
            forms,
            actor=request.user,
            person_id=access.person_id,
            itinerary=itinerary_from(forms["itinerary"], forms["legs"]),
            reported_on=report["reported_on"],
            report_manner=report["report_manner"],
            report_place=report.get("report_place") or "",
        )
        return plan_url(access.person_id, plan.pk)


class TravelChangeView(_TravelForm):
    title = "Record a change of travel plans"
    submit_label = "Record the change"
    success_message = "Change recorded; the notifications were updated."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        plan = self.plan(access, kwargs)
        from ncos.registry.services._common import local_today

        today = local_today(access.person) if access.person else None
        trip = {
            "depart_on": plan.depart_on,
            "return_on": plan.return_on,
            "no_return": plan.no_return,
            "transport_mode": plan.transport_mode,
            "transport_details": plan.transport_details,
            "purpose": plan.purpose,
        }
        return {
            "version": VersionedForm(data, prefix="v", initial={"version": plan.version}),
            "itinerary": ItineraryForm(data, prefix="trip", initial=trip),
            "decision": DecisionForm(
                data,
                prefix="decision",
                initial={"decided_on": today, "reported_on": today, "report_manner": "email"},
            ),
            "legs": LegFormSet(data, prefix="legs", initial=leg_initial(plan)),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        decision = forms["decision"].cleaned_data
        self.call(
            services.travel_change,
            forms,
            actor=request.user,
            plan_id=kwargs["travel_id"],
            expected_version=forms["version"].cleaned_data["version"],
            itinerary=itinerary_from(forms["itinerary"], forms["legs"]),
            decided_on=decision["decided_on"],
            reported_on=decision["reported_on"],
            report_manner=decision["report_manner"],
            report_place=decision.get("report_place") or "",
            reason=decision.get("reason") or "",
        )
        return plan_url(access.person_id, kwargs["travel_id"])

    def conflict_context(
        self, request: HttpRequest, access: PersonAccess, forms: Any, error: Any, **kwargs: Any
    ) -> dict[str, Any]:
        return {
            "retry_url": request.path,
            "back_url": plan_url(access.person_id, kwargs["travel_id"]),
        }


class TravelCancelView(_TravelForm):
    title = "Record the decision not to travel"
    submit_label = "Record the decision"
    success_message = "Decision recorded; the notifications were withdrawn."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        plan = self.plan(access, kwargs)
        from ncos.registry.services._common import local_today

        today = local_today(access.person) if access.person else None
        return {
            "version": VersionedForm(data, prefix="v", initial={"version": plan.version}),
            "decision": DecisionForm(
                data,
                prefix="decision",
                initial={"decided_on": today, "reported_on": today, "report_manner": "phone"},
            ),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        decision = forms["decision"].cleaned_data
        self.call(
            services.travel_cancel,
            forms,
            actor=request.user,
            plan_id=kwargs["travel_id"],
            expected_version=forms["version"].cleaned_data["version"],
            decided_on=decision["decided_on"],
            reported_on=decision["reported_on"],
            report_manner=decision["report_manner"],
            report_place=decision.get("report_place") or "",
            reason=decision.get("reason") or "",
        )
        return plan_url(access.person_id, kwargs["travel_id"])


class TravelReturnView(_TravelForm):
    title = "Record the return and check the travel"
    submit_label = "Record the return"
    success_message = "Return recorded."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        plan = self.plan(access, kwargs)
        from ncos.registry.services._common import local_today

        today = local_today(access.person) if access.person else None
        visited = ", ".join(leg.destination for leg in plan.legs.all())
        return {
            "version": VersionedForm(data, prefix="v", initial={"version": plan.version}),
            "return": ReturnForm(
                data,
                prefix="ret",
                initial={
                    "returned_on": plan.return_on,
                    "reported_on": today,
                    "report_manner": "in_person",
                    "actual_depart_on": plan.depart_on,
                    "destinations_visited": visited,
                },
            ),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        self.call(
            services.travel_return,
            forms,
            actor=request.user,
            plan_id=kwargs["travel_id"],
            expected_version=forms["version"].cleaned_data["version"],
            data=forms["return"].data_input(),
        )
        return plan_url(access.person_id, kwargs["travel_id"])


class TransferRequestView(_TravelForm):
    access_actions = {"GET": Action.TRANSFER_REQUEST, "POST": Action.TRANSFER_REQUEST}
    title = "Ask another registry to take over the management"
    submit_label = "Send the transfer request"
    success_message = "Transfer requested; it is in the other registry's inbox."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        return {"transfer": TransferRequestForm(data, prefix="tx")}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        data = forms["transfer"].cleaned_data
        transfer = self.call(
            services.transfer_request,
            forms,
            actor=request.user,
            person_id=access.person_id,
            to_jurisdiction=data["to_jurisdiction"],
            entered_on=data["entered_on"],
            new_locality=data.get("new_locality") or "",
            handover_note=data["handover_note"],
        )
        return reverse("sharing:transfer_detail", kwargs={"transfer_id": transfer.pk})


class TransferCancelView(_TravelForm):
    access_actions = {"GET": Action.TRANSFER_REQUEST, "POST": Action.TRANSFER_REQUEST}
    title = "Cancel the transfer request"
    submit_label = "Cancel the request"
    success_message = "Transfer request cancelled."

    def transfer(self, access: PersonAccess, kwargs: dict[str, Any]) -> Any:
        try:
            transfer = selectors.transfer_get(kwargs["transfer_id"])
        except NotFound:
            raise Http404("No such transfer.") from None
        if transfer.person_id != access.person_id:
            raise Http404("No such transfer.")
        return transfer

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        transfer = self.transfer(access, kwargs)
        return {
            "cancel": TransferCancelForm(data, prefix="c", initial={"version": transfer.version})
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Any], **kwargs: Any
    ) -> str:
        data = forms["cancel"].cleaned_data
        self.call(
            services.transfer_cancel,
            forms,
            actor=request.user,
            transfer_id=kwargs["transfer_id"],
            expected_version=data["version"],
            reason=data.get("reason") or "",
        )
        return travel_url(access.person_id)


def plan_state_label(plan: TravelPlan) -> str:
    return TravelState(plan.state).label
