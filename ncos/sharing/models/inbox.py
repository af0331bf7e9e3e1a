"""Each registry's inbox: one item per thing another registry (or the passport authority)
sent it, and who has opened it (per user: the unread count in the menu)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.sharing.choices import InboxKind


class InboxItem(models.Model):
    """An entry in `jurisdiction`'s inbox. `title` never names the person (lists are seen by
    users without protected clearance); the target is `object_type`/`object_id`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    from_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=InboxKind.choices)
    title = models.CharField(max_length=200)
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="+")
    object_type = models.CharField(max_length=30)
    object_id = models.UUIDField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["jurisdiction", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id}: {self.title}"


class InboxRead(models.Model):
    item = models.ForeignKey(InboxItem, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="sharing_read_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} read by {self.user_id}"
