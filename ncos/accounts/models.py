"""Users, their roles and clearance, sign-in failures and locks, API tokens and live sessions."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac

from ncos.access.roles import ROLE_CHOICES, Role


class User(AbstractUser):
    """A police user. Belongs to exactly one jurisdiction; holds roles through RoleGrant rows."""

    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="users", null=True
    )
    protected_clearance = models.BooleanField(
        default=False,
        help_text="May see protected persons' details (witness protection). No role implies it.",
    )
    # Rotated on every change of roles, clearance, jurisdiction or status: it is part of the
    # session hash, so every session of the user ends on its next request (security.md AC-6).
    security_stamp = models.UUIDField(default=uuid.uuid4, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=200, blank=True)
    must_change_password = models.BooleanField(default=False)
    initial_password_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

    @property
    def roles(self) -> frozenset[Role]:
        cached: frozenset[Role] | None = getattr(self, "_roles_cache", None)
        if cached is None:
            if self.pk is None:
                return frozenset()
            cached = frozenset(Role(r) for r in self.role_grants.values_list("role", flat=True))
            self._roles_cache = cached
        return cached

    def forget_cached_roles(self) -> None:
        self.__dict__.pop("_roles_cache", None)

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django flushes a session whose stored hash no longer matches: including the stamp makes
        # role/clearance/jurisdiction changes and administrator kills end sessions (SE-5).
        key_salt = "ncos.accounts.User.session_auth_hash"
        return salted_hmac(
            key_salt,
            f"{self.password}:{self.security_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class RoleGrant(models.Model):
    """One role held by one user, with who granted it and when it was last revalidated."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=30, choices=ROLE_CHOICES)
    granted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revalidated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="accounts_one_grant_per_role")
        ]
        ordering = ["user", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.role}"


class SignInFailure(models.Model):
    """A failed sign-in, by the username typed (which may not exist) and the client address."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username} failed at {self.at:%Y-%m-%d %H:%M:%S}"


class AccountLock(models.Model):
    """Set after repeated failures; only an administrator of the user's jurisdiction releases it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="locks")
    locked_at = models.DateTimeField()
    reason = models.CharField(max_length=200)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-locked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(released_at__isnull=True),
                name="accounts_one_open_lock_per_user",
            )
        ]

    def __str__(self) -> str:
        state = "released" if self.released_at else "locked"
        return f"{self.user} {state}"


class ApiToken(models.Model):
    """A revocable API token for a system account. Only a SHA-256 of the secret is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class UserSession(models.Model):
    """The live interactive session of a user: a new sign-in ends the older one (SE-8)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="live_session")
    session_key = models.CharField(max_length=40)
    started_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} since {self.started_at:%Y-%m-%d %H:%M}"


class PrivilegeRequest(models.Model):
    """A grant of protected clearance or of a privileged role, waiting for a second
    administrator (security.md AC-7: two distinct approvers). Removals apply at once."""

    class Kind(models.TextChoices):
        CLEARANCE = "clearance", "Protected persons clearance"
        ROLE = "role", "Role"

    class State(models.TextChoices):
        PENDING = "pending", "Awaiting a second administrator"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="privilege_requests")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    role = models.CharField(max_length=30, choices=ROLE_CHOICES, blank=True)
    reason = models.CharField(max_length=300)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "role"],
                condition=models.Q(state="pending"),
                name="accounts_one_pending_privilege",
            )
        ]

    def __str__(self) -> str:
        what = self.get_role_display() if self.kind == self.Kind.ROLE else self.get_kind_display()
        return f"{what} for {self.user}"
