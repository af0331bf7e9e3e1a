"""User administration: every change by an administrator of the user's jurisdiction, audited.

Administrators never choose a password: creating a user or resetting one issues a random,
single-use initial password that expires in 24 hours (security.md AU-11).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import IntegrityError
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.roles import Role
from ncos.accounts.models import AccountLock, ApiToken, RoleGrant, User, UserSession
from ncos.accounts.privileges import PRIVILEGED_ROLES, request_privilege, withdraw_pending
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.directory.models import Jurisdiction


def _user_ref(jurisdiction_code: str | None) -> RecordRef:
    return RecordRef(managing_jurisdiction=jurisdiction_code or "", kind="user")


def _authorize_admin(actor: User, target_jurisdiction: str | None, target_id: object = "") -> None:
    authorize(
        actor,
        Action.USER_ADMIN,
        _user_ref(target_jurisdiction),
        object_type="user",
        object_id=target_id,
    )


def new_initial_password() -> str:
    return secrets.token_urlsafe(18)  # 24 characters, ~144 bits


def end_sessions(user: User) -> None:
    """Rotate the stamp (ends every session on its next request) and drop the live session now."""
    user.security_stamp = uuid.uuid4()
    user.save(update_fields=["security_stamp"])
    live = UserSession.objects.filter(user=user).first()
    if live is not None:
        Session.objects.filter(session_key=live.session_key).delete()
        live.delete()


@service
def user_create(
    *,
    actor: User,
    username: str,
    first_name: str,
    last_name: str,
    jurisdiction: Jurisdiction,
    roles: Iterable[Role],
    email: str = "",
) -> tuple[User, str]:
    """Create a user with roles; returns the user and the one-time initial password to hand over."""
    _authorize_admin(actor, jurisdiction.code)
    if User.objects.filter(username__iexact=username).exists():
        raise RuleViolation("That username is taken.", field="username")
    password = new_initial_password()
    try:
        user = User.objects.create_user(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
            jurisdiction=jurisdiction,
            must_change_password=True,
            initial_password_expires_at=timezone.now() + settings.NCOS_INITIAL_PASSWORD_LIFETIME,
        )
    except IntegrityError as exc:
        raise RuleViolation("That username is taken.", field="username") from exc
    wanted = set(roles)
    role_list = sorted(wanted - PRIVILEGED_ROLES)
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=user, role=role, granted_by=actor) for role in role_list]
    )
    audit.record_write(
        actor=actor,
        action="user.create",
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=jurisdiction.code,
        changes={"roles": (None, [r.value for r in role_list]), "username": (None, username)},
    )
    for role in sorted(wanted & PRIVILEGED_ROLES):  # AC-7: a second administrator approves
        request_privilege(
            actor=actor, user=user, kind="role", role=role.value, reason="asked at account creation"
        )
    return user, password


@service
def user_set_roles(*, actor: User, user: User, roles: Iterable[Role], reason: str = "") -> User:
    """Set the user's roles. Roles taken away go at once; an administrator or auditor role
    added waits for a second administrator (`ncos.accounts.privileges`)."""
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    wanted = set(roles)
    if user.pk == actor.pk and Role.ADMINISTRATOR not in wanted:
        raise RuleViolation("You cannot remove your own administrator role.", field="roles")
    before = sorted(r.value for r in user.roles)
    RoleGrant.objects.filter(user=user).exclude(role__in=[r.value for r in wanted]).delete()
    withdraw_pending(
        actor=actor, user=user, kind="role", roles={r.value for r in PRIVILEGED_ROLES - wanted}
    )
    existing = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    granted = {r for r in wanted if r.value not in existing}
    for role in sorted(granted & PRIVILEGED_ROLES):  # AC-7: a second administrator approves
        request_privilege(actor=actor, user=user, kind="role", role=role.value, reason=reason)
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=user, role=r, granted_by=actor) for r in granted - PRIVILEGED_ROLES]
    )
    user.forget_cached_roles()
    after = sorted(r.value for r in user.roles)
    if before != after:
        end_sessions(user)
        audit.record_write(
            actor=actor,
            action="user.roles_changed",
            object_type="user",
            object_id=user.pk,
            managing_jurisdiction=user.jurisdiction_id or "",
            changes={"roles": (before, after)},
        )
    return user


@service
def user_set_clearance(*, actor: User, user: User, cleared: bool, reason: str) -> User:
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    if not reason.strip():
        raise RuleViolation("Give the reason for this clearance decision.", field="reason")
    if cleared:
        if not user.protected_clearance:  # AC-7: a second administrator approves
            request_privilege(actor=actor, user=user, kind="clearance", reason=reason)
        return user
    withdraw_pending(actor=actor, user=user, kind="clearance")
    if user.protected_clearance != cleared:
        before = user.protected_clearance
        user.protected_clearance = cleared
        user.save(update_fields=["protected_clearance"])
        end_sessions(user)
        audit.record_write(
            actor=actor,
            action="user.clearance_changed",
            object_type="user",
            object_id=user.pk,
            managing_jurisdiction=user.jurisdiction_id or "",
            changes={"protected_clearance": (before, cleared)},
            reason=reason,
        )
    return user


@service
def user_disable(*, actor: User, user: User, reason: str) -> User:
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    if user.pk == actor.pk:
        raise RuleViolation("You cannot disable your own account.")
    if not reason.strip():
        raise RuleViolation("Give the reason for disabling this account.", field="reason")
    user.is_active = False
    user.disabled_at = timezone.now()
    user.disabled_reason = reason[:200]
    user.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
    end_sessions(user)
    audit.record_write(
        actor=actor,
        action="user.disabled",
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=user.jurisdiction_id or "",
        reason=reason,
        changes={"is_active": (True, False)},
    )
    return user


@service
def user_enable(*, actor: User, user: User) -> User:
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    user.is_active = True
    user.disabled_at = None
    user.disabled_reason = ""
    user.last_activity_at = timezone.now()  # otherwise the 45-day sweep disables it again at once
    user.save(update_fields=["is_active", "disabled_at", "disabled_reason", "last_activity_at"])
    audit.record_write(
        actor=actor,
        action="user.enabled",
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=user.jurisdiction_id or "",
        changes={"is_active": (False, True)},
    )
    return user


@service
def user_reset_password(*, actor: User, user: User) -> str:
    """Issue a new single-use initial password; the user must replace it at the next sign-in."""
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    password = new_initial_password()
    user.set_password(password)
    user.must_change_password = True
    user.initial_password_expires_at = timezone.now() + settings.NCOS_INITIAL_PASSWORD_LIFETIME
    user.save(update_fields=["password", "must_change_password", "initial_password_expires_at"])
    end_sessions(user)
    audit.record_write(
        actor=actor,
        action="user.password_reset",
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=user.jurisdiction_id or "",
    )
    return password


@service
def user_end_sessions(*, actor: User, user: User, reason: str) -> None:
    """The administrator's "kill": every session of the user ends on its next request."""
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    end_sessions(user)
    audit.record_write(
        actor=actor,
        action="user.sessions_ended",
        object_type="user",
        object_id=user.pk,
        managing_jurisdiction=user.jurisdiction_id or "",
        reason=reason,
    )


@service
def lock_release(*, actor: User, user: User) -> bool:
    """Release the user's sign-in lock (needs a recent re-authentication, checked by the view)."""
    _authorize_admin(actor, user.jurisdiction_id, user.pk)
    released = AccountLock.objects.filter(user=user, released_at__isnull=True).update(
        released_at=timezone.now(), released_by=actor
    )
    if released:
        audit.record_write(
            actor=actor,
            action="auth.lock_released",
            object_type="user",
            object_id=user.pk,
            managing_jurisdiction=user.jurisdiction_id or "",
        )
    return bool(released)


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@service
def api_token_create(
    *, actor: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """A token for the actor's own use by another system; the secret is shown once."""
    if not name.strip():
        raise RuleViolation("Name the token after the system that will use it.", field="name")
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=name.strip()[:80],
        prefix=prefix,
        key_hash=_token_hash(secret),
        expires_at=expires_at,
    )
    audit.record_write(
        actor=actor, action="api_token.create", object_type="api_token", object_id=token.pk
    )
    return token, f"ncos_{prefix}_{secret}"


@service
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        _authorize_admin(actor, token.user.jurisdiction_id, token.user_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record_write(
            actor=actor, action="api_token.revoke", object_type="api_token", object_id=token.pk
        )


def api_token_authenticate(raw: str) -> User | None:
    """The user a presented token belongs to, if it is valid, unexpired and unrevoked."""
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != "ncos":
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    if token is None or token.revoked_at is not None:
        return None
    if token.expires_at is not None and token.expires_at < timezone.now():
        return None
    if not secrets.compare_digest(token.key_hash, _token_hash(parts[2])):
        return None
    user = token.user
    if not user.is_active:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    # A system account used only through its token is in use: the 45-day sweep must see that.
    User.objects.filter(pk=user.pk).update(last_activity_at=now)
    return user


def disable_inactive_accounts(*, now: datetime | None = None) -> list[int]:
    """The nightly sweep: accounts unused for 45 days are disabled (security.md OP-1)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NCOS_INACTIVE_ACCOUNT_DAYS)
    disabled: list[int] = []
    for user in User.objects.filter(is_active=True):
        last = user.last_activity_at or user.last_login or user.date_joined
        if last < cutoff:
            user.is_active = False
            user.disabled_at = now
            user.disabled_reason = f"unused for {settings.NCOS_INACTIVE_ACCOUNT_DAYS} days"
            user.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
            end_sessions(user)
            audit.record_write(
                actor=None,
                action="user.disabled",
                object_type="user",
                object_id=user.pk,
                managing_jurisdiction=user.jurisdiction_id or "",
                reason=user.disabled_reason,
                changes={"is_active": (True, False)},
            )
            disabled.append(user.pk)
    return disabled
