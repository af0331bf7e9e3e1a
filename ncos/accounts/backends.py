"""Password authentication that honours locks, expiry of initial passwords and disabled accounts.

Every refusal looks the same to the caller (None → the form's one generic message) and costs the
same password-hash work, so nobody can tell an unknown user, a wrong password and a locked account
apart (security.md AU-9).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password, make_password
from django.http import HttpRequest
from django.utils import timezone

from ncos.accounts import lockout
from ncos.accounts.models import User
from ncos.common.middleware import client_ip


class LockoutAwareBackend(ModelBackend):
    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None:
            return None
        ip = client_ip(request) if request is not None else None
        user = User.objects.filter(username=username).first()
        refusal = self._refusal(user, password)
        if refusal is None:
            if user is not None and user.must_change_password:
                # An initial password works once (AU-11): this sign-in spends it, and the user
                # must choose their own before doing anything else.
                User.objects.filter(pk=user.pk).update(initial_password_expires_at=timezone.now())
            return user
        lockout.register_failure(username=username, ip_address=ip, user=user, reason=refusal)
        return None

    def _refusal(self, user: User | None, password: str) -> str | None:
        if user is None:
            make_password(password)  # same hashing cost as a real check
            return "unknown username"
        if lockout.is_locked(user):
            check_password(password, user.password)
            return "account locked"
        if not user.is_active:
            check_password(password, user.password)
            return "account disabled"
        expires = user.initial_password_expires_at
        if expires is not None and expires < timezone.now():
            check_password(password, user.password)
            return "initial password expired"
        if not user.check_password(password):
            return "wrong password"
        return None
