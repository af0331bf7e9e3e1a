"""`manage.py reindex_search [--batch N]`: rebuild every person's search keys.

Needed only after a change to the key rules (`ncos.search.normalise` / `ncos.search.index`); the
register's services keep the keys current otherwise. Idempotent; one transaction per person.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from ncos.audit import record as audit
from ncos.search.index import reindex_person


class Command(BaseCommand):
    help = "Rebuild the search keys of every person from the register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=1000, help="Ids read per query.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        from ncos.registry.models import Person

        ids = Person.objects.order_by("pk").values_list("pk", flat=True)
        count = 0
        with tqdm(
            total=ids.count(), unit="people", disable=options["no_progress"], file=self.stderr
        ) as bar:
            for person_id in ids.iterator(chunk_size=max(1, options["batch"])):
                reindex_person(person_id)
                count += 1
                bar.update(1)
        audit.record(action="search.reindex", details={"count": count})
        self.stdout.write(f"Rebuilt the search keys of {count} people.")
