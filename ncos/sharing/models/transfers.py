"""Transfer of management between registries: the person moved; the managing registry asks
the other to take over, the other accepts (the register's managing jurisdiction changes and the
obligations are recomputed under its law from the day the person entered) or refuses."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.sharing.choices import TransferStatus
from ncos.sharing.models.common import new_reference


def _transfer_reference() -> str:
    return new_reference("TX")


class TransferRequest(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=_transfer_reference)
    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="transfer_requests"
    )
    from_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    to_jurisdiction = models.ForeignKey(
        "directory.Jurisdiction", on_delete=models.PROTECT, related_name="+"
    )
    entered_on = models.DateField(help_text="The day the person entered the new jurisdiction.")
    new_locality = models.CharField(max_length=200, blank=True)
    handover_note = models.TextField(
        help_text="For the new managers: risks, conditions, open matters, contacts."
    )
    status = models.CharField(
        max_length=10, choices=TransferStatus.choices, default=TransferStatus.REQUESTED
    )
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.CharField(max_length=1000, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status="requested"),
                name="sharing_one_open_transfer_per_person",
            )
        ]

    def __str__(self) -> str:
        return self.reference
