"""Turn a Django user into the policy's Subject (the only Django-aware part of the decision)."""

from __future__ import annotations

from typing import Any

from ncos.access.policy import Subject


def subject_of(user: Any) -> Subject:
    if user is None or not getattr(user, "is_authenticated", False):
        return Subject.anonymous()
    return Subject(
        user_id=user.pk,
        jurisdiction=user.jurisdiction_id,
        roles=user.roles,
        protected_clearance=bool(user.protected_clearance),
        active=bool(user.is_active) and user.disabled_at is None,
    )
