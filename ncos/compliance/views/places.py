"""/compliance/places/ — the registry's approved reporting places: any signed-in user reads its
own registry's list; its registrars add, correct, withdraw and restore places."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.access.policy import can
from ncos.access.subjects import subject_of
from ncos.access.views import AccessMixin
from ncos.compliance.forms import PlaceForm
from ncos.compliance.models import ReportingPlace
from ncos.compliance.services import places


class PlaceListView(AccessMixin):
    access_action = Action.REFERENCE_READ

    def get(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        return render(
            request,
            "compliance/places.html",
            {
                "places": places.places_of(user.jurisdiction_id),
                "jurisdiction": user.jurisdiction,
                "may_manage": can(subject_of(user), Action.REFERENCE_MANAGE),
            },
        )


class _PlaceFormView(AccessMixin):
    access_action = Action.REFERENCE_MANAGE
    title = ""
    success = ""

    def place(self, request: HttpRequest, **kwargs: Any) -> ReportingPlace | None:
        return None

    def save(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> ReportingPlace:
        raise NotImplementedError

    def _place(self, request: HttpRequest, **kwargs: Any) -> ReportingPlace | None:
        try:
            return self.place(request, **kwargs)
        except NotFound:
            raise Http404("Not found.") from None

    def _render(self, request: HttpRequest, form: PlaceForm, place: Any) -> HttpResponse:
        context = {"form": form, "place": place, "title": self.title}
        return render(request, "compliance/place_form.html", context)

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        place = self._place(request, **kwargs)
        initial = (
            {f: getattr(place, f) for f in places.FIELDS} if place is not None else {"active": True}
        )
        return self._render(request, PlaceForm(initial=initial), place)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        place = self._place(request, **kwargs)
        form = PlaceForm(request.POST)
        if form.is_valid():
            try:
                saved = self.save(request, form.cleaned_data, **kwargs)
            except NotFound:
                raise Http404("Not found.") from None
            except RuleViolation as violation:
                form.add_error(
                    violation.field if violation.field in form.fields else None, str(violation)
                )
            else:
                messages.success(request, self.success.format(name=saved.name))
                return HttpResponseRedirect(reverse("compliance:places"))
        return self._render(request, form, place)


class PlaceCreateView(_PlaceFormView):
    title = "Add an approved reporting place"
    success = "{name} added."

    def save(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> ReportingPlace:
        return places.place_add(actor=request.user, data=data)


class PlaceEditView(_PlaceFormView):
    title = "Change an approved reporting place"
    success = "{name} saved."

    def place(self, request: HttpRequest, **kwargs: Any) -> ReportingPlace | None:
        return places.place_for_edit(actor=request.user, place_id=kwargs["place_id"])

    def save(self, request: HttpRequest, data: dict[str, Any], **kwargs: Any) -> ReportingPlace:
        return places.place_update(actor=request.user, place_id=kwargs["place_id"], data=data)
