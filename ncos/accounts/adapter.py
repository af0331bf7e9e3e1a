"""allauth adapter: no self sign-up, no email, no password-reset-by-email paths (AU-2)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # accounts are created by an administrator of the user's jurisdiction

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        raise RuntimeError("ncos sends no email: no email factor or reset path exists")

    def set_password(self, user: Any, password: str) -> None:
        # A password the user chose ends the single-use initial password.
        user.must_change_password = False
        user.initial_password_expires_at = None
        super().set_password(user, password)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if getattr(request.user, "must_change_password", False):
            return "/accounts/password/change/"
        return super().get_login_redirect_url(request)
