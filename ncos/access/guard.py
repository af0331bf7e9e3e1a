"""`authorize()`: decide, and on refusal raise an AccessDenied that carries its audit row."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ncos.access.actions import Action
from ncos.access.errors import AccessDenied
from ncos.access.policy import Decision, RecordRef, decide
from ncos.access.subjects import subject_of


def authorize(
    actor: Any,
    action: Action,
    record: RecordRef | None = None,
    *,
    object_type: str = "",
    object_id: object = "",
) -> Decision:
    """Return the decision if allowed (or a stub for reads); otherwise raise AccessDenied.

    Outside a transaction the refusal is audited at once; inside one, the exception carries the
    row and the service boundary writes it after the rollback.
    """
    decision = decide(subject_of(actor), action, record)
    if decision.allowed or decision.stub:
        return decision
    denied = AccessDenied(
        decision.reason,
        audit={
            "action": action.value,
            "actor": actor if getattr(actor, "is_authenticated", False) else None,
            "outcome": "denied",
            "reason": decision.reason,
            "object_type": object_type,
            "object_id": object_id,
            "managing_jurisdiction": record.managing_jurisdiction if record else "",
            "protected": record.protected if record else False,
        },
    )
    if not transaction.get_connection().in_atomic_block:
        denied.write_audit()
    raise denied
