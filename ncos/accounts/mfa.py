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


def install_totp_replay_window() -> None:
    """Remember a used TOTP code for as long as it could still be accepted (AU-3).

    allauth accepts a code for one step either side of now (MFA_TOTP_TOLERANCE), i.e. for up to
    (2 × tolerance + 1) × period seconds, but remembers it as used for one period only, so a
    code seen by someone else could be replayed 31–89 s later. Called from AccountsConfig.ready;
    `test_a_used_totp_code_stays_refused_for_its_whole_validity` holds it in place.
    """
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import TOTP
    from django.core.cache import cache

    def _mark_code_used(self: TOTP, code: str) -> bool:
        window = app_settings.TOTP_PERIOD * (2 * app_settings.TOTP_TOLERANCE + 1)
        return bool(cache.add(self._get_used_cache_key(code), "y", timeout=window + 1))

    TOTP._mark_code_used = _mark_code_used  # type: ignore[method-assign]
