"""Base classes of the case pages: open the person (or a case record) once — one policy
decision, one audit row — and turn refusals and conflicts into pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.views import AccessMixin
from ncos.cases.selectors.access import CaseAccess, case_access, record_access
from ncos.cases.services._common import local_today
from ncos.registry.models import Person

CASE_TAB = ("cases", "Case management", "cases:person_case")


def person_tabs() -> list[tuple[str, str, str]]:
    """The register's person tabs and the other apps' (ours included, see apps.py)."""
    from ncos.registry.views.base import EXTRA_TABS, TABS

    tabs = [*TABS, *EXTRA_TABS]
    if CASE_TAB not in tabs:
        tabs.append(CASE_TAB)
    return tabs


def case_context(person: Person, tab: str = "cases") -> dict[str, Any]:
    return {"person": person, "tab": tab, "tabs": person_tabs(), "today": local_today(person)}


def case_url(person: Person | Any) -> str:
    return reverse("cases:person_case", kwargs={"person_id": person.pk})


def attach_violation(forms: dict[str, Form], violation: RuleViolation) -> None:
    """Show a service's refusal next to the field it names (or at the top of the first form)."""
    field = (violation.field or "").split(".")[-1]
    for form in forms.values():
        if field and field in form.fields:
            form.add_error(field, str(violation))
            return
    next(iter(forms.values())).add_error(None, str(violation))


class CaseFormPage(AccessMixin, View):
    """A page about one person (URL kwarg `person_id`) or one case record (`model` +
    `pk_kwarg`): GET shows it with its forms, POST calls a service."""

    access_actions: dict[str, Action] = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}
    model: Any = None
    pk_kwarg = ""
    template_name = "cases/form.html"
    title = ""
    submit_label = "Save"
    success_message = "Saved."

    # -- opening ----------------------------------------------------------------------------
    def open(self, request: HttpRequest, kwargs: dict[str, Any], *, audit_now: bool) -> Any:
        action = self.access_actions.get(request.method or "GET", Action.CASE_VIEW)
        purpose = self.title or type(self).__name__
        try:
            if self.model is not None:
                row, access = record_access(
                    actor=request.user,
                    model=self.model,
                    pk=kwargs[self.pk_kwarg],
                    action=action,
                    audit_now=audit_now,
                    purpose=purpose,
                )
                return row, access
            access = case_access(
                actor=request.user,
                person_id=kwargs["person_id"],
                action=action,
                audit_now=audit_now,
                purpose=purpose,
            )
        except NotFound:
            raise Http404("Not found.") from None
        return None, access

    # -- to override ------------------------------------------------------------------------
    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        return {}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> HttpResponse | str:
        raise NotImplementedError

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        return {}

    def success_url(self, row: Any, access: CaseAccess) -> str:
        return case_url(access.person)

    # -- machinery --------------------------------------------------------------------------
    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        row, access = self.open(request, kwargs, audit_now=True)
        return self.show(request, row, access, self.build_forms(request, row, access), 200)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        row, access = self.open(request, kwargs, audit_now=False)
        forms = self.build_forms(request, row, access, request.POST)
        if forms and all(f.is_valid() for f in self.forms_to_validate(forms)):
            try:
                result = self.perform(request, row, access, forms)
            except RuleViolation as violation:
                attach_violation(forms, violation)
            except ConflictError as error:
                access.audit_read("conflict")
                context = case_context(access.person)
                context.update({"title": self.title, "message": str(error), "row": row})
                return render(request, "cases/conflict.html", context, status=409)
            else:
                if isinstance(result, HttpResponse):
                    return result
                messages.success(request, self.success_message)
                return HttpResponseRedirect(result)
        access.audit_read("form rejected")
        return self.show(request, row, access, forms, 400)

    def forms_to_validate(self, forms: dict[str, Form]) -> list[Form]:
        return list(forms.values())

    def show(
        self,
        request: HttpRequest,
        row: Any,
        access: CaseAccess,
        forms: dict[str, Form],
        status: int,
    ) -> HttpResponse:
        context = case_context(access.person)
        context.update(
            {
                "row": row,
                "forms": list(forms.values()),
                "form_map": forms,
                "title": self.title,
                "submit_label": self.submit_label,
            }
        )
        context.update(self.extra_context(request, row, access))
        return render(request, self.template_name, context, status=status)
