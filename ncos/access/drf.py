"""DRF wiring of the policy. Every API view must declare `access_action` (default deny)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ncos.access.actions import Action
from ncos.access.policy import decide
from ncos.access.subjects import subject_of
from ncos.audit import record as audit


class DeclaredActionPermission(BasePermission):
    """Refuse any view that has not declared the action it performs; check the role-level rule.

    Record-level checks (jurisdiction, protected) happen in the selectors and services, which
    know the record; this gate only answers "may this user ever take this action?".
    """

    message = "You do not have permission to do this."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action = self._action(request, view)
        if action is None:
            _audit_refusal(request, view, None, "the view declares no action")
            return False
        # Without a record the policy answers "could this role ever take this action?"; the
        # selector or service decides again on the record (jurisdiction, protected).
        decision = decide(subject_of(request.user), action)
        if not decision.allowed:
            _audit_refusal(request, view, action, decision.reason)
        return decision.allowed

    @staticmethod
    def _action(request: Request, view: Any) -> Action | None:
        # `access_actions` is keyed by the viewset action name ("list", "retrieve", ...) or by
        # the HTTP method; `access_action` covers every method not named there.
        declared = getattr(view, "access_actions", None)
        if isinstance(declared, dict):
            action = declared.get(getattr(view, "action", None) or "") or declared.get(
                request.method or "GET"
            )
            if isinstance(action, Action):
                return action
        single = getattr(view, "access_action", None)
        return single if isinstance(single, Action) else None


def _audit_refusal(request: Request, view: Any, action: Action | None, reason: str) -> None:
    """Pages audit role-gate refusals (`views.role_gate`); the API does the same here, so every
    refused request leaves its one row, naming the person when the URL does."""
    person_id = getattr(view, "kwargs", {}).get("person_id", "")
    audit.record(
        action=action.value if action else "api.undeclared",
        actor=request.user,
        outcome="denied",
        reason=reason,
        object_type="person" if person_id else "",
        object_id=person_id,
        details={"path": request.path, "method": request.method},
    )


class AuthenticatedReader(BasePermission):
    """For the OpenAPI schema and docs: any signed-in user."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)
