"""The audit trail: append-only, hash-chained, one row per audited act.

Only `ncos.audit.record` creates rows. Rows carry ids, not names (security.md LG-3); the actor is
a snapshot (id, username, jurisdiction, roles at the time), not a foreign key, so nothing done to
a user later can alter the trail.
"""

from __future__ import annotations

import uuid

from django.db import models


class Outcome(models.TextChoices):
    ALLOWED = "allowed", "Allowed"
    DENIED = "denied", "Denied"
    STUB = "stub", "Restricted stub shown"
    ERROR = "error", "Error"


class AuditEvent(models.Model):
    """One audited act. Never updated or deleted (triggers refuse it on both databases)."""

    seq = models.BigIntegerField(unique=True)
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=200, blank=True)
    actor_jurisdiction = models.CharField(max_length=3, blank=True, db_index=True)
    actor_roles = models.CharField(max_length=200, blank=True)
    session_hash = models.CharField(max_length=64, blank=True)
    request_id = models.CharField(max_length=64, db_index=True)
    channel = models.CharField(max_length=10)
    ip_address = models.CharField(max_length=45, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=60, db_index=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.CharField(max_length=300, blank=True)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    managing_jurisdiction = models.CharField(max_length=3, blank=True)
    protected = models.BooleanField(default=False)
    purpose = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.outcome}"


class AuditChainHead(models.Model):
    """The chain's last sequence number and hash; its row lock serialises writers."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"head at #{self.seq}"


class AuditCheckpoint(models.Model):
    """A signed snapshot of the chain head: deleting the tail of the chain is caught against it."""

    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    at = models.DateTimeField()
    signature = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"checkpoint at #{self.seq}"
