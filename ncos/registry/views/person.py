"""Pages: the register list, register a person, the summary, identity, status, merge."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.access.views import AccessMixin
from ncos.registry import services
from ncos.registry.forms import (
    MergeForm,
    PersonCreateForm,
    PersonEditForm,
    PersonFilterForm,
    StatusForm,
)
from ncos.registry.models import Person, PersonRevision
from ncos.registry.selectors import (
    PersonAccess,
    PersonFilters,
    audit_list,
    person_list,
    person_summary,
)
from ncos.registry.services.person import CORE_FIELDS, snapshot
from ncos.registry.views.base import PersonFormPage, PersonPage, attach_violation


def person_url(person: Person | Any, name: str = "registry:person_detail") -> str:
    return reverse(name, kwargs={"person_id": person.pk})


class PersonListView(AccessMixin):
    """The register: persons the user may see, filtered and paged (one search audit row)."""

    access_action = Action.PERSON_SEARCH

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PersonFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return render(
                request, "registry/person_list.html", {"form": form, "page": None}, status=400
            )
        data = form.cleaned_data if form.is_bound else {}
        filters = PersonFilters(
            jurisdiction=data.get("jurisdiction") or "",
            status=data.get("status") or "",
            record_kind=data.get("record_kind") or "",
            national_id=data.get("national_id") or "",
            born_from=data.get("born_from"),
            born_to=data.get("born_to"),
            case_officer=request.user.pk if data.get("mine") else None,
            sort=data.get("sort") or "name",
        )
        page = Paginator(person_list(actor=request.user, filters=filters), 25).get_page(
            request.GET.get("page")
        )
        audit_list(actor=request.user, filters=filters, shown=page.object_list)
        return render(request, "registry/person_list.html", {"form": form, "page": page})


class PersonCreateView(AccessMixin):
    """Register a person: first the possible existing matches, then a confirmed registration."""

    access_action = Action.PERSON_CREATE

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PersonCreateForm(actor=request.user)
        return render(request, "registry/person_create.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PersonCreateForm(request.POST, actor=request.user)
        if not form.is_valid():
            return render(request, "registry/person_create.html", {"form": form}, status=400)
        data = form.cleaned_data
        if not data.get("checked"):
            from ncos.search.selectors import possible_duplicates

            matches = possible_duplicates(
                actor=request.user,
                family_name=data["family_name"],
                given_names=data.get("given_names", ""),
                date_of_birth=data["date_of_birth"],
                aliases=data.get("aliases") or [],
            )
            confirm = PersonCreateForm(
                {**request.POST.dict(), "checked": "True"}, actor=request.user
            )
            confirm.is_valid()
            return render(
                request,
                "registry/person_create.html",
                {"form": confirm, "matches": matches, "checked": True},
            )
        try:
            person = services.person_register(
                actor=request.user,
                family_name=data["family_name"],
                given_names=data.get("given_names", ""),
                date_of_birth=data["date_of_birth"],
                sex=data["sex"],
                place_of_birth=data.get("place_of_birth", ""),
                country_of_birth=data.get("country_of_birth", ""),
                case_officer=data.get("case_officer"),
                caution=data.get("caution", ""),
                protected=bool(data.get("protected")),
                aliases=data.get("aliases") or [],
                source_reference=data.get("source_reference", ""),
            )
        except RuleViolation as violation:
            attach_violation({"form": form}, violation)
            return render(request, "registry/person_create.html", {"form": form}, status=400)
        messages.success(request, f"Registered as {person.national_id}.")
        return HttpResponseRedirect(person_url(person))


class PersonDetailView(PersonPage):
    template_name = "registry/person_detail.html"
    tab = "summary"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        summary = person_summary(person, today=_today(person))
        return {
            "summary": summary,
            "status_history": list(person.status_changes.select_related("changed_by")[:10]),
        }


def _today(person: Person) -> Any:
    from ncos.registry.services._common import local_today

    return local_today(person)


class PersonEditView(PersonFormPage):
    title = "Identity details"
    success_message = "Identity details saved."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        person = access.person
        assert person is not None  # noqa: S101
        initial = {name: getattr(person, name) for name in CORE_FIELDS}
        initial["version"] = person.version
        return {
            "form": PersonEditForm(
                data,
                initial=initial,
                actor=request.user,
                jurisdiction=person.managing_jurisdiction_id,
            )
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        changes = {k: data[k] for k in CORE_FIELDS if k in data}
        person = services.person_update(
            actor=request.user,
            person_id=access.person_id,
            expected_version=data["version"],
            changes=changes,
            reason=data["reason"],
        )
        return person_url(person)

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        person.refresh_from_db()
        seen = forms["form"].cleaned_data["version"]
        return {
            "rows": revision_diff(person, seen, forms["form"].cleaned_data),
            "retry_url": person_url(person, "registry:person_edit"),
        }


def revision_diff(person: Person, seen_version: int, yours: dict[str, Any]) -> list[dict[str, Any]]:
    """Fields changed since `seen_version`: what the user saw, what is there now, what they
    tried to save — for the conflict page."""
    then = PersonRevision.objects.filter(person=person, version=seen_version).first()
    before = then.data if then else {}
    now = snapshot(person)
    later = (
        PersonRevision.objects.filter(person=person, version__gt=seen_version)
        .select_related("changed_by")
        .order_by("version")
    )
    who = ", ".join(sorted({(r.changed_by.username if r.changed_by else "system") for r in later}))
    rows = []
    for name, value in now.items():
        if before.get(name) != value:
            mine = yours.get(name)
            rows.append(
                {
                    "field": name.replace("_", " "),
                    "seen": before.get(name),
                    "current": value,
                    "yours": getattr(mine, "pk", mine),
                    "by": who,
                }
            )
    return rows


class StatusView(PersonFormPage):
    title = "Change status"
    success_message = "Status changed."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        person = access.person
        assert person is not None  # noqa: S101
        return {"form": StatusForm(data, initial={"version": person.version})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.person_change_status(
            actor=request.user,
            person_id=access.person_id,
            to_status=data["to_status"],
            effective_on=data["effective_on"],
            reason=data["reason"],
            expected_version=data["version"],
        )
        return reverse("registry:person_detail", kwargs={"person_id": access.person_id})

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        person.refresh_from_db()
        return {
            "rows": revision_diff(person, forms["form"].cleaned_data["version"], {}),
            "retry_url": person_url(person, "registry:person_status"),
        }


class MergeView(PersonFormPage):
    access_actions = {"GET": Action.PERSON_MERGE, "POST": Action.PERSON_MERGE}
    title = "Merge a duplicate record into this one"
    submit_label = "Merge"
    success_message = "Records merged."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        return {"form": MergeForm(data)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        from ncos.registry.services.merge import person_merge

        data = forms["form"].cleaned_data
        survivor = person_merge(
            actor=request.user,
            survivor_id=access.person_id,
            other_national_id=data["other"],
            reason=data["reason"],
        )
        return person_url(survivor)


class TimelineView(PersonPage):
    template_name = "registry/timeline.html"
    tab = "timeline"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        from ncos.registry.selectors import timeline

        assert access.person is not None  # noqa: S101
        page = Paginator(timeline(access.person), 50).get_page(request.GET.get("page"))
        return {"page": page}
