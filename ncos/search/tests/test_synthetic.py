"""Synthetic people: the pure generator, `generate_people` (bulk) and the demo loader."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.demo import load
from ncos.registry.management.commands.generate_people import generate
from ncos.registry.models import Detail, Obligation, Offence, Person
from ncos.registry.synthetic import LOCALITIES, SOURCE_REFERENCE, Synthesizer
from ncos.search.index import reindex_person
from ncos.search.models import SearchKey
from ncos.search.query import SearchQuery
from ncos.search.selectors import search_persons
from ncos.web.demo_users import ensure_demo_users

# --- the pure generator -----------------------------------------------------------------------


def _summary(person):
    return (
        person.family_name,
        person.given_names,
        person.date_of_birth,
        person.status,
        [(f.kind, sorted(f.data.items()), f.valid_from, f.valid_to) for f in person.facts],
    )


def test_same_seed_same_people_and_different_seed_different_people():
    first = [_summary(Synthesizer(5).person()) for _ in range(20)]
    again = [_summary(Synthesizer(5).person()) for _ in range(20)]
    other = [_summary(Synthesizer(6).person()) for _ in range(20)]
    assert first == again
    assert first != other


def test_people_are_obviously_fictional_and_consistent():
    synth = Synthesizer(11, protected_rate=0.2)
    people = [synth.person(rich=True) for _ in range(300)]
    kinds = Counter(f.kind for p in people for f in p.facts)
    assert {
        "name",
        "address",
        "vehicle",
        "carriage_service",
        "online_identity",
        "passport",
        "description",
    } <= set(kinds)
    assert any(p.protected for p in people)
    assert not all(p.protected for p in people)
    assert len({p.jurisdiction for p in people}) == 8
    assert any(len([f for f in p.facts if f.kind == "address"]) > 1 for p in people)
    assert any(f.corrected_from for p in people for f in p.facts)
    for person in people:
        assert date(1945, 1, 1) <= person.date_of_birth <= date(2007, 12, 31)
        for fact in person.facts:
            if fact.valid_from and fact.valid_to:
                assert fact.valid_to >= fact.valid_from
            if fact.kind == "carriage_service":
                digits = re.sub(r"\D", "", fact.data["number"])
                assert digits.startswith("049157") or digits[2:6] in ("5550", "7010")
            if fact.kind == "online_identity" and fact.data["identity_type"] == "email":
                assert fact.data["identifier"].rsplit("@", 1)[1].startswith("example.")
            if fact.kind == "passport":
                assert fact.data["number"].startswith("X")
            if fact.kind == "address":
                assert fact.data["locality"] in {
                    name for rows in LOCALITIES.values() for name, _ in rows
                }
        current = [f for f in person.facts if f.kind == "address" and f.valid_to is None]
        assert len(current) == 1


# --- generate_people -----------------------------------------------------------------------


@pytest.mark.django_db
def test_generate_people_creates_n_people_with_their_keys():
    totals = generate(25, seed=3, jurisdictions=("TAS", "SA"))
    assert totals["persons"] == 25
    people = list(Person.objects.all())
    assert len(people) == 25
    assert {p.managing_jurisdiction_id for p in people} <= {"TAS", "SA"}
    assert Offence.objects.count() == 25
    assert Detail.objects.count() == totals["facts"]
    assert SearchKey.objects.count() == totals["keys"]
    assert set(SearchKey.objects.values_list("person_id", flat=True).distinct()) == {
        p.pk for p in people
    }
    assert Detail.objects.filter(source_reference=SOURCE_REFERENCE).count() == totals["facts"]
    # The bulk keys are exactly what the register's reindex would build.
    for person in people[:5]:
        bulk = sorted(
            SearchKey.objects.filter(person=person).values_list("kind", "value", "label", "current")
        )
        reindex_person(person.pk)
        again = sorted(
            SearchKey.objects.filter(person=person).values_list("kind", "value", "label", "current")
        )
        assert bulk == again


@pytest.mark.django_db
def test_generated_people_are_found_by_search(make_user):
    generate(30, seed=4)
    user = make_user("gen.inv", roles=[Role.INVESTIGATOR], cleared=True)
    person = Person.objects.order_by("national_id").first()
    page = search_persons(
        actor=user,
        query=SearchQuery(q=f"{person.given_names.split()[0]} {person.family_name}"),
    )
    assert person.pk in [r.person_id for r in page.results]
    plate = SearchKey.objects.filter(kind="rg").first()
    page = search_persons(actor=user, query=SearchQuery(registration=plate.value))
    assert plate.person_id in [r.person_id for r in page.results]


@pytest.mark.django_db
def test_generate_people_command_reports_and_audits_once():
    out = io.StringIO()
    call_command("generate_people", "7", "--seed", "9", "--no-progress", "--serial", stdout=out)
    assert Person.objects.count() == 7
    assert re.search(
        r"Created 7 synthetic people, \d+ facts, 7 offences and \d+ search keys", out.getvalue()
    )
    event = AuditEvent.objects.get(action="registry.generate_synthetic")
    assert event.details["count"] == 7
    assert event.details["seed"] == 9


# --- the demo ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_people_through_the_services_in_every_obligation_state():
    ensure_demo_users()
    lines = load(jurisdictions=("ACT", "NSW", "QLD"), per_jurisdiction=7)
    assert lines[0].startswith("Demo people: 21 created, 21 in all")
    people = Person.objects.all()
    assert people.count() == 21
    assert {p.managing_jurisdiction_id for p in people} == {"ACT", "NSW", "QLD"}
    statuses = set(Obligation.objects.values_list("status", flat=True))
    assert {"upcoming", "due", "met", "overdue"} <= statuses
    assert Obligation.objects.filter(status="met", days_late__gt=0).exists()  # met late
    assert Obligation.objects.filter(status="met", days_late=0).exists()  # met on time
    assert set(people.values_list("status", flat=True)) >= {"registrable", "managed"}
    assert people.filter(protected=True).exists()
    assert (
        Detail.objects.filter(change="corrected").exists()
        or Detail.objects.filter(valid_to__isnull=False).exists()
    )
    assert AuditEvent.objects.filter(action="person.create").count() == 21
    # Searchable at once: the featured alias finds the featured person.
    investigator = ensure_demo_investigator()
    page = search_persons(actor=investigator, query=SearchQuery(q="Jon Smyth"))
    assert "SMITH, John Paul" in [r.display_name for r in page.results]
    # Idempotent: a second run creates nothing and changes nothing.
    before = (Person.objects.count(), Detail.objects.count(), Offence.objects.count())
    again = load(jurisdictions=("ACT", "NSW", "QLD"), per_jurisdiction=7)
    assert again[0].startswith("Demo people: 0 created, 21 in all")
    assert (Person.objects.count(), Detail.objects.count(), Offence.objects.count()) == before


def ensure_demo_investigator():
    from ncos.accounts.models import User

    return User.objects.get(username="act.investigator")
