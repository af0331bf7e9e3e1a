"""Page: the reporting period and every obligation with its due date and the law's reasons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.registry import services
from ncos.registry.choices import ObligationStatus
from ncos.registry.models import Obligation
from ncos.registry.selectors import PersonAccess, latest_assessment
from ncos.registry.views.base import PersonPage


class ObligationsView(PersonPage):
    """GET: what the law requires, as computed; POST: recompute now (a writer's action)."""

    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}
    template_name = "registry/obligations.html"
    tab = "obligations"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        rows = list(
            Obligation.objects.filter(person=person).order_by("due_date", "due_at", "kind", "key")
        )
        show_all = request.GET.get("all") == "1"
        shown = rows if show_all else [r for r in rows if r.status != ObligationStatus.WITHDRAWN]
        assessment = latest_assessment(person)
        return {
            "assessment": assessment,
            "explanation": (assessment.answer or {}).get("explanation", []) if assessment else [],
            "assumptions": (assessment.answer or {}).get("assumptions", []) if assessment else [],
            "obligations": shown,
            "withdrawn_count": len(rows) - len(shown) if not show_all else 0,
            "show_all": show_all,
        }

    def post(self, request: HttpRequest, person_id: object) -> HttpResponse:
        try:
            services.obligations_refresh(
                actor=request.user, person_id=person_id, trigger="requested by user"
            )
        except NotFound:
            raise Http404("No such person.") from None
        except RuleViolation as violation:
            messages.error(request, str(violation))
        else:
            messages.success(request, "Obligations recomputed from the recorded facts.")
        return HttpResponseRedirect(
            reverse("registry:obligations", kwargs={"person_id": person_id})
        )
