"""Photographs and documents: the corpus (security.md T9), storage and serving (FU-1, FU-2)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ncos.access.errors import RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Document, Photo
from ncos.registry.tests.corpus import INVALID, VALID, exif_jpeg
from ncos.registry.tests.factories import make_person, registrar_for
from ncos.registry.uploads import MAX_BYTES, clean_document, clean_photo

pytestmark = pytest.mark.django_db
STORAGE = re.compile(r"^registry/(photos|thumbs)/[0-9a-f]{32}\.(jpg|png)$")


def _no_metadata(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert not image.getexif(), "EXIF left"
    assert "exif" not in image.info
    assert "icc_profile" not in image.info
    assert not {
        k
        for k in image.info
        if k
        not in (
            "jfif",
            "jfif_version",
            "jfif_unit",
            "jfif_density",
            "dpi",
            "progressive",
            "progression",
        )
    }
    assert b"Exif" not in data
    assert b"CanonCam" not in data
    assert b"secret-location" not in data


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_photos_are_accepted_and_re_encoded_without_metadata(name):
    raw = VALID[name]()
    clean = clean_photo(io.BytesIO(raw))
    assert clean.content_type in ("image/jpeg", "image/png")
    assert clean.data != raw
    _no_metadata(clean.data)
    _no_metadata(clean.thumbnail)
    assert b"<script" not in clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        image.load()
        assert image.size == (clean.width, clean.height)


def test_exif_orientation_is_applied_before_it_is_stripped():
    clean = clean_photo(io.BytesIO(exif_jpeg(6, gps=True, size=(40, 20))))
    assert (clean.width, clean.height) == (20, 40)  # rotated upright


@pytest.mark.parametrize("name", sorted(INVALID))
def test_bad_files_are_refused_with_a_clear_message(name):
    make, message = INVALID[name]
    with pytest.raises(RuleViolation) as caught:
        clean_photo(io.BytesIO(make()))
    assert str(caught.value) == message


def test_documents_must_be_complete_pdfs():
    assert clean_document(io.BytesIO(b"%PDF-1.7\n...\n%%EOF\n")).content_type == ("application/pdf")
    for body, message in (
        (b"", "The file is empty."),
        (b"<html></html>", "Only PDF documents are accepted."),
        (b"%PDF-1.7\nno end", "The PDF is incomplete or damaged."),
        (b"%PDF-1.7\n" + b"0" * MAX_BYTES + b"%%EOF", "The file is larger than 10 MB."),
    ):
        with pytest.raises(RuleViolation) as caught:
            clean_document(io.BytesIO(body))
        assert str(caught.value) == message


def test_upload_stores_random_names_outside_the_web_root(act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    upload = SimpleUploadedFile("../../etc/passwd.jpg", exif_jpeg(), content_type="text/html")
    photo = services.photo_upload(
        actor=act_registrar,
        person_id=person.pk,
        image=upload,
        taken_on=date(2026, 1, 5),
        description="front",
    )
    assert STORAGE.match(photo.storage_name)
    assert STORAGE.match(photo.thumbnail_name)
    assert "passwd" not in photo.storage_name
    stored = Path(settings.MEDIA_ROOT, photo.storage_name)
    assert stored.is_file()
    assert not str(stored.resolve()).startswith(str(Path(settings.STATIC_ROOT).resolve()))
    _no_metadata(stored.read_bytes())
    assert photo.content_type == "image/jpeg"
    assert len(photo.sha256) == 64
    assert AuditEvent.objects.get(action="person.photo.upload").details["photo_id"] == str(photo.pk)


def test_a_refused_upload_leaves_no_row_and_no_file(act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    media = Path(settings.MEDIA_ROOT, "registry", "photos")
    before = set(media.glob("*")) if media.exists() else set()
    with pytest.raises(RuleViolation):
        services.photo_upload(
            actor=act_registrar,
            person_id=person.pk,
            image=io.BytesIO(b"<html>"),
            taken_on=date(2026, 1, 5),
        )
    with pytest.raises(RuleViolation) as caught:
        services.photo_upload(
            actor=act_registrar,
            person_id=person.pk,
            image=io.BytesIO(VALID["small.jpg"]()),
            taken_on=date(2027, 1, 1),
        )
    assert caught.value.field == "taken_on"
    assert not Photo.objects.exists()
    after = set(media.glob("*")) if media.exists() else set()
    assert after == before


def _photo(actor, person):  # type: ignore[no-untyped-def]
    return services.photo_upload(
        actor=actor,
        person_id=person.pk,
        image=io.BytesIO(VALID["gps.jpg"]()),
        taken_on=date(2026, 1, 5),
    )


def test_photos_are_served_only_through_the_audited_view(
    act_registrar, act_investigator, client_for, frozen
):
    person = make_person("ACT", actor=act_registrar)
    photo = _photo(act_registrar, person)
    url = reverse("registry:photo_image", kwargs={"person_id": person.pk, "photo_id": photo.pk})
    browser = client_for(act_investigator)
    before = AuditEvent.objects.count()
    response = browser.get(url)
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="photo-{photo.pk}.jpg"'
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"].startswith("sandbox")
    _no_metadata(body)
    rows = list(AuditEvent.objects.order_by("seq")[before:])
    assert [(r.action, r.object_id, r.details.get("photo_id")) for r in rows] == [
        ("person.photo", str(person.pk), str(photo.pk))
    ]
    thumb = browser.get(
        reverse("registry:photo_thumbnail", kwargs={"person_id": person.pk, "photo_id": photo.pk})
    )
    assert thumb.status_code == 200
    assert thumb["Content-Type"] == "image/jpeg"


def test_photo_urls_refuse_strangers(
    act_registrar, act_cleared, act_investigator, client_for, client, frozen
):
    protected = make_person("ACT", actor=act_cleared, protected=True)
    photo = _photo(act_cleared, protected)
    url = reverse("registry:photo_image", kwargs={"person_id": protected.pk, "photo_id": photo.pk})
    assert client.get(url).status_code == 302  # anonymous → sign in
    assert client_for(act_investigator).get(url).status_code == 403  # not cleared
    assert AuditEvent.objects.filter(action="person.photo", outcome="denied").count() == 1
    other = make_person("ACT", actor=act_registrar)
    wrong = reverse("registry:photo_image", kwargs={"person_id": other.pk, "photo_id": photo.pk})
    assert client_for(act_registrar).get(wrong).status_code == 404  # photo of another person


def test_documents_download_as_attachments(act_registrar, client_for, frozen):
    person = make_person("ACT", actor=act_registrar)
    document = services.document_upload(
        actor=act_registrar, person_id=person.pk, file=io.BytesIO(b"%PDF-1.4\n%%EOF"), title="Order"
    )
    response = client_for(act_registrar).get(
        reverse(
            "registry:document_file", kwargs={"person_id": person.pk, "document_id": document.pk}
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="document-{document.pk}.pdf"'
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert Document.objects.get().storage_name.startswith("registry/documents/")


def test_withdrawn_photos_stay_in_the_record(act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    photo = _photo(act_registrar, person)
    services.photo_withdraw(actor=act_registrar, photo_id=photo.pk, reason="wrong person")
    photo.refresh_from_db()
    assert (photo.withdrawn_by, photo.withdrawn_reason) == (act_registrar, "wrong person")
    assert Path(settings.MEDIA_ROOT, photo.storage_name).is_file()
    with pytest.raises(RuleViolation):
        services.photo_withdraw(actor=act_registrar, photo_id=photo.pk, reason="again")


def test_orphan_files_are_found_and_removed_but_recorded_and_recent_ones_are_kept(
    settings, tmp_path
):
    import os
    import time

    from django.core.management import call_command

    settings.MEDIA_ROOT = str(tmp_path)
    registrar = registrar_for("ACT")
    person = make_person("ACT", actor=registrar)
    photo = services.photo_upload(
        actor=registrar,
        person_id=person.pk,
        image=io.BytesIO(VALID["small.jpg"]()),
        taken_on=date(2025, 1, 1),
    )
    stray = tmp_path / "registry" / "photos" / ("ab" * 16 + ".jpg")
    stray.write_bytes(b"left by a rolled-back upload")
    day_ago = time.time() - 2 * 86400
    os.utime(stray, (day_ago, day_ago))
    recent = tmp_path / "registry" / "documents" / ("cd" * 16 + ".pdf")
    recent.parent.mkdir(parents=True, exist_ok=True)
    recent.write_bytes(b"%PDF- still committing")

    listed = io.StringIO()
    call_command("registry_orphan_files", stdout=listed)
    assert listed.getvalue().splitlines() == [
        f"registry/photos/{stray.name}",
        "1 orphan file(s) found (run with --delete to remove).",
    ]
    assert stray.exists()

    call_command("registry_orphan_files", "--delete", stdout=io.StringIO())
    assert not stray.exists()
    assert recent.exists()
    assert (tmp_path / photo.storage_name).exists()
    assert (tmp_path / photo.thumbnail_name).exists()
