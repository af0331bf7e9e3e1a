"""Audit and session bookkeeping for sign-in, sign-out and second factors.

Sign-in and sign-out are announced by Django's auth signals whichever path (allauth form, MFA
stage, test client) completed them; receiving them here is the one place they are all seen.
"""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from ncos.accounts.models import User, UserSession
from ncos.audit import record as audit
from ncos.common.middleware import client_ip

SESSION_AUTH_AT = "ncos_auth_at"
SESSION_SEEN_AT = "ncos_seen_at"


@receiver(user_logged_in)
def on_sign_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    now = time.time()
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_AUTH_AT] = now
        request.session[SESSION_SEEN_AT] = now
        if request.session.session_key is None:
            request.session.save()
        _end_other_sessions(user, request)
    User.objects.filter(pk=user.pk).update(last_activity_at=timezone.now())
    audit.record(action="auth.sign_in", actor=user, object_type="user", object_id=user.pk)


def _end_other_sessions(user: User, request: HttpRequest) -> None:
    """One interactive session per user: the new sign-in ends the older one (SE-8). The older
    session is refused on its next request by SessionPolicyMiddleware, which tells its user why."""
    key = request.session.session_key or ""
    previous = UserSession.objects.filter(user=user).first()
    if previous is not None and previous.session_key != key:
        audit.record(
            action="auth.session_replaced",
            actor=user,
            object_type="user",
            object_id=user.pk,
            reason="a new sign-in ended the previous session",
        )
    UserSession.objects.update_or_create(
        user=user,
        defaults={
            "session_key": key,
            "started_at": timezone.now(),
            "ip_address": client_ip(request),
        },
    )


@receiver(user_logged_out)
def on_sign_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return
    UserSession.objects.filter(user=user).delete()
    reason = getattr(request, "ncos_sign_out_reason", "") if request is not None else ""
    audit.record(
        action="auth.sign_out", actor=user, object_type="user", object_id=user.pk, reason=reason
    )


@receiver(authenticator_added)
def on_authenticator_added(
    sender: Any, request: Any, user: User, authenticator: Any, **kw: Any
) -> None:
    """Audit the new factor; a security key retires the authenticator app (ISM-2011: TOTP is
    only an interim fallback, security.md AU-1 and T6)."""
    audit.record(
        action="auth.mfa_added",
        actor=user,
        object_type="user",
        object_id=user.pk,
        details={"type": authenticator.type},
    )
    if authenticator.type != Authenticator.Type.WEBAUTHN:
        return
    retired = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
    if retired.exists():
        retired.delete()
        audit.record(
            action="auth.mfa_removed",
            actor=user,
            object_type="user",
            object_id=user.pk,
            reason="a security key was enrolled: the authenticator app is no longer accepted",
            details={"type": Authenticator.Type.TOTP},
        )


@receiver(authenticator_removed)
def on_authenticator_removed(
    sender: Any, request: Any, user: User, authenticator: Any, **kw: Any
) -> None:
    audit.record(
        action="auth.mfa_removed",
        actor=user,
        object_type="user",
        object_id=user.pk,
        details={"type": authenticator.type},
    )
