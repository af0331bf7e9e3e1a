"""Pages: offences (charge → finding), custody, parole and court orders."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import ConflictError
from ncos.access.views import AccessMixin
from ncos.registry import services
from ncos.registry.catalogue import catalogue_entries, entry_for
from ncos.registry.forms import (
    CloseForm,
    FindingForm,
    OffenceEditForm,
    OffenceForm,
    QuashForm,
)
from ncos.registry.forms.common import from_tri_state, tri_state
from ncos.registry.models import Offence
from ncos.registry.selectors import PersonAccess
from ncos.registry.services.offences import FINDING_FIELDS, OFFENCE_FIELDS
from ncos.registry.views.base import PersonFormPage, PersonPage


def offences_url(person_id: Any) -> str:
    return reverse("registry:offences", kwargs={"person_id": person_id})


class OffencesView(PersonPage):
    template_name = "registry/offences.html"
    tab = "offences"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        from ncos.registry.selectors import latest_assessment

        assessment = latest_assessment(person)
        classes = ((assessment.answer or {}).get("offence_classes") or {}) if assessment else {}
        offences = list(person.offences.order_by("ref"))
        for offence in offences:
            offence.engine_class = _CLASS_LABELS.get(  # type: ignore[attr-defined]
                classes.get(offence.ref, ""), ""
            )
        return {
            "offences": offences,
            "custody": list(person.custody_periods.all()),
            "paroles": list(person.paroles.all()),
            "orders": list(person.orders.all()),
        }


_CLASS_LABELS = {"class1": "class 1", "class2": "class 2", "none": "not registrable"}


class CataloguePickerView(AccessMixin):
    """The offence picker's search results (an htmx fragment; also used without JavaScript)."""

    access_action = Action.REFERENCE_READ

    def get(self, request: HttpRequest) -> HttpResponse:
        jurisdiction = request.GET.get("cj", "ACT")
        entries = catalogue_entries(jurisdiction, request.GET.get("q", "")[:100])
        return render(
            request,
            "registry/partials/catalogue.html",
            {"entries": entries, "selected": request.GET.get("catalogue_key", "")},
        )


class OffenceAddView(PersonFormPage):
    tab = "offences"
    template_name = "registry/offence_form.html"
    title = "Record a charge"
    submit_label = "Record the charge"
    success_message = "Charge recorded."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        key = (data.get("catalogue_key", "") if data is not None else "")[:60]
        return {"form": OffenceForm(data, catalogue_key=key)}

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        source = request.POST if request.method == "POST" else request.GET
        jurisdiction = source.get("cj") or access.jurisdiction.code
        query = source.get("q", "")[:100]
        selected = source.get("catalogue_key", "")
        entries = catalogue_entries(jurisdiction, query) if (query or selected) else []
        chosen = entry_for(selected) if selected else None
        if chosen and chosen not in entries:
            entries.insert(0, chosen)
        return {
            "entries": entries,
            "q": query,
            "cj": jurisdiction,
            "selected": selected,
            "catalogue_jurisdictions": ("ACT", "NSW"),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        fields = forms["form"].service_fields()  # type: ignore[attr-defined]
        services.offence_charge(actor=request.user, person_id=access.person_id, **fields)
        return offences_url(access.person_id)


class _OffencePage(PersonFormPage):
    tab = "offences"

    def offence(self, access: PersonAccess, offence_id: Any) -> Offence:
        offence = Offence.objects.filter(pk=offence_id, person_id=access.person_id).first()
        if offence is None:
            raise Http404("No such offence.")
        return offence

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        return {"offence": self.offence(access, kwargs["offence_id"])}

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        offence = self.offence(access, kwargs["offence_id"])
        yours = next(iter(forms.values())).cleaned_data
        rows = [
            {
                "field": k.replace("_", " "),
                "seen": "",
                "current": getattr(offence, k),
                "yours": yours.get(k),
                "by": offence.updated_by.username if offence.updated_by else "",
            }
            for k in (*OFFENCE_FIELDS, *FINDING_FIELDS, "outcome")
            if k in yours and yours.get(k) not in (None, "") and yours.get(k) != getattr(offence, k)
        ]
        return {"rows": rows, "retry_url": request.path, "back_url": offences_url(access.person_id)}


class OffenceEditView(_OffencePage):
    title = "Correct an offence"
    template_name = "registry/offence_form.html"

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        offence = self.offence(access, kwargs["offence_id"])
        initial = {k: getattr(offence, k) for k in OFFENCE_FIELDS}
        initial["circumstances"] = [k for k, v in offence.circumstances.items() if v]
        initial["version"] = offence.version
        return {"form": OffenceEditForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        form = forms["form"]
        fields = form.service_fields()  # type: ignore[attr-defined]
        version, reason = fields.pop("version"), fields.pop("reason", "")
        changes = {
            k: form.cleaned_data.get(k) if k != "circumstances" else fields.get(k, {})
            for k in OFFENCE_FIELDS
            if k != "engine_extra"
        }
        changes = {k: ("" if v is None and k in _TEXT else v) for k, v in changes.items()}
        services.offence_update(
            actor=request.user,
            offence_id=kwargs["offence_id"],
            expected_version=version,
            changes=changes,
            reason=reason,
        )
        return offences_url(access.person_id)


_TEXT = {
    "offence_jurisdiction",
    "act",
    "provision",
    "description",
    "victim_ref",
    "court",
    "court_reference",
}


class FindingView(_OffencePage):
    title = "Record the finding of guilt and sentence"
    submit_label = "Record the finding"
    success_message = "Finding recorded; the obligations were recomputed."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        offence = self.offence(access, kwargs["offence_id"])
        initial = {k: getattr(offence, k) for k in FINDING_FIELDS}
        initial.update(
            version=offence.version,
            imprisonment=from_tri_state(offence.imprisonment),
            supervision=from_tri_state(offence.supervision),
        )
        return {"form": FindingForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = dict(forms["form"].cleaned_data)
        version = data.pop("version")
        data["imprisonment"] = tri_state(data.get("imprisonment", ""))
        data["supervision"] = tri_state(data.get("supervision", ""))
        data = {
            k: v
            for k, v in data.items()
            if v not in (None, "") or k in ("imprisonment", "supervision")
        }
        offence = self.offence(access, kwargs["offence_id"])
        if offence.date_found_guilty:
            services.offence_update(
                actor=request.user,
                offence_id=offence.pk,
                expected_version=version,
                changes=data,
                reason="finding corrected",
            )
        else:
            found = data.pop("date_found_guilty")
            services.offence_record_finding(
                actor=request.user,
                offence_id=offence.pk,
                expected_version=version,
                date_found_guilty=found,
                **data,
            )
        return offences_url(access.person_id)


class CloseView(_OffencePage):
    title = "Close the charge without a finding of guilt"
    submit_label = "Close the charge"
    success_message = "Charge closed."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        offence = self.offence(access, kwargs["offence_id"])
        return {"form": CloseForm(data, initial={"version": offence.version})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.offence_close(
            actor=request.user,
            offence_id=kwargs["offence_id"],
            expected_version=data["version"],
            outcome=data["outcome"],
            on=data["on"],
            reason=data.get("reason", ""),
        )
        return offences_url(access.person_id)


class QuashView(_OffencePage):
    title = "Record that the finding of guilt was quashed"
    submit_label = "Record"
    success_message = "Recorded; the obligations were recomputed."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        offence = self.offence(access, kwargs["offence_id"])
        return {"form": QuashForm(data, initial={"version": offence.version})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.offence_quash(
            actor=request.user,
            offence_id=kwargs["offence_id"],
            expected_version=data["version"],
            quashed_on=data["quashed_on"],
            retrial_ordered=data["retrial_ordered"],
            reason=data["reason"],
        )
        return offences_url(access.person_id)
