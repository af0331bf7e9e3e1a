"""The only writers of the audit trail (CONVENTIONS house rule 2).

Call these from services and selectors, inside the same transaction as the act they record. If
the row cannot be written, `AuditUnavailable` propagates and the request fails closed with 503:
person data is never served unaudited (security.md LG-6).
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import DatabaseError, transaction
from django.utils import timezone

from ncos.audit import chain
from ncos.audit.models import AuditChainHead, AuditEvent, Outcome
from ncos.common import context

if TYPE_CHECKING:
    from ncos.accounts.models import User

logger = logging.getLogger("ncos.audit")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class AuditUnavailable(Exception):
    """The audit row could not be written; the act must not happen or be shown."""


# Write rows of services nested in a composite act (e.g. a compliance report that records
# personal details through the register's services) are collected here instead of being written,
# so the request still produces exactly ONE row: the outer service's, which lists them.
_absorbing: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
    "ncos_audit_absorbing", default=None
)


@contextmanager
def absorbed() -> Iterator[list[dict[str, Any]]]:
    """Inside the block, allowed events (`record`, `record_write`, `record_read`) are collected
    (action, object, details) rather than written; the caller must then write its own single row,
    outside the block, including the collected entries in its `details`. Refusals are never
    absorbed. Nesting keeps the outermost list."""
    outer = _absorbing.get()
    if outer is not None:
        yield outer
        return
    sink: list[dict[str, Any]] = []
    token = _absorbing.set(sink)
    try:
        yield sink
    finally:
        _absorbing.reset(token)


def clean(text: str, limit: int = 300) -> str:
    """Escape control characters (CR, LF, ANSI, bidi overrides) so nothing forges a line (LG-7)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)[:limit]


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value, 2000)
    if isinstance(value, Mapping):
        return {clean(str(k), 100): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_json(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return clean(str(value), 2000)


def record(
    *,
    action: str,
    actor: User | None = None,
    actor_username: str = "",
    outcome: str = Outcome.ALLOWED,
    reason: str = "",
    object_type: str = "",
    object_id: object = "",
    managing_jurisdiction: str = "",
    protected: bool = False,
    purpose: str = "",
    details: Mapping[str, Any] | None = None,
) -> AuditEvent | None:
    """Append one event to the chain. Takes the chain-head row lock for the rest of the caller's
    transaction, so keep audit calls at the end of a write. Inside `absorbed()`, an allowed
    event is collected for the outer service's row instead (and None returned)."""
    sink = _absorbing.get()
    if sink is not None and outcome == Outcome.ALLOWED:
        sink.append(
            {
                "action": action,
                "object_type": object_type,
                "object_id": str(object_id),
                "details": _clean_json(dict(details or {})),
            }
        )
        return None
    ctx = context.current()
    try:
        with transaction.atomic():
            head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
            fields: dict[str, Any] = {
                "seq": head.seq + 1,
                "event_id": uuid.uuid4(),
                "at": timezone.now(),
                "actor_id": actor.pk if actor is not None else None,
                "actor_username": clean(
                    actor.username if actor is not None else actor_username, 200
                ),
                "actor_jurisdiction": (actor.jurisdiction_id or "") if actor is not None else "",
                "actor_roles": ",".join(sorted(actor.roles)) if actor is not None else "",
                "session_hash": ctx.session_hash,
                "request_id": ctx.request_id,
                "channel": ctx.channel,
                "ip_address": ctx.ip_address or "",
                "user_agent": clean(ctx.user_agent),
                "action": action,
                "outcome": str(outcome),
                "reason": clean(reason),
                "object_type": object_type,
                "object_id": str(object_id),
                "managing_jurisdiction": managing_jurisdiction,
                "protected": protected,
                "purpose": clean(purpose),
                "details": _clean_json(dict(details or {})),
                "prev_hash": head.hash,
            }
            fields["hash"] = chain.row_hash(fields)
            event = AuditEvent.objects.create(**fields)
            head.seq = fields["seq"]
            head.hash = fields["hash"]
            head.save(update_fields=["seq", "hash"])
            return event
    except DatabaseError as exc:
        logger.critical("audit write failed: %s", type(exc).__name__)
        raise AuditUnavailable(str(exc)) from exc


def record_read(
    *,
    actor: User,
    object_type: str,
    object_id: object,
    managing_jurisdiction: str,
    protected: bool,
    outcome: str = Outcome.ALLOWED,
    action: str = "person.view",
    reason: str = "",
    purpose: str = "",
    details: Mapping[str, Any] | None = None,
) -> AuditEvent | None:
    return record(
        action=action,
        actor=actor,
        outcome=outcome,
        reason=reason,
        object_type=object_type,
        object_id=object_id,
        managing_jurisdiction=managing_jurisdiction,
        protected=protected,
        purpose=purpose,
        details=details,
    )


def record_write(
    *,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: object,
    managing_jurisdiction: str = "",
    protected: bool = False,
    changes: Mapping[str, tuple[Any, Any] | list[Any]] | None = None,
    reason: str = "",
    details: Mapping[str, Any] | None = None,
) -> AuditEvent | None:
    payload: dict[str, Any] = dict(details or {})
    if changes:
        payload["changes"] = {
            name: {"before": before, "after": after} for name, (before, after) in changes.items()
        }
    return record(
        action=action,
        actor=actor,
        object_type=object_type,
        object_id=object_id,
        managing_jurisdiction=managing_jurisdiction,
        protected=protected,
        reason=reason,
        details=payload,
    )


def record_search(
    *,
    actor: User,
    action: str = "person.search",
    terms: Mapping[str, Any],
    result_ids: Iterable[object],
    protected_in_results: bool = False,
) -> AuditEvent | None:
    ids = [str(i) for i in result_ids]
    return record(
        action=action,
        actor=actor,
        protected=protected_in_results,
        details={"terms": dict(terms), "result_ids": ids[:500], "result_count": len(ids)},
    )


def record_denied(
    *, actor: User | None, action: str, reason: str, object_type: str = "", object_id: object = ""
) -> AuditEvent | None:
    return record(
        action=action,
        actor=actor,
        outcome=Outcome.DENIED,
        reason=reason,
        object_type=object_type,
        object_id=object_id,
    )
