"""Photographs and documents: checked, cleaned, stored under random names, never deleted.

Files are written to MEDIA_ROOT (outside the web root; there is no MEDIA_URL route) under
`registry/<photos|documents>/<random hex>.<ext>`. If the service fails, the files just written
are removed again; a file left by a later rollback or failed commit is found and removed by
`manage.py registry_orphan_files`.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.choices import DocumentKind, PhotoKind
from ncos.registry.models import Detail, Document, Photo
from ncos.registry.services._common import (
    as_uuid,
    audit_write,
    check_not_future,
    lock_person,
    now,
)
from ncos.registry.uploads import clean_document, clean_photo


def _name(folder: str, extension: str) -> str:
    return f"registry/{folder}/{secrets.token_hex(16)}.{extension}"


@contextmanager
def _files_removed_on_error(names: list[str]) -> Iterator[None]:
    try:
        yield
    except BaseException:
        for name in names:
            default_storage.delete(name)
        raise


def _store(name: str, data: bytes) -> str:
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # pragma: no cover - 128 random bits never clash
        raise RuntimeError("storage renamed a random file name")
    return saved


@service
def photo_upload(
    *,
    actor: User,
    person_id: object,
    image: IO[bytes],
    taken_on: date,
    kind: str = PhotoKind.FACE,
    description: str = "",
    mark_fact_id: uuid.UUID | None = None,
) -> Photo:
    """Add a photograph (its date taken is required: a photo is evidence of appearance then)."""
    person = lock_person(actor, person_id)
    if kind not in PhotoKind.values:
        raise RuleViolation("Choose what the photograph shows.", "kind")
    check_not_future(taken_on, person, "taken_on", "The date taken")
    if taken_on < person.date_of_birth:
        raise RuleViolation("The photograph is dated before the person's birth.", "taken_on")
    if (
        mark_fact_id
        and not Detail.objects.filter(person=person, fact_id=mark_fact_id, kind="mark").exists()
    ):
        raise RuleViolation("Choose one of this person's tattoos or marks.", "mark_fact_id")
    clean = clean_photo(image)
    names = [_name("photos", clean.extension), _name("thumbs", "jpg")]
    with _files_removed_on_error(names):
        _store(names[0], clean.data)
        _store(names[1], clean.thumbnail)
        photo = Photo.objects.create(
            person=person,
            kind=kind,
            taken_on=taken_on,
            description=description[:300],
            mark_fact_id=mark_fact_id,
            width=clean.width,
            height=clean.height,
            storage_name=names[0],
            thumbnail_name=names[1],
            content_type=clean.content_type,
            size_bytes=len(clean.data),
            sha256=clean.sha256,
            uploaded_at=now(),
            uploaded_by=actor,
        )
        audit_write(
            actor,
            person,
            "person.photo.upload",
            details={"photo_id": photo.pk, "sha256": clean.sha256, "kind": kind},
        )
    return photo


@service
def document_upload(
    *,
    actor: User,
    person_id: object,
    file: IO[bytes],
    title: str,
    kind: str = DocumentKind.OTHER,
    document_date: date | None = None,
) -> Document:
    """Add a PDF document about the person."""
    person = lock_person(actor, person_id)
    if kind not in DocumentKind.values:
        raise RuleViolation("Choose the kind of document.", "kind")
    if not (title or "").strip():
        raise RuleViolation("Give the document a title.", "title")
    check_not_future(document_date, person, "document_date", "The document date")
    clean = clean_document(file)
    name = _name("documents", "pdf")
    with _files_removed_on_error([name]):
        _store(name, clean.data)
        document = Document.objects.create(
            person=person,
            kind=kind,
            title=title.strip()[:200],
            document_date=document_date,
            storage_name=name,
            content_type=clean.content_type,
            size_bytes=len(clean.data),
            sha256=clean.sha256,
            uploaded_at=now(),
            uploaded_by=actor,
        )
        audit_write(
            actor,
            person,
            "person.document.upload",
            details={"document_id": document.pk, "sha256": clean.sha256, "kind": kind},
        )
    return document


def _withdraw(actor: User, model: Any, pk: object, reason: str, action: str) -> Any:
    try:
        key = as_uuid(pk)
    except NotFound:
        raise NotFound("file not found") from None
    row = model.objects.filter(pk=key).only("person_id").first()
    if row is None:
        raise NotFound("file not found")
    person = lock_person(actor, row.person_id)
    obj = model.objects.select_for_update().get(pk=key)
    if obj.withdrawn_at is not None:
        raise RuleViolation("This file is already withdrawn.")
    if not (reason or "").strip():
        raise RuleViolation("Give the reason.", "reason")
    obj.withdrawn_at, obj.withdrawn_by, obj.withdrawn_reason = now(), actor, reason.strip()[:300]
    obj.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    audit_write(
        actor,
        person,
        action,
        reason=reason.strip()[:300],
        details={f"{model.__name__.lower()}_id": obj.pk},
    )
    return obj


@service
def photo_withdraw(*, actor: User, photo_id: object, reason: str) -> Photo:
    """Take a photograph out of use (wrong person, poor quality); it stays in the record."""
    return _withdraw(actor, Photo, photo_id, reason, "person.photo.withdraw")


@service
def document_withdraw(*, actor: User, document_id: object, reason: str) -> Document:
    return _withdraw(actor, Document, document_id, reason, "person.document.withdraw")


def open_stored(name: str) -> IO[bytes]:
    """Open a stored file for the serving views (the name comes from our own row, never a URL)."""
    return default_storage.open(name, "rb")
