"""Opening an inbox item: the opening is audited (a read of the person it is about) and the
item is marked read for this user."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.accounts.models import User
from ncos.registry.selectors import PersonAccess, person_access
from ncos.sharing.models import InboxItem, InboxRead
from ncos.sharing.services._common import as_uuid, now


def inbox_open(*, actor: User, item_id: object) -> tuple[InboxItem, PersonAccess]:
    """Open one item of the actor's own registry's inbox (another registry's items do not
    exist for them). Writes exactly one audit row: the read of the person, with the item."""
    pk = as_uuid(item_id, "inbox item")
    item = InboxItem.objects.filter(pk=pk, jurisdiction_id=actor.jurisdiction_id).first()
    if item is None:
        raise NotFound("inbox item not found")
    with transaction.atomic():
        access = person_access(
            actor=actor,
            person_id=item.person_id,
            action=Action.PERSON_VIEW,
            purpose="inbox",
            inbox_item=str(item.pk),
            object_type=item.object_type,
            object_id=str(item.object_id),
        )
        _mark_read(item, actor)
    return item, access


def _mark_read(item: InboxItem, actor: Any) -> None:
    if InboxRead.objects.filter(item=item, user=actor).exists():
        return
    try:
        with transaction.atomic():
            InboxRead.objects.create(item=item, user=actor, read_at=now())
    except IntegrityError:  # opened twice at once: once is enough
        pass
