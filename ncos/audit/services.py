"""Chain maintenance: checkpoints and verification."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ncos.audit import chain
from ncos.audit.models import AuditChainHead, AuditCheckpoint, AuditEvent


def checkpoint_create() -> AuditCheckpoint | None:
    """Sign the chain head as it stands now; returns None on an empty chain."""
    with transaction.atomic():
        head = AuditChainHead.objects.filter(pk=1).first()
        if head is None or head.seq == 0:
            return None
        latest = AuditCheckpoint.objects.order_by("-seq").first()
        if latest is not None and latest.seq == head.seq:
            return latest
        return checkpoint_at(head.seq, head.hash)


def checkpoint_at(seq: int, row_hash: str) -> AuditCheckpoint:
    """A signed checkpoint of the chain at row `seq` (the existing one if already signed)."""
    existing = AuditCheckpoint.objects.filter(seq=seq, hash=row_hash).first()
    return existing or AuditCheckpoint.objects.create(
        seq=seq, hash=row_hash, at=timezone.now(), signature=chain.sign_checkpoint(seq, row_hash)
    )


def verify_chain() -> chain.Verification:
    rows = (
        AuditEvent.objects.order_by("seq")
        .values(*chain.HASHED_FIELDS, "hash")
        .iterator(chunk_size=5000)
    )
    checkpoints = list(AuditCheckpoint.objects.values_list("seq", "hash", "signature"))
    head = AuditChainHead.objects.filter(pk=1).values_list("seq", "hash").first()
    return chain.verify_rows(rows, checkpoints, head)
