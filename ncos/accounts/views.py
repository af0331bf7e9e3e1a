"""Sign-in page: allauth's view, behind the per-address throttle, showing the logon banner."""

from __future__ import annotations

from typing import Any

from allauth.account.views import LoginView as AllauthLoginView
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from ncos.accounts import lockout
from ncos.accounts.forms import LOGON_BANNER
from ncos.accounts.middleware import SIGNED_OUT_TEXTS
from ncos.audit import record as audit
from ncos.common.middleware import client_ip


class LoginView(AllauthLoginView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ip = client_ip(request)
        if lockout.address_throttled(ip):
            audit.record(
                action="auth.throttled",
                actor_username=str(request.POST.get("login", ""))[:150],
                outcome="denied",
                reason="too many failed sign-ins from this address",
            )
            body = render_to_string("429.html", request=request)
            return HttpResponse(body, status=429)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["banner_text"] = LOGON_BANNER
        context["signed_out_text"] = SIGNED_OUT_TEXTS.get(self.request.GET.get("signed_out", ""))
        return context
