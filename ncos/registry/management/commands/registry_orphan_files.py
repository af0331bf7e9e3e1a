"""`manage.py registry_orphan_files [--delete] [--older-than-hours 24]`: stored files no record
names.

An upload writes its file before its transaction commits; when the commit itself fails (or an
outer transaction rolls back after the upload service returned), the file stays on disk with no
Photo or Document naming it. This lists such files under ``registry/`` and, with ``--delete``,
removes them. Files younger than the threshold are left alone: their upload may still be
committing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ncos.registry.models import Document, Photo

FOLDERS = ("registry/photos", "registry/thumbs", "registry/documents")


def orphan_files(older_than: timedelta) -> list[str]:
    """Names of stored registry files that no photo or document names, older than `older_than`."""
    named = set(Photo.objects.values_list("storage_name", flat=True))
    named |= set(Photo.objects.values_list("thumbnail_name", flat=True))
    named |= set(Document.objects.values_list("storage_name", flat=True))
    cutoff = timezone.now() - older_than
    found: list[str] = []
    for folder in FOLDERS:
        if not default_storage.exists(folder):
            continue
        for file_name in default_storage.listdir(folder)[1]:
            name = f"{folder}/{file_name}"
            if name in named:
                continue
            if default_storage.get_modified_time(name) <= cutoff:
                found.append(name)
    return sorted(found)


class Command(BaseCommand):
    help = "List (or --delete) stored registry files that no photo or document names."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete", action="store_true", help="Remove them.")
        parser.add_argument("--older-than-hours", type=float, default=24.0)

    def handle(self, *args: Any, **options: Any) -> None:
        orphans = orphan_files(timedelta(hours=options["older_than_hours"]))
        for name in orphans:
            if options["delete"]:
                default_storage.delete(name)
            self.stdout.write(name)
        verb = "removed" if options["delete"] else "found (run with --delete to remove)"
        self.stdout.write(f"{len(orphans)} orphan file(s) {verb}.")
