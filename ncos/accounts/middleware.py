"""Session lifetime (15 min idle, 12 h absolute), one session per user, and account-state gates
(forced password change, forced MFA enrolment) applied on every request (security.md SE-1/2/8)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import cast

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from ncos.accounts.auth_events import SESSION_AUTH_AT, SESSION_SEEN_AT
from ncos.accounts.mfa import has_second_factor
from ncos.accounts.models import User, UserSession

_ALWAYS_OPEN = ("/static/", "/accounts/logout/", "/healthz")
_MFA_SETUP = ("/accounts/2fa/", "/accounts/reauthenticate/")
_PASSWORD_CHANGE = ("/accounts/password/change/",)
_ACTIVITY_WRITE_INTERVAL = timedelta(minutes=1)
IDLE_TEXT = "You were signed out after 15 minutes without activity."
ABSOLUTE_TEXT = "Your session reached 12 hours. Sign in again."
REPLACED_TEXT = "You were signed out because your account signed in somewhere else."
SIGNED_OUT_TEXTS = {"idle": IDLE_TEXT, "absolute": ABSOLUTE_TEXT, "replaced": REPLACED_TEXT}


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


# Why a session ended, shown on the sign-in page (a code in the URL: the session, and with it any
# queued message, is gone by then). The texts live in ncos.accounts.views.SIGNED_OUT_REASONS.
def _end_session(request: HttpRequest, reason: str, code: str, message: str) -> HttpResponse:
    request.ncos_sign_out_reason = reason  # type: ignore[attr-defined]
    logout(request)
    if _is_api(request):
        return JsonResponse({"error": message, "field": None}, status=401)
    login_url = reverse("account_login")
    query = urlencode({"next": request.get_full_path(), "signed_out": code})
    return HttpResponseRedirect(f"{login_url}?{query}")


class SessionPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            now = time.time()
            session = request.session
            auth_at = session.get(SESSION_AUTH_AT)
            seen_at = session.get(SESSION_SEEN_AT)
            if auth_at is None or seen_at is None:
                session[SESSION_AUTH_AT] = auth_at or now
                session[SESSION_SEEN_AT] = now
            elif now - auth_at > settings.NCOS_SESSION_ABSOLUTE.total_seconds():
                return _end_session(request, "absolute session limit", "absolute", ABSOLUTE_TEXT)
            elif now - seen_at > settings.NCOS_SESSION_IDLE.total_seconds():
                return _end_session(request, "idle timeout", "idle", IDLE_TEXT)
            elif not _is_current_session(user, session.session_key):
                return _end_session(
                    request, "replaced by a newer sign-in", "replaced", REPLACED_TEXT
                )
            else:
                session[SESSION_SEEN_AT] = now
        return self.get_response(request)


def _is_current_session(user: User, session_key: str | None) -> bool:
    live = UserSession.objects.filter(user=user).values_list("session_key", flat=True).first()
    return live is None or live == session_key


class AccountStateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith(_ALWAYS_OPEN):
            account = cast(User, user)
            gate = self._gate(request, account)
            if gate is not None:
                return gate
            self._touch(account)
        return self.get_response(request)

    def _gate(self, request: HttpRequest, user: User) -> HttpResponse | None:
        if user.must_change_password and not request.path.startswith(_PASSWORD_CHANGE):
            if _is_api(request):
                return JsonResponse({"error": "Change your initial password first."}, status=403)
            return HttpResponseRedirect(reverse("account_change_password"))
        if settings.NCOS_DEMO_MODE or request.path.startswith(_MFA_SETUP + _PASSWORD_CHANGE):
            return None
        if not has_second_factor(user):
            if _is_api(request):
                return JsonResponse(
                    {"error": "Set up a second sign-in factor before using ncos.", "field": None},
                    status=403,
                )
            return HttpResponseRedirect(reverse("mfa_index"))
        return None

    def _touch(self, user: User) -> None:
        now = timezone.now()
        if user.last_activity_at is None or now - user.last_activity_at > _ACTIVITY_WRITE_INTERVAL:
            User.objects.filter(pk=user.pk).update(last_activity_at=now)
            user.last_activity_at = now
