"""API authentication: per-user revocable tokens for systems, the browser session for pages."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from ncos.accounts.services import api_token_authenticate


class ApiTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer ncos_<prefix>_<secret>`."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.startswith(self.keyword + " "):
            return None
        user = api_token_authenticate(header[len(self.keyword) + 1 :].strip())
        if user is None:
            raise AuthenticationFailed("The token is invalid, expired or revoked.")
        return user, None

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class MfaSessionAuthentication(SessionAuthentication):
    """The browser's session. Sessions only exist after both factors (allauth's MFA stage), and
    `AccountStateMiddleware` refuses sessions of users without a second factor; CSRF enforced."""


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "ncos.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "ncos_<prefix>_<secret>"}


class SessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "ncos.api.authentication.MfaSessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
