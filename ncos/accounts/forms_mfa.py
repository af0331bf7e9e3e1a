"""allauth MFA forms with ncos's rules (MFA_FORMS)."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms


class TOTPWhenNoSecurityKeyForm(ActivateTOTPForm):
    """An authenticator app is an interim fallback only: once a security key is enrolled it is
    no longer accepted (ISM-2011; security.md AU-1, T6)."""

    def clean_code(self) -> str:
        if Authenticator.objects.filter(user=self.user, type=Authenticator.Type.WEBAUTHN).exists():
            raise forms.ValidationError(
                "You sign in with a security key, so an authenticator app cannot be added. "
                "Add another security key instead."
            )
        return super().clean_code()
