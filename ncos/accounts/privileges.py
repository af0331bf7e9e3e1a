"""Two-person approval of privileges (security.md AC-7; ASVS 2.3.5; ISM-1507).

Granting protected persons clearance, or a privileged role (administrator, auditor), is asked
for by one administrator and takes effect only when a second administrator of the same
jurisdiction approves — never the one who asked, never the user concerned. Taking a privilege
away applies at once (least privilege). Every step is audited.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ncos.access.errors import NotFound, RuleViolation
from ncos.access.roles import Role
from ncos.accounts.models import PrivilegeRequest, RoleGrant, User
from ncos.audit import record as audit
from ncos.common.services import service

PRIVILEGED_ROLES = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})
SECOND_PERSON = "A second administrator must decide: not the one who asked, nor the user concerned."


def _audit(actor: User, action: str, request: PrivilegeRequest, **kw: Any) -> None:
    audit.record_write(
        actor=actor,
        action=action,
        object_type="user",
        object_id=request.user_id,
        managing_jurisdiction=request.user.jurisdiction_id or "",
        details={
            "privilege_request": request.pk,
            "kind": request.kind,
            "role": request.role,
            "requested_by": request.requested_by.username,
            **kw.pop("details", {}),
        },
        **kw,
    )


def request_privilege(
    *, actor: User, user: User, kind: str, role: str = "", reason: str
) -> PrivilegeRequest:
    """File a request (inside the caller's service, which has authorised `actor`). One pending
    request per privilege: asking again returns the one already waiting."""
    waiting = PrivilegeRequest.objects.filter(
        user=user, kind=kind, role=role, state=PrivilegeRequest.State.PENDING
    ).first()
    if waiting is not None:
        return waiting
    request = PrivilegeRequest.objects.create(
        user=user,
        kind=kind,
        role=role,
        reason=reason.strip()[:300] or "no reason given",
        requested_by=actor,
        requested_at=timezone.now(),
    )
    _audit(actor, "user.privilege_requested", request, reason=request.reason)
    return request


def withdraw_pending(*, actor: User, user: User, kind: str, roles: set[str] | None = None) -> None:
    """A privilege taken away (or no longer wanted) is no longer waiting for approval either."""
    waiting = PrivilegeRequest.objects.filter(
        user=user, kind=kind, state=PrivilegeRequest.State.PENDING
    )
    if roles is not None:
        waiting = waiting.filter(role__in=roles)
    for request in waiting.select_related("requested_by", "user"):
        _close(actor, request, PrivilegeRequest.State.WITHDRAWN, "user.privilege_withdrawn")


def _close(actor: User, request: PrivilegeRequest, state: str, action: str) -> None:
    request.state = state
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.save(update_fields=["state", "decided_by", "decided_at"])
    _audit(actor, action, request)


def pending_for(user: User) -> list[PrivilegeRequest]:
    return list(
        PrivilegeRequest.objects.filter(user=user, state=PrivilegeRequest.State.PENDING)
        .select_related("requested_by")
        .order_by("requested_at")
    )


def _open(actor: User, request_id: object) -> PrivilegeRequest:
    from ncos.accounts.services import _authorize_admin

    try:
        pk = int(str(request_id))
    except ValueError:
        raise NotFound("privilege request not found") from None
    request = (
        PrivilegeRequest.objects.select_for_update(of=("self",))
        .select_related("user", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if request is None:
        raise NotFound("privilege request not found")
    _authorize_admin(actor, request.user.jurisdiction_id, request.user_id)
    if request.state != PrivilegeRequest.State.PENDING:
        raise RuleViolation(f"This request was already {request.get_state_display().lower()}.")
    return request


@service
def privilege_decide(*, actor: User, request_id: object, approve: bool) -> PrivilegeRequest:
    """A second administrator approves (the privilege is granted) or refuses."""
    from ncos.accounts.services import end_sessions

    request = _open(actor, request_id)
    if actor.pk in (request.requested_by_id, request.user_id):
        raise RuleViolation(SECOND_PERSON)
    if not approve:
        _close(actor, request, PrivilegeRequest.State.REFUSED, "user.privilege_refused")
        return request
    _close(actor, request, PrivilegeRequest.State.APPROVED, "user.privilege_approved")
    user = request.user
    approvers = {"requested_by": request.requested_by.username, "approved_by": actor.username}
    if request.kind == PrivilegeRequest.Kind.CLEARANCE:
        if not user.protected_clearance:
            user.protected_clearance = True
            user.save(update_fields=["protected_clearance"])
            changes = {"protected_clearance": (False, True)}
            _changed(actor, user, "user.clearance_changed", changes, approvers, request.reason)
    else:
        before = sorted(r.value for r in user.roles)
        _, created = RoleGrant.objects.get_or_create(
            user=user, role=request.role, defaults={"granted_by": request.requested_by}
        )
        user.forget_cached_roles()
        if created:
            after = sorted(r.value for r in user.roles)
            _changed(actor, user, "user.roles_changed", {"roles": (before, after)}, approvers, "")
    end_sessions(user)
    return request


def _changed(
    actor: User,
    user: User,
    action: str,
    changes: dict[str, Any],
    details: dict[str, str],
    reason: str,
) -> None:
    audit.record_write(
        actor=actor,
        action=action,
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=user.jurisdiction_id or "",
        changes=changes,
        details=details,
        reason=reason,
    )


@service
def privilege_withdraw(*, actor: User, request_id: object) -> PrivilegeRequest:
    """Take a request back before it is decided (any administrator of the jurisdiction)."""
    request = _open(actor, request_id)
    _close(actor, request, PrivilegeRequest.State.WITHDRAWN, "user.privilege_withdrawn")
    return request
