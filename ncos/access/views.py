"""Page-side wiring of the policy: every view declares its action; undeclared views refuse."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views import View

from ncos.access.actions import Action
from ncos.access.errors import AccessDenied
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.audit import record as audit


def role_gate(request: HttpRequest, action: Action) -> None:
    """Refuse a user whose roles could never take `action`, even on their own jurisdiction's
    ordinary records; the record-level decision is made again by the selector or service."""
    subject = subject_of(request.user)
    own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    decision = decide(subject, action, own)
    if not (decision.allowed or decision.stub):
        audit.record(
            action=action.value,
            actor=request.user if request.user.is_authenticated else None,  # type: ignore[arg-type]
            outcome="denied",
            reason=decision.reason,
            details={"path": request.path},
        )
        raise PermissionDenied(decision.reason)


class AccessMixin(View):
    """Class-based views: set `access_action` (or `access_actions` per HTTP method)."""

    access_action: Action | None = None
    access_actions: dict[str, Action] | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = (self.access_actions or {}).get(request.method or "GET", self.access_action)
        if action is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no access_action")
        role_gate(request, action)
        try:
            return super().dispatch(request, *args, **kwargs)
        except AccessDenied as denied:
            denied.write_audit()
            raise PermissionDenied(denied.reason) from denied


def requires(
    action: Action,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Function views: `@requires(Action.X)`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            role_gate(request, action)
            try:
                return view(request, *args, **kwargs)
            except AccessDenied as denied:
                denied.write_audit()
                raise PermissionDenied(denied.reason) from denied

        wrapped.access_action = action  # type: ignore[attr-defined]
        wrapped._ncos_access_guarded = True  # type: ignore[attr-defined]  (read by the matrix test)
        return wrapped

    return decorator
