"""`manage.py generate_people N [--jurisdiction ACT NSW] [--seed S]`: synthetic people in bulk.

For benchmarks and load tests (security.md DP-6: synthetic only). People are written in batches
(one transaction each): persons, their facts (names and aliases over time, addresses with moves
and corrections, vehicles, phones, online identities, passports, a description), a status
history entry and one offence from the law catalogue; their search keys are built by the same
`ncos.search.index.key_rows` that `reindex_person` uses, so the index is exactly what the
register's services would have made. Memory stays bounded by the batch size; a progress bar
shows the rate. On PostgreSQL rows are streamed with COPY (psycopg, identifiers quoted by
`psycopg.sql`); elsewhere with `bulk_create`. The law engine is not run per person (the demo
loader does that for its few hundred people through the register's services).

One audit row records the run (who, how many, seed), not one per person.
"""

from __future__ import annotations

import random
import secrets
import time
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime
from datetime import time as dtime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from tqdm import tqdm

from ncos.audit import record as audit
from ncos.law.catalogue import rows as catalogue_rows
from ncos.registry.choices import record_kind_for
from ncos.registry.kinds import summarise
from ncos.registry.models import Detail, Offence, Person, StatusChange
from ncos.registry.synthetic import JURISDICTIONS, SOURCE_REFERENCE, Synthesizer, SynthPerson
from ncos.search.index import Fact, key_rows
from ncos.search.models import SearchKey

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FOUND_GUILTY = {"registrable", "suspended", "outside_australia", "reporting_ended", "deceased"}
Row = dict[str, Any]


def _stamp(day: date) -> datetime:
    return datetime.combine(day, dtime(hour=1), tzinfo=UTC)


class Tables:
    """Rows of one batch, by model (each row: field attname → value)."""

    def __init__(self) -> None:
        self.rows: dict[type[models.Model], list[Row]] = {
            Person: [],
            Detail: [],
            StatusChange: [],
            Offence: [],
            SearchKey: [],
        }

    def count(self, model: type[models.Model]) -> int:
        return len(self.rows[model])


def _defaults(model: type[models.Model]) -> Row:
    out: Row = {}
    for f in model._meta.concrete_fields:
        if f.has_default() and not callable(f.default):
            out[f.attname] = f.default
        elif f.null:
            out[f.attname] = None
        elif isinstance(f, models.CharField | models.TextField):
            out[f.attname] = ""
    return out


class Writer:
    """COPY on PostgreSQL, `bulk_create` elsewhere; same rows either way."""

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"
        self.defaults = {m: _defaults(m) for m in Tables().rows}

    def write(self, model: type[models.Model], rows: Sequence[Row]) -> None:
        if not rows:
            return
        if self.postgres:
            self._copy(model, rows, self.defaults[model])
        else:
            defaults = self.defaults[model]
            objs = [model(**{**defaults, **row}) for row in rows]
            model.objects.bulk_create(objs, batch_size=1000)  # type: ignore[attr-defined]

    @staticmethod
    def _copy(model: type[models.Model], rows: Sequence[Row], defaults: Row) -> None:
        from psycopg import sql
        from psycopg.types.json import Jsonb

        fields = [
            f
            for f in model._meta.concrete_fields
            if f.column and not (isinstance(f, models.AutoField) and f.attname not in rows[0])
        ]
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table),
            sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
        )
        json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
        names = [f.attname for f in fields]
        getters = [(name, name in json_fields, defaults.get(name)) for name in names]
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [
                        Jsonb(row.get(name, default)) if is_json else row.get(name, default)
                        for name, is_json, default in getters
                    ]
                )


class _Catalogue:
    """Specific catalogue offences (with a provision) to charge synthetic people with."""

    def __init__(self) -> None:
        self.rows = {
            code: [r for r in catalogue_rows(code) if r.kind == "offence" and r.provisions]
            for code in ("ACT", "NSW")
        }

    def pick(self, rng: random.Random, jurisdiction: str) -> tuple[str, Any]:
        law = jurisdiction if jurisdiction in self.rows else rng.choice(("ACT", "NSW"))
        return law, rng.choice(self.rows[law])


class Generator:
    """Turns `SynthPerson`s into rows, a batch at a time."""

    def __init__(self, seed: int, jurisdictions: Sequence[str], protected_rate: float) -> None:
        self.synth = Synthesizer(seed, protected_rate=protected_rate)
        self.rng = random.Random(seed + 1)  # noqa: S311 (synthetic data, not security)
        self.jurisdictions = tuple(jurisdictions)
        self.catalogue = _Catalogue()
        self.writer = Writer()
        self.in_flight: set[str] = set()

    @staticmethod
    def _uuid() -> uuid.UUID:
        """Random ids (not from the seed: running twice with one seed must not collide)."""
        return uuid.uuid4()

    def _national_ids(self, count: int) -> list[str]:
        """Random national ids, unique in the batch, the batch still being written and the
        database (40 random bits collide about once in a million people)."""
        chosen: list[str] = []
        while len(chosen) < count:
            fresh: set[str] = set()
            while len(fresh) < count - len(chosen):
                body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
                fresh.add(f"NCOS-{body[:4]}-{body[4:]}")
            fresh -= set(chosen) | self.in_flight
            taken = Person.objects.filter(national_id__in=fresh).values_list(
                "national_id", flat=True
            )
            chosen += sorted(fresh - set(taken))
        return chosen[:count]

    def build(self, size: int) -> Tables:
        """The rows of `size` new people (no database writes)."""
        tables = Tables()
        for national_id in self._national_ids(size):
            code = self.rng.choice(self.jurisdictions) if self.jurisdictions else None
            self._add(tables, self.synth.person(code), national_id)
        self.in_flight = {row["national_id"] for row in tables.rows[Person]}
        return tables

    def write(self, tables: Tables) -> None:
        """One transaction per batch."""
        with transaction.atomic():
            for model, rows in tables.rows.items():
                if model is Detail:  # a corrected version points at the version it corrects
                    self.writer.write(model, [r for r in rows if r["supersedes_id"] is None])
                    self.writer.write(model, [r for r in rows if r["supersedes_id"] is not None])
                else:
                    self.writer.write(model, rows)

    def _add(self, tables: Tables, synth: SynthPerson, national_id: str) -> None:
        pid = self._uuid()
        adult = date(synth.date_of_birth.year + 18, 1, 1)
        created = _stamp(self.synth.day_between(max(adult, date(2005, 1, 1)), date(2025, 6, 30)))
        tables.rows[Person].append(
            {
                "id": pid,
                "national_id": national_id,
                "family_name": synth.family_name,
                "given_names": synth.given_names,
                "date_of_birth": synth.date_of_birth,
                "sex": synth.sex,
                "place_of_birth": synth.place_of_birth,
                "country_of_birth": "Australia",
                "status": synth.status,
                "record_kind": record_kind_for(synth.status),
                "managing_jurisdiction_id": synth.jurisdiction,
                "protected": synth.protected,
                "created_at": created,
                "updated_at": created,
            }
        )
        current: list[Fact] = []
        for fact in synth.facts:
            common = {
                "person_id": pid,
                "kind": fact.kind,
                "valid_from": fact.valid_from,
                "valid_to": fact.valid_to,
                "recorded_at": created,
                "source_reference": SOURCE_REFERENCE,
                "fact_id": self._uuid(),
            }
            supersedes = None
            if fact.corrected_from is not None:
                supersedes = self._uuid()
                tables.rows[Detail].append(
                    {
                        **common,
                        "id": supersedes,
                        "sequence": 1,
                        "data": fact.corrected_from,
                        "summary": summarise(fact.kind, fact.corrected_from),
                        "is_current": False,
                        "superseded_at": created,
                    }
                )
            tables.rows[Detail].append(
                {
                    **common,
                    "id": self._uuid(),
                    "sequence": 2 if supersedes else 1,
                    "data": fact.data,
                    "summary": summarise(fact.kind, fact.data),
                    "supersedes_id": supersedes,
                    "change": "corrected" if supersedes else "recorded",
                    "reason": "Postcode recorded wrongly" if supersedes else "",
                }
            )
            current.append(Fact(fact.kind, fact.data, fact.valid_to))
        tables.rows[StatusChange].append(
            {
                "person_id": pid,
                "from_status": "",
                "to_status": synth.status,
                "effective_on": created.date(),
                "reason": "Synthetic data",
                "changed_at": created,
            }
        )
        tables.rows[Offence].append(self._offence(pid, synth, created))
        tables.rows[SearchKey] += [
            {"person_id": pid, "kind": kind, "value": value, "label": label, "current": is_now}
            for kind, value, label, is_now in key_rows(
                family_name=synth.family_name, given_names=synth.given_names, facts=current
            )
        ]

    def _offence(self, pid: uuid.UUID, synth: SynthPerson, created: datetime) -> Row:
        law, row = self.catalogue.pick(self.rng, synth.jurisdiction)
        committed = self.synth.day_between(
            date(synth.date_of_birth.year + 19, 1, 1), date(2024, 12, 31)
        )
        guilty = synth.status in _FOUND_GUILTY
        decided = self.synth.day_between(committed, date(2025, 6, 30)) if guilty else None
        outcome = "found_guilty" if guilty else "charged"
        if synth.status == "finding_quashed":
            outcome = "quashed"
        return {
            "id": self._uuid(),
            "person_id": pid,
            "ref": "O1",
            "outcome": outcome,
            "offence_jurisdiction": law,
            "in_catalogue": True,
            "catalogue_item": f"sch {row.schedule} item {row.item}",
            "act": f"{row.act} ({law})",
            "provision": row.provisions[0],
            "description": (row.description or "")[:300],
            "circumstances": {},
            "engine_extra": {},
            "date_committed": committed,
            "victim_age": self.rng.randint(6, 15),
            "charge_date": committed,
            "date_found_guilty": decided,
            "date_sentenced": decided,
            "sentence": "Synthetic sentence" if guilty else "",
            "created_at": created,
            "updated_at": created,
        }


def generate(
    count: int,
    *,
    seed: int = 1,
    jurisdictions: Sequence[str] = (),
    batch: int = 2000,
    protected_rate: float = 0.01,
    progress: bool = False,
    stream: Any = None,
    parallel: bool = False,
) -> dict[str, int]:
    """Create `count` people; returns the row counts written.

    With `parallel`, each batch is written by a second thread (its own database connection)
    while the next is built, so Python and the database work at the same time. Its writes are
    committed on that connection, so tests (which roll back one connection) use the default.
    """
    generator = Generator(seed, jurisdictions, protected_rate)
    totals = {"persons": 0, "facts": 0, "offences": 0, "keys": 0}

    def write(tables: Tables) -> None:
        try:
            generator.write(tables)
        finally:
            connection.close()  # this thread's connection

    with (
        tqdm(total=count, unit="people", disable=not progress, file=stream) as bar,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        pending: Future[None] | None = None
        done = 0
        while done < count:
            tables = generator.build(min(batch, count - done))
            if parallel:
                if pending is not None:
                    pending.result()
                pending = pool.submit(write, tables)
            else:
                generator.write(tables)
            made = tables.count(Person)
            totals["persons"] += made
            totals["facts"] += tables.count(Detail)
            totals["offences"] += tables.count(Offence)
            totals["keys"] += tables.count(SearchKey)
            done += made
            bar.update(made)
        if pending is not None:
            pending.result()
    return totals


def _positive(values: Iterable[int]) -> bool:
    return all(v > 0 for v in values)


class Command(BaseCommand):
    help = "Create N synthetic people (bulk, batched, with search keys). Synthetic data only."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("count", type=int, help="How many people to create.")
        parser.add_argument(
            "--jurisdiction",
            nargs="+",
            choices=JURISDICTIONS,
            default=[],
            help="Managing jurisdiction(s); default: all eight, weighted by population.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--batch", type=int, default=2000, help="People per transaction.")
        parser.add_argument(
            "--protected-rate", type=float, default=0.01, help="Share of protected persons."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--serial",
            action="store_true",
            help="Build and write batches in turn (default on PostgreSQL: write in a second "
            "thread while the next batch is built).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count: int = options["count"]
        if not _positive([count, options["batch"]]):
            raise CommandError("N and --batch must be at least 1.")
        if not 0 <= options["protected_rate"] <= 1:
            raise CommandError("--protected-rate must be between 0 and 1.")
        started = time.monotonic()
        totals = generate(
            count,
            seed=options["seed"],
            jurisdictions=options["jurisdiction"],
            batch=min(options["batch"], 20000),
            protected_rate=options["protected_rate"],
            progress=not options["no_progress"],
            stream=self.stderr,
            parallel=connection.vendor == "postgresql" and not options["serial"],
        )
        elapsed = time.monotonic() - started
        audit.record(
            action="registry.generate_synthetic",
            details={
                "count": count,
                "seed": options["seed"],
                "jurisdictions": options["jurisdiction"],
                **totals,
            },
        )
        self.stdout.write(
            f"Created {totals['persons']} synthetic people, {totals['facts']} facts, "
            f"{totals['offences']} offences and {totals['keys']} search keys in {elapsed:.1f} s "
            f"({totals['persons'] / max(elapsed, 1e-9):.0f} people/s)."
        )
