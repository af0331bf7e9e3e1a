"""The only writers of the audit trail (CONVENTIONS house rule 2).

Call these from services and selectors, inside the same transaction as the act they record. If
the row cannot be written, `AuditUnavailable` propagates and the request fails closed with 503:
person data is never served unaudited (security.md LG-6).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable, Mapping
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
) -> AuditEvent:
    """Append one event to the chain. Takes the chain-head row lock for the rest of the caller's
    transaction, so keep audit calls at the end of a write."""
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
) -> AuditEvent:
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
) -> AuditEvent:
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
) -> AuditEvent:
    ids = [str(i) for i in result_ids]
    return record(
        action=action,
        actor=actor,
        protected=protected_in_results,
        details={"terms": dict(terms), "result_ids": ids[:500], "result_count": len(ids)},
    )


def record_denied(
    *, actor: User | None, action: str, reason: str, object_type: str = "", object_id: object = ""
) -> AuditEvent:
    return record(
        action=action,
        actor=actor,
        outcome=Outcome.DENIED,
        reason=reason,
        object_type=object_type,
        object_id=object_id,
    )
