"""Home dashboard and the user's own account page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ncos.access.actions import Action
from ncos.access.views import requires
from ncos.accounts.mfa import has_second_factor
from ncos.web.dashboard import dashboard_panels


@requires(Action.SELF_SERVICE)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"panels": dashboard_panels(request)})


@requires(Action.SELF_SERVICE)
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "roles": sorted(role.label for role in user.roles),  # type: ignore[union-attr]
        "has_mfa": has_second_factor(user),  # type: ignore[arg-type]
        "tokens": user.api_tokens.all(),  # type: ignore[union-attr]
    }
    return render(request, "web/account.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
