"""`authorize()`: decide, and on refusal raise an AccessDenied that carries its audit row."""

from __future__ import annotations

from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import AccessDenied
from ncos.access.policy import Decision, RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.common.services import in_service


def authorize(
    actor: Any,
    action: Action,
    record: RecordRef | None = None,
    *,
    object_type: str = "",
    object_id: object = "",
) -> Decision:
    """Return the decision if allowed (or a stub for reads); otherwise raise AccessDenied.

    Outside a service the refusal is audited at once; inside one, the exception carries the row
    and the outermost `@service` writes it after its rollback (or the view/API handler does).
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
    if not in_service():
        denied.write_audit()
    raise denied
