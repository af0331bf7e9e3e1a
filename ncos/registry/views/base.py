"""Base classes of the register's pages: open the person once (policy + one audit row), show
the stub to those who may only know the record exists, turn refusals into pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views import View

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.views import AccessMixin
from ncos.registry.selectors import PersonAccess, person_access
from ncos.registry.services._common import local_today

TABS = (
    ("summary", "Summary", "registry:person_detail"),
    ("details", "Personal details", "registry:details"),
    ("offences", "Offences and orders", "registry:offences"),
    ("obligations", "Obligations", "registry:obligations"),
    ("files", "Photos and documents", "registry:files"),
    ("timeline", "Timeline", "registry:timeline"),
)


EXTRA_TABS: list[tuple[str, str, str]] = []
"""Other apps' tabs on the person pages: ``(key, label, URL name taking person_id)``, appended
after the register's own. Register in ``AppConfig.ready``; the page behind it does its own
access check and audit."""


def render_stub(request: HttpRequest, access: PersonAccess) -> HttpResponse:
    """The only thing an uncleared user learns of a protected record (AC-4)."""
    return render(request, "registry/stub.html", {"jurisdiction": access.jurisdiction})


def person_context(access: PersonAccess, tab: str) -> dict[str, Any]:
    person = access.person
    assert person is not None  # noqa: S101 - callers handled the stub
    return {
        "person": person,
        "tab": tab,
        "tabs": TABS + tuple(EXTRA_TABS),
        "today": local_today(person),
    }


class PersonPage(AccessMixin, View):
    """A read-only page about one person."""

    access_action = Action.PERSON_VIEW
    template_name = ""
    tab = "summary"
    purpose = ""

    def open(
        self,
        request: HttpRequest,
        person_id: object,
        *,
        audit_now: bool = True,
        action: Action | None = None,
    ) -> PersonAccess:
        try:
            return person_access(
                actor=request.user,
                person_id=person_id,
                action=action or self.access_action or Action.PERSON_VIEW,
                audit_now=audit_now,
                purpose=self.purpose or self.tab,
            )
        except NotFound:
            raise Http404("No such person.") from None

    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id)
        if access.stub:
            return render_stub(request, access)
        context = person_context(access, self.tab)
        context.update(self.extra_context(request, access, **kwargs))
        return render(request, self.template_name, context)

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        return {}


class PersonFormPage(AccessMixin, View):
    """GET shows forms about one person; POST calls a service. Refusals and conflicts are pages;
    a request that ends up only showing the record writes one read row."""

    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    template_name = "registry/form.html"
    tab = "summary"
    title = ""
    submit_label = "Save"
    success_message = "Saved."
    multipart = False

    def open(self, request: HttpRequest, person_id: object, *, audit_now: bool) -> PersonAccess:
        try:
            action = (self.access_actions or {}).get(request.method or "GET", Action.PERSON_UPDATE)
            return person_access(
                actor=request.user,
                person_id=person_id,
                action=action,
                audit_now=audit_now,
                purpose=f"form: {self.title}",
            )
        except NotFound:
            raise Http404("No such person.") from None

    # -- to override ---------------------------------------------------------------------
    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        raise NotImplementedError

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        """Call the service; return the URL to go to."""
        raise NotImplementedError

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        return {}

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        return {}

    # -- machinery -----------------------------------------------------------------------
    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=True)
        forms = self.build_forms(request, access, **kwargs)
        return self.show(request, access, forms, 200, **kwargs)

    def post(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=False)
        forms = self.build_forms(request, access, request.POST, request.FILES, **kwargs)
        if all(f.is_valid() for f in forms.values()):
            try:
                url = self.perform(request, access, forms, **kwargs)
            except RuleViolation as violation:
                attach_violation(forms, violation)
            except ConflictError as error:
                access.audit_read("conflict")
                context = person_context(access, self.tab)
                context.update({"title": self.title, "message": str(error)})
                context.update(self.conflict_context(request, access, forms, error, **kwargs))
                return render(request, "registry/conflict.html", context, status=409)
            else:
                messages.success(request, self.success_message)
                return HttpResponseRedirect(url)
        access.audit_read("form rejected")
        return self.show(request, access, forms, 400, **kwargs)

    def show(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        status: int,
        **kwargs: Any,
    ) -> HttpResponse:
        context = person_context(access, self.tab)
        context.update(
            {
                "forms": list(forms.values()),
                "form_map": forms,
                "title": self.title,
                "submit_label": self.submit_label,
                "multipart": self.multipart,
            }
        )
        context.update(self.extra_context(request, access, **kwargs))
        return render(request, self.template_name, context, status=status)


def attach_violation(forms: dict[str, Form], violation: RuleViolation) -> None:
    """Show a service's refusal next to the field it names (or at the top of the first form)."""
    field = (violation.field or "").split(".")[-1]
    for form in forms.values():
        if field and field in form.fields:
            form.add_error(field, str(violation))
            return
    next(iter(forms.values())).add_error(None, str(violation))


def merged_notice(request: HttpRequest, access: PersonAccess) -> None:
    person = access.person
    if person is not None and person.merged_into_id:
        messages.warning(request, "This record was merged; see the surviving record.")
