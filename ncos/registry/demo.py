"""Demo people: a few hundred synthetic people across all eight jurisdictions (`seed_demo`).

Everything goes through the register's services (and the compliance app's `report_record` for
reports), so the facts, the audit trail, the search index and the obligations the law engine
computes are exactly what officers would have produced. Dates are relative to the day the demo
is loaded, so each person lands in a known state on that day:

* ``due`` — found guilty a few days ago, initial report not yet made;
* ``overdue`` — found guilty weeks ago, no report;
* ``met`` — initial report made on time; ``met late`` — made after the due date;
* ``custody`` — serving a custodial sentence (reporting waits for release);
* ``managed`` — charged, not convicted (MPS);
* ``ended`` — an old conviction whose reporting period is over (MPS).

Histories come from `ncos.registry.synthetic` (names used over time, aliases, moves, corrected
details, vehicles, phones, online identities, passports). Some people are protected (ACT and NSW,
recorded by the cleared registrars). Idempotent: each person carries a stable demo reference
(``SYNTHETIC demo ACT-007``) and is created only if missing, so running `seed_demo` twice does no
harm. Synthetic only (security.md DP-6).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q

from ncos.accounts.models import User
from ncos.registry import services
from ncos.registry.catalogue import catalogue_entries
from ncos.registry.models import Detail, Obligation, Person
from ncos.registry.synthetic import JURISDICTIONS, SOURCE_REFERENCE, Synthesizer, SynthPerson

logger = logging.getLogger("ncos.registry")

PER_JURISDICTION = 30
SCENARIOS = ("due", "overdue", "met", "met_late", "custody", "managed", "ended", "due", "met")
PROTECTED_EVERY = 12  # in ACT and NSW: every 12th person is protected
# Offence particulars the law catalogue makes registrable with no further circumstance.
OFFENCES = {
    "ACT": ("ACT|1|1.1|13", "ACT|2|2.1|1", "ACT|1|1.1|7", "ACT|2|2.1|2"),
    "NSW": ("NSW|1A|1|9", "NSW|1A|1|12", "NSW|1A|1|20", "NSW|1A|1|18"),
}
# Names the search demo relies on (typed as the README's examples).
FEATURED = {
    ("ACT", 0): ("Smith", "John Paul", [("Smyth", "Jon")]),
    ("NSW", 0): ("Nguyen", "Thi Lan", [("Kowalski", "Catherine")]),
    ("NSW", 1): ("Zanzibar", "Quilla", [("Marchetti", "Q")]),  # made protected below
}


def reference(code: str, index: int) -> str:
    return f"{SOURCE_REFERENCE} demo {code}-{index:03d}"


def _actor(code: str, protected: bool) -> User:
    username = f"{code.lower()}.cleared" if protected else f"{code.lower()}.registrar"
    return User.objects.get(username=username)


def _existing() -> set[str]:
    return set(
        Detail.objects.filter(source_reference__startswith=f"{SOURCE_REFERENCE} demo ")
        .values_list("source_reference", flat=True)
        .distinct()
    )


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 30), tzinfo=UTC)


class DemoBuilder:
    def __init__(self, today: date) -> None:
        self.today = today
        self.synth = Synthesizer(2026, today=today, protected_rate=0.0)
        self.counts: dict[str, int] = {}

    def build(self, code: str, index: int, done: set[str]) -> bool:
        """Create demo person `index` of `code` unless it exists; True when created."""
        ref = reference(code, index)
        synth = self.synth.person(code, protected=False, rich=True)  # draw even when skipping
        if ref in done:
            return False
        protected = code in ("ACT", "NSW") and index % PROTECTED_EVERY == PROTECTED_EVERY - 1
        if (code, index) in FEATURED:
            family, given, aliases = FEATURED[(code, index)]
            synth.family_name, synth.given_names = family, given
            synth.facts = [f for f in synth.facts if f.kind != "name"]
            for alias_family, alias_given in aliases:
                synth.facts.append(
                    type(synth.facts[0])(
                        "name",
                        {
                            "family_name": alias_family,
                            "given_names": alias_given,
                            "name_type": "alias",
                        },
                    )
                )
            protected = protected or family == "Zanzibar"
        scenario = SCENARIOS[index % len(SCENARIOS)]
        with transaction.atomic():  # a person is created whole or not at all
            self._create(code, ref, synth, protected, scenario, index)
        self.counts[scenario] = self.counts.get(scenario, 0) + 1
        return True

    def _create(
        self, code: str, ref: str, synth: SynthPerson, protected: bool, scenario: str, index: int
    ) -> None:
        actor = _actor(code, protected)
        aliases = [
            (f.data["family_name"], f.data.get("given_names", ""))
            for f in synth.facts
            if f.kind == "name" and f.data.get("name_type") in ("alias", "nickname")
        ]
        # Old enough to have offended as an adult on the scenario's dates.
        committed = self._found(scenario) - timedelta(days=300)
        dob = min(synth.date_of_birth, committed - timedelta(days=366 * 19))
        person = services.person_register(
            actor=actor,
            family_name=synth.family_name,
            given_names=synth.given_names,
            date_of_birth=dob,
            sex=synth.sex,
            place_of_birth=synth.place_of_birth,
            country_of_birth="Australia",
            managing_jurisdiction=code,
            protected=protected,
            aliases=aliases,
            source_reference=ref,
        )
        for fact in synth.facts:
            if fact.kind == "name" and fact.data.get("name_type") != "previous":
                continue  # current name and aliases came with the registration
            self._fact(actor, person, fact, ref)
        self._offence(actor, person, code, scenario, index)

    def _fact(self, actor: User, person: Person, fact: Any, ref: str) -> None:
        valid_from = min(fact.valid_from, self.today) if fact.valid_from else None
        valid_to = min(fact.valid_to, self.today) if fact.valid_to else None
        if valid_from and valid_to and valid_to < valid_from:
            valid_to = valid_from
        data = fact.corrected_from if fact.corrected_from is not None else fact.data
        detail = services.detail_record(
            actor=actor,
            person_id=person.pk,
            kind=fact.kind,
            data=data,
            valid_from=valid_from,
            valid_to=valid_to,
            source_reference=ref,
        )
        if fact.corrected_from is not None:
            services.detail_correct(
                actor=actor,
                detail_id=detail.pk,
                data=fact.data,
                valid_from=valid_from,
                valid_to=valid_to,
                reason="Postcode recorded wrongly at registration.",
                source_reference=ref,
            )

    def _offence(self, actor: User, person: Person, code: str, scenario: str, index: int) -> None:
        # The six jurisdictions whose schedules are not encoded: a conviction under ACT or NSW
        # law (the national model classifies it by that catalogue).
        law = code if code in OFFENCES else ("NSW", "ACT")[index % 2]
        keys = OFFENCES[law]
        key = keys[index % len(keys)]
        entry = next(e for e in catalogue_entries(law, limit=500) if e.key == key)
        found = self._found(scenario)
        committed = found - timedelta(days=300)
        fields: dict[str, Any] = {
            "date_committed": committed,
            "victim_age": 12,
            "charge_date": committed + timedelta(days=30),
            "court": f"{code} Magistrates Court"
            if scenario != "custody"
            else f"{code} Supreme Court",
            "description": entry.description,
        }
        if law != code:
            fields["jurisdiction_of_conviction"] = law
        if scenario != "managed":
            fields.update(date_found_guilty=found, date_sentenced=found)
            if scenario == "custody":
                fields.update(
                    custodial=True,
                    imprisonment=True,
                    sentence="Imprisonment for 3 years",
                    custody_release_date=self.today + timedelta(days=700),
                )
            else:
                fields.update(sentence="Good behaviour order, 2 years", supervision=True)
        if scenario == "ended":
            fields["victim_age"] = 15
        services.offence_charge(
            actor=actor,
            person_id=person.pk,
            act=entry.act,
            provision=entry.provision,
            offence_jurisdiction=law,
            **fields,
        )
        if scenario in ("met", "met_late"):
            self._report(actor, person, found + timedelta(days=3 if scenario == "met" else 25))

    def _found(self, scenario: str) -> date:
        """The day of the finding of guilt (or, for a managed person, of the charge)."""
        days = {
            "due": 3,
            "overdue": 45,
            "met": 120,
            "met_late": 120,
            "custody": 200,
            "managed": 30,
            "ended": 365 * 25,
        }[scenario]
        return self.today - timedelta(days=days)

    def _report(self, actor: User, person: Person, day: date) -> None:
        initial = (
            Obligation.objects.filter(person=person, kind="initial_report")
            .filter(~Q(status="met"))
            .first()
        )
        if initial is None:
            return
        try:
            from ncos.compliance.services import report_record
        except ImportError:  # pragma: no cover - the compliance app is part of the project
            return
        report_record(
            actor=actor,
            person=person.pk,
            kind="initial",
            manner="in_person",
            received_at=_at(day),
            place_text=f"{person.managing_jurisdiction_id} police station (demo)",
            officer=actor,
            meets=[initial.key],
            photo_id_sighted=True,
            id_documents="Driver licence (synthetic)",
        )


def load(
    *,
    per_jurisdiction: int = PER_JURISDICTION,
    jurisdictions: tuple[str, ...] = JURISDICTIONS,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Create the demo people that are missing; return lines for `seed_demo` to print."""
    from django.utils import timezone

    builder = DemoBuilder(today or timezone.localdate())
    done = _existing()
    created = 0
    failures: list[str] = []
    for code in jurisdictions:
        builder.synth = Synthesizer(sum(map(ord, code)) * 1000 + 2026, today=builder.today)
        for index in range(per_jurisdiction):
            try:
                created += builder.build(code, index, done)
            except Exception as exc:  # one bad draw must not stop the demo
                logger.warning("demo person %s not created: %s", reference(code, index), exc)
                failures.append(f"{reference(code, index)}: {exc}")
        if progress:
            progress(f"{code}: done")
    total = Person.objects.filter(details__source_reference__startswith=f"{SOURCE_REFERENCE} demo ")
    lines = [
        f"Demo people: {created} created, {total.distinct().count()} in all "
        f"({per_jurisdiction} per jurisdiction; some protected in ACT and NSW).",
        "  Try searching for: Jon Smyth · Katherine Kowalsky · a date of birth · a registration.",
    ]
    lines += [f"  not created: {line}" for line in failures[:10]]
    return lines
