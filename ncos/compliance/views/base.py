"""Base classes of the compliance pages: open the person behind the URL once (policy + one audit
row for a read), show the stub to those who may only know a record exists, turn refusals into
pages. Writes are audited by their service; a request that ends up only showing the record (an
invalid form, a refused rule) writes one read row instead."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.access.views import AccessMixin
from ncos.registry.selectors import PersonAccess, person_access
from ncos.registry.views.base import EXTRA_TABS, TABS


def render_stub(request: HttpRequest, access: PersonAccess) -> HttpResponse:
    """The only thing an uncleared user learns of a protected record (AC-4)."""
    return render(request, "registry/stub.html", {"jurisdiction": access.jurisdiction})


class CompliancePage(AccessMixin, View):
    """A page about one person, reached by a URL naming the person or one of their records.

    Subclasses set `access_actions` and, for URLs without `person_id`, override
    `person_id_for(**kwargs)` to find the person from the record named."""

    access_actions: dict[str, Action] = {"GET": Action.PERSON_VIEW}
    tab = "compliance"

    def person_id_for(self, **kwargs: Any) -> object:
        return kwargs["person_id"]

    def open(
        self, request: HttpRequest, *, audit_now: bool, purpose: str = "", **kwargs: Any
    ) -> PersonAccess:
        action = (self.access_actions or {}).get(request.method or "GET", Action.PERSON_VIEW)
        try:
            person_id = self.person_id_for(**kwargs)
            return person_access(
                actor=request.user,
                person_id=person_id,
                action=action,
                audit_now=audit_now,
                purpose=purpose or f"compliance: {type(self).__name__}",
            )
        except NotFound:
            raise Http404("Not found.") from None

    def page(
        self,
        request: HttpRequest,
        access: PersonAccess,
        template: str,
        context: dict[str, Any],
        status: int = 200,
    ) -> HttpResponse:
        person = access.person
        assert person is not None  # noqa: S101 - callers handled the stub
        from ncos.compliance.services._common import local_today

        base = {
            "person": person,
            "tab": self.tab,
            "tabs": TABS + tuple(EXTRA_TABS),  # the register's tabs, ours among the extra
            "today": local_today(person),
            "zone_name": person.managing_jurisdiction.time_zone,
        }
        base.update(context)
        return render(request, template, base, status=status)


def attach_violation(form: Form, violation: RuleViolation) -> None:
    """Show a service's refusal next to the field it names (or at the top of the form)."""
    field = (violation.field or "").split(".")[-1].split("[")[0]
    if field and field in form.fields:
        form.add_error(field, str(violation))
    else:
        form.add_error(None, str(violation))
