"""The search page: a GET form (works without JavaScript), ranked results, stubs, pagination."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django_ratelimit.core import is_ratelimited

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.views import requires
from ncos.directory.models import Jurisdiction
from ncos.registry.choices import PersonStatus
from ncos.search.forms import FILTER_FIELDS, SEARCH_FIELDS, SearchForm
from ncos.search.selectors import DEFAULT_PAGE_SIZE, search_persons

# Per user; the API's ScopedRateThrottle scope "search" allows the same (config REST_FRAMEWORK).
SEARCH_RATE = "120/m"


def _page_number(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def person_url(person_id: object) -> str:
    """The register's person page (owned by the registry app); "" until it exists."""
    try:
        return reverse("registry:person_detail", kwargs={"person_id": person_id})
    except NoReverseMatch:
        return ""


def _without_page(params: QueryDict) -> str:
    copy = params.copy()
    copy.pop("page", None)
    return copy.urlencode()


@requires(Action.PERSON_SEARCH)
def search(request: HttpRequest) -> HttpResponse:
    # Submitting the form (even empty) is a search; the bare page is not.
    asked = any(name in request.GET for name in (*SEARCH_FIELDS, *FILTER_FIELDS))
    form = SearchForm(request.GET if asked else None)
    context: dict[str, object] = {"form": form, "result": None, "searched": False}
    if not asked:
        return render(request, "search/search.html", context)
    if is_ratelimited(
        request, group="ncos.search", key="user", rate=SEARCH_RATE, method=["GET"], increment=True
    ):
        return render(request, "search/429.html", status=429)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    try:
        result = search_persons(
            actor=request.user,
            query=form.to_query(),
            page=_page_number(request.GET.get("page")),
            page_size=DEFAULT_PAGE_SIZE,
        )
    except RuleViolation as problem:
        field = problem.field if problem.field in form.fields else None
        form.add_error(field, str(problem))
        return render(request, "search/search.html", context, status=400)
    labels = dict(PersonStatus.choices)
    for row in result.results:
        row.url = person_url(row.person_id)  # type: ignore[attr-defined]
        row.status_label = labels.get(row.status, row.status)  # type: ignore[attr-defined]
    codes = [r.managing_jurisdiction for r in result.restricted]
    registries = {j.code: j for j in Jurisdiction.objects.filter(code__in=codes)}
    context.update(
        {
            "searched": True,
            "result": result,
            "restricted": [registries[r.managing_jurisdiction] for r in result.restricted],
            "base_query": _without_page(request.GET),
        }
    )
    return render(request, "search/search.html", context)
