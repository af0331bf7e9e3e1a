"""Whether a user has a second factor (WebAuthn key or TOTP app).

Recovery codes alone do not count: they are a way back in, not a factor to rely on.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator

from ncos.accounts.models import User


def has_second_factor(user: User) -> bool:
    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )
