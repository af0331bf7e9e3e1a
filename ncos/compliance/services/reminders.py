"""Dismissing a reminder the officer has dealt with."""

from __future__ import annotations

from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.common.services import service
from ncos.compliance.models import Reminder
from ncos.compliance.services._common import audit_write, lock_person, now


@service
def reminder_dismiss(*, actor: Any, reminder_id: object) -> Reminder:
    try:
        pk = int(str(reminder_id))
    except ValueError:
        raise NotFound("reminder not found") from None
    found = Reminder.objects.filter(pk=pk).only("person_id").first()
    if found is None:
        raise NotFound("reminder not found")
    person = lock_person(actor, found.person_id, Action.PERSON_UPDATE)
    reminder = Reminder.objects.select_for_update().get(pk=pk)
    if reminder.dismissed_at is not None:
        raise RuleViolation("This reminder was already dismissed.")
    reminder.dismissed_at = now()
    reminder.save(update_fields=["dismissed_at"])
    audit_write(
        actor,
        person,
        "compliance.reminder.dismiss",
        details={"reminder_id": reminder.pk, "obligation_key": reminder.obligation_key},
    )
    return reminder
