"""Photographs and documents: stored re-encoded, under random names, outside the web root.

The file itself lives under MEDIA_ROOT at `storage_name` (random, no user-supplied part) and is
served only by the access-checked, audited views in `ncos.registry.views.files`. A photo or
document is never deleted: it is withdrawn (with who, when and why) and stays in history.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ncos.registry.choices import DocumentKind, PhotoKind

__all__ = ["Document", "Photo"]


class _StoredFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    storage_name = models.CharField(max_length=100, unique=True)
    content_type = models.CharField(max_length=40)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class Photo(_StoredFile):
    """A photograph of the person (face, body, a tattoo or mark), re-encoded without metadata."""

    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, related_name="photos")
    kind = models.CharField(max_length=10, choices=PhotoKind.choices, default=PhotoKind.FACE)
    taken_on = models.DateField()
    description = models.CharField(max_length=300, blank=True)
    mark_fact_id = models.UUIDField(
        null=True, blank=True, help_text="The tattoo/mark fact this photograph shows."
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    thumbnail_name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["person", "-taken_on", "-uploaded_at"]

    def __str__(self) -> str:
        return f"photo {self.id}"


class Document(_StoredFile):
    """A document about the person (PDF only)."""

    person = models.ForeignKey(
        "registry.Person", on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=15, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = models.CharField(max_length=200)
    document_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person", "-uploaded_at"]

    def __str__(self) -> str:
        return f"document {self.id}"
