"""Refusals raised by services and selectors; pages and the API translate them."""

from __future__ import annotations

from typing import Any


class AccessDenied(Exception):
    """The actor may not do this (HTTP 403). The reason is for the audit trail, not the user.

    A refusal inside a service's transaction would be rolled back with it, so the audit row is
    written after the rollback by the outermost `ncos.common.services.service` (or by the API and
    page error handlers) via `write_audit()`, exactly once.
    """

    def __init__(self, reason: str = "not permitted", audit: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.audit_payload = audit
        self.audited = audit is None

    def write_audit(self) -> None:
        if self.audited or self.audit_payload is None:
            return
        from ncos.audit import record as audit_record

        audit_record.record(**self.audit_payload)
        self.audited = True


class NotFound(Exception):
    """Missing — or hidden from this actor, which must look the same (HTTP 404)."""


class ConflictError(Exception):
    """The record changed since the actor read it (optimistic concurrency, HTTP 412)."""

    def __init__(self, message: str, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class RuleViolation(Exception):
    """A business rule refuses the operation (HTTP 400/409 with a message for the user)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
