"""`manage.py bench_register [--people 100000 1000000] [--queries 200]`: register benchmarks.

For each size (ascending), tops the database up to that many people with `generate_people`'s
bulk generator (timed), refreshes the planner's statistics, then times, through the real pages
with a signed-in investigator (Django's test client: middleware, MFA session, access checks,
audit rows and templates all included):

* fuzzy name search — a random person's first given name and family name, each with a typing
  slip about half the time (``/search/?q=…``); also reports how often that person was among the
  ranked results (recall, checked untimed);
* date-of-birth search — a random person's exact date of birth;
* registration search — a random held registration;
* person page — a random person's summary page (``registry:person_detail``).

Prints the median and 95th percentile (ms) of each. Synthetic data only: run it on a
benchmark database, never on a live register.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from ncos.access.roles import Role
from ncos.common.bench import percentile
from ncos.registry.management.commands.generate_people import generate
from ncos.registry.models import Person
from ncos.registry.synthetic import misspell
from ncos.search import engine
from ncos.search import normalise as n
from ncos.search.models import SearchKey
from ncos.search.query import SearchQuery

BENCH_USER = "bench.investigator"
MEASURES = ("fuzzy name search", "date-of-birth search", "registration search", "person page")


def _bench_user() -> Any:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from ncos.accounts.models import RoleGrant, User

    user = User.objects.filter(username=BENCH_USER).first()
    if user is None:
        user = User.objects.create_user(
            username=BENCH_USER,
            password=None,
            first_name="Bench",
            last_name="Investigator",
            jurisdiction_id="NSW",
        )
        RoleGrant.objects.create(user=user, role=Role.INVESTIGATOR)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def _found(q: str, target: Person) -> bool:
    """Recall check (not timed): is `target` among all ranked results of the query?"""
    try:
        ranked = engine.rank(SearchQuery(q=q).criteria())
    except engine.TooBroad:
        return False
    return target.pk in {hit.person_id for hit in ranked.hits}


class Sampler:
    """Random existing rows by index seeks (no ORDER BY random() over a million rows)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> Person:
        pivot = uuid.UUID(int=self.rng.getrandbits(128))
        found = (
            Person.objects.filter(id__gte=pivot, merged_into__isnull=True, protected=False)
            .order_by("id")
            .first()
        )
        return found or Person.objects.filter(protected=False).order_by("id").first()  # type: ignore[return-value]

    def registration(self) -> str:
        pivot = "".join(self.rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", k=3))
        row = (
            SearchKey.objects.filter(kind=n.VEHICLE, value__gte=pivot)
            .order_by("kind", "value")
            .values_list("value", flat=True)
            .first()
        )
        return row or "ABC123"


class Command(BaseCommand):
    help = "Time name/DOB/registration search and the person page at given register sizes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--people", type=int, nargs="+", default=[100_000, 1_000_000], help="Sizes."
        )
        parser.add_argument("--queries", type=int, default=200, help="Requests per measure.")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--warmup", type=int, default=20, help="Untimed requests first.")

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = sorted(options["people"])
        if any(size < 1 for size in sizes) or options["queries"] < 1:
            raise CommandError("Sizes and --queries must be at least 1.")
        rng = random.Random(options["seed"])  # noqa: S311 (benchmark sampling)
        user = _bench_user()
        self.stdout.write(f"database: {connection.vendor}; {options['queries']} requests each")
        for size in sizes:
            existing = Person.objects.count()
            if existing < size:
                started = time.monotonic()
                totals = generate(
                    size - existing,
                    seed=options["seed"] + existing,
                    progress=True,
                    stream=self.stderr,
                    parallel=connection.vendor == "postgresql",
                )
                self.stdout.write(
                    f"generated {totals['persons']} people ({totals['keys']} search keys) in "
                    f"{time.monotonic() - started:.0f} s"
                )
            self._analyze()
            self._run(size, user, rng, options["queries"], options["warmup"])

    def _analyze(self) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _run(self, size: int, user: Any, rng: random.Random, queries: int, warmup: int) -> None:
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        sampler = Sampler(rng)
        found = 0

        def name_search() -> tuple[str, dict[str, str], Person]:
            person = sampler.person()
            given = person.given_names.split()[0] if person.given_names else ""
            family = person.family_name
            if rng.random() < 0.5:
                family = misspell(rng, family.lower())
            if rng.random() < 0.5 and given:
                given = misspell(rng, given.lower())
            return "/search/", {"q": f"{given} {family}".strip()}, person

        def dob_search() -> tuple[str, dict[str, str], Person]:
            person = sampler.person()
            return "/search/", {"date_of_birth": person.date_of_birth.isoformat()}, person

        def rego_search() -> tuple[str, dict[str, str], None]:
            return "/search/", {"registration": sampler.registration()}, None

        def person_page() -> tuple[str, dict[str, str], None]:
            person = sampler.person()
            return reverse("registry:person_detail", kwargs={"person_id": person.pk}), {}, None

        makers: dict[str, Callable[[], tuple[str, dict[str, str], Any]]] = {
            MEASURES[0]: name_search,
            MEASURES[1]: dob_search,
            MEASURES[2]: rego_search,
            MEASURES[3]: person_page,
        }
        self.stdout.write(f"\n{size:,} people")
        self.stdout.write(f"  {'measure':<24}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}")
        with override_settings(RATELIMIT_ENABLE=False, ALLOWED_HOSTS=["localhost"]):
            for name, make in makers.items():
                timings: list[float] = []
                for i in range(warmup + queries):
                    url, params, target = make()
                    started = time.perf_counter()
                    response = client.get(url, params)
                    elapsed = (time.perf_counter() - started) * 1000
                    if response.status_code != 200:
                        raise CommandError(f"{name}: HTTP {response.status_code} for {url}")
                    if i < warmup:
                        continue
                    timings.append(elapsed)
                    if name == MEASURES[0] and _found(params["q"], target):
                        found += 1
                self.stdout.write(
                    f"  {name:<24}{statistics.median(timings):>10.1f}"
                    f"{percentile(timings, 0.95):>10.1f}{max(timings):>10.1f}"
                )
        self.stdout.write(
            f"  fuzzy name search: the person searched for was among the ranked results "
            f"(any page) in {found / queries:.0%} of searches"
        )
