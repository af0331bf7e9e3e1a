"""DRF wiring of the policy. Every API view must declare `access_action` (default deny)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of


class DeclaredActionPermission(BasePermission):
    """Refuse any view that has not declared the action it performs; check the role-level rule.

    Record-level checks (jurisdiction, protected) happen in the selectors and services, which
    know the record; this gate only answers "may this user ever take this action?".
    """

    message = "You do not have permission to do this."

    def has_permission(self, request: Request, view: Any) -> bool:
        action = self._action(request, view)
        if action is None:
            return False
        if not request.user or not request.user.is_authenticated:
            return False
        subject = subject_of(request.user)
        if action in _RECORD_SCOPED:
            # The record decides later; a role that could not act even on an ordinary record of
            # its own jurisdiction can never act, and is refused here.
            own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
            return decide(subject, action, own).allowed
        return decide(subject, action).allowed

    @staticmethod
    def _action(request: Request, view: Any) -> Action | None:
        declared = getattr(view, "access_actions", None)
        if isinstance(declared, dict):
            return declared.get(request.method or "GET")
        single = getattr(view, "access_action", None)
        return single if isinstance(single, Action) else None


_RECORD_SCOPED = frozenset(
    {
        Action.PERSON_VIEW,
        Action.PERSON_CREATE,
        Action.PERSON_UPDATE,
        Action.PERSON_EXPORT,
        Action.PERSON_PRINT,
        Action.PERSON_PHOTO,
        Action.PERSON_MERGE,
        Action.TRAVEL_DECIDE,
        Action.PASSPORT_REQUEST,
        Action.PASSPORT_APPROVE,
        Action.USER_ADMIN,
    }
)


class AuthenticatedReader(BasePermission):
    """For the OpenAPI schema and docs: any signed-in user."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)
