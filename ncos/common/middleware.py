"""Request-level plumbing: request id and client address, plus headers Django does not set."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from ncos.common import context

_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


def client_ip(request: HttpRequest) -> str | None:
    """The client address. Behind a proxy, only the trusted proxy's header is believed."""
    if getattr(settings, "NCOS_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:45] or None
    return request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
        ctx = context.RequestContext(
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
            session_hash=hashlib.sha256(session_key.encode()).hexdigest()[:16]
            if session_key
            else "",
            channel="api" if request.path.startswith("/api/") else "web",
            **({"request_id": incoming} if _REQUEST_ID.match(incoming) else {}),
        )
        request.request_id = ctx.request_id  # type: ignore[attr-defined]
        with context.activate(ctx):
            response = self.get_response(request)
        response["X-Request-ID"] = ctx.request_id
        return response


class SecurityHeadersMiddleware:
    """Permissions-Policy, no-store on authenticated responses, no server version (DP-3, DP-4)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            response["Cache-Control"] = "no-store"
        for header in ("Server", "X-Powered-By"):
            if header in response:
                del response[header]
        return response
