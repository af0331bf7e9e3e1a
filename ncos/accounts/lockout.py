"""Sign-in failure counting, account locks and per-address throttling (security.md AU-7, AU-8).

Policy: 5 consecutive failures for one account within 15 minutes lock it until an administrator
of its jurisdiction releases it; 20 failures from one address within 10 minutes make that address
wait (HTTP 429), whichever accounts were tried, so a spray neither succeeds nor locks anyone out.
django-axes was considered: its lock either never forgets old failures or lifts itself after the
cool-off, and this policy needs both a 15-minute window and an administrator release.
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ncos.accounts.models import AccountLock, SignInFailure, User
from ncos.audit import record as audit
from ncos.audit.models import Outcome


def is_locked(user: User) -> bool:
    return AccountLock.objects.filter(user=user, released_at__isnull=True).exists()


def address_throttled(ip_address: str | None) -> bool:
    if not ip_address:
        return False
    since = timezone.now() - settings.NCOS_IP_THROTTLE_WINDOW
    recent = SignInFailure.objects.filter(ip_address=ip_address, at__gte=since).count()
    return recent >= settings.NCOS_IP_THROTTLE_FAILURES


def _consecutive_failures(user: User) -> int:
    since = timezone.now() - settings.NCOS_LOCKOUT_WINDOW
    # Failures before the last successful sign-in or the last release do not count.
    for reset_point in (user.last_login, _last_release(user)):
        if reset_point is not None and reset_point > since:
            since = reset_point
    return SignInFailure.objects.filter(username=user.username, at__gt=since).count()


def _last_release(user: User):  # type: ignore[no-untyped-def]
    lock = AccountLock.objects.filter(user=user, released_at__isnull=False).first()
    return lock.released_at if lock else None


def register_failure(
    *, username: str, ip_address: str | None, user: User | None, reason: str
) -> None:
    """Count the failure, audit it, and lock the account when the limit is reached."""
    with transaction.atomic():
        SignInFailure.objects.create(
            username=username[:150], ip_address=ip_address, at=timezone.now()
        )
        audit.record(
            action="auth.sign_in_failed",
            actor=user,
            actor_username=username,
            outcome=Outcome.DENIED,
            reason=reason,
            object_type="user" if user else "",
            object_id=user.pk if user else "",
        )
        if user is None or is_locked(user):
            return
        if _consecutive_failures(user) >= settings.NCOS_LOCKOUT_FAILURES:
            try:
                with transaction.atomic():
                    AccountLock.objects.create(
                        user=user,
                        locked_at=timezone.now(),
                        reason=f"{settings.NCOS_LOCKOUT_FAILURES} failed sign-ins",
                    )
            except IntegrityError:
                return  # a concurrent failure locked it first
            audit.record(
                action="auth.locked",
                actor=user,
                outcome=Outcome.DENIED,
                reason=f"{settings.NCOS_LOCKOUT_FAILURES} consecutive failed sign-ins",
                object_type="user",
                object_id=user.pk,
            )
