"""The search selectors on the real database (SQLite, and PostgreSQL with DATABASE_URL set)."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.search import engine
from ncos.search.models import SearchKey
from ncos.search.query import SearchQuery
from ncos.search.selectors import possible_duplicates, search_persons
from ncos.search.tests.factories import add_fact, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def investigator(make_user):
    return make_user("nsw.inv", jurisdiction="NSW", roles=[Role.INVESTIGATOR])


@pytest.fixture
def cleared(make_user):
    return make_user("act.cleared", jurisdiction="ACT", roles=[Role.REGISTRAR], cleared=True)


def ids(page):
    return [r.person_id for r in page.results]


def search(actor, **fields):
    return search_persons(actor=actor, query=SearchQuery(**fields))


# --- each kind of search ---------------------------------------------------------------------


def test_misspelt_and_phonetic_name_finds_the_person(investigator):
    john = make_person("Smith", "John", date(1985, 6, 30))
    make_person("Brown", "Mary")
    page = search(investigator, q="Jon Smyth")
    assert ids(page) == [john.pk]
    assert page.results[0].reasons == ["name is like SMITH, John"]
    assert 80 <= page.results[0].score < 100


def test_names_in_either_order_and_structured_fields(investigator):
    john = make_person("Smith", "John")
    assert ids(search(investigator, q="smith john")) == [john.pk]
    assert ids(search(investigator, given_names="Jhon", family_name="Smiht")) == [john.pk]
    assert ids(search(investigator, family_name="Smyth")) == [john.pk]


def test_misspelt_alias_finds_the_person_and_says_so(investigator):
    person = make_person("Nguyen", "Thi", aliases=[("Kowalski", "Catherine")])
    page = search(investigator, q="Katherine Kowalsky")
    assert ids(page) == [person.pk]
    assert page.results[0].display_name == "NGUYEN, Thi"
    assert page.results[0].reasons == ["alias is like KOWALSKI, Catherine"]


def test_previous_name_counts(investigator):
    person = make_person(
        "Taylor",
        "Anne",
        facts=[
            (
                "name",
                {"family_name": "Wilkins", "given_names": "Anne", "name_type": "previous"},
                {"valid_to": date(2010, 3, 1)},
            ),
        ],
    )
    page = search(investigator, q="Anne Wilkins")
    assert ids(page) == [person.pk]
    assert page.results[0].reasons == ["previous name matches WILKINS, Anne"]


def test_nickname_finds_formal_name(investigator):
    william = make_person("Harris", "William")
    assert ids(search(investigator, q="Bill Harris")) == [william.pk]


def test_middle_name_in_query_or_record(investigator):
    person = make_person("Jones", "David Owen")
    assert ids(search(investigator, q="David Jones")) == [person.pk]
    assert ids(search(investigator, q="David Michael Jones")) == [person.pk]


def test_ranking_order_exact_then_close_then_phonetic(investigator):
    exact = make_person("Smith", "John", date(1970, 1, 1))
    close = make_person("Smith", "Jon", date(1971, 1, 1))
    further = make_person("Smyth", "Jean", date(1972, 1, 1))
    unrelated = make_person("Smithers", "Waylon", date(1973, 1, 1))
    page = search(investigator, q="John Smith")
    assert ids(page) == [exact.pk, close.pk, further.pk]
    assert unrelated.pk not in ids(page)
    scores = [r.score for r in page.results]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 100


def test_equal_scores_are_ordered_by_name_then_dob_then_national_id(investigator):
    b = make_person("Smith", "John", date(1990, 1, 1))
    a = make_person("Smith", "John", date(1980, 1, 1))
    assert ids(search(investigator, q="John Smith")) == [a.pk, b.pk]


def test_date_of_birth_exact_year_range_and_in_the_box(investigator):
    p85 = make_person("Abbott", "Zed", date(1985, 6, 30))
    p86 = make_person("Baker", "Yan", date(1986, 1, 2))
    make_person("Cole", "Xi", date(1990, 5, 5))
    assert ids(search(investigator, date_of_birth=date(1985, 6, 30))) == [p85.pk]
    assert ids(search(investigator, q="30/06/1985")) == [p85.pk]
    assert ids(search(investigator, q="1985-06-30")) == [p85.pk]
    assert ids(search(investigator, birth_year=1986)) == [p86.pk]
    both = search(investigator, born_from=date(1985, 1, 1), born_to=date(1986, 12, 31))
    assert ids(both) == [p85.pk, p86.pk]  # exact matches ordered by name
    assert ids(search(investigator, q="Zed Abbott 1985")) == [p85.pk]
    assert ids(search(investigator, q="Zed Abbott 1984")) == []


def test_address_current_and_former_by_word_prefix(investigator):
    person = make_person(
        "Ross",
        "Ada",
        facts=[
            (
                "address",
                {
                    "address_type": "residence",
                    "line1": "12 Wattle Street",
                    "locality": "Braddon",
                    "state": "ACT",
                    "postcode": "2612",
                },
            ),
            (
                "address",
                {
                    "address_type": "residence",
                    "line1": "4 Banksia Road",
                    "locality": "Dubbo",
                    "state": "NSW",
                    "postcode": "2830",
                },
                {"valid_to": date(2019, 1, 1)},
            ),
        ],
    )
    make_person(
        "Other",
        "Eve",
        facts=[("address", {"address_type": "locality", "locality": "Wattle Grove"})],
    )
    page = search(investigator, address="12 wattle st bradd")
    assert ids(page) == [person.pk]
    assert page.results[0].reasons == ["current address"]
    page = search(investigator, address="Banksia Rd Dubbo")
    assert ids(page) == [person.pk]
    assert page.results[0].reasons == ["former address"]
    assert len(search(investigator, address="2612").results) == 1
    # All words must be in the same address.
    assert ids(search(investigator, address="Wattle Dubbo")) == []


def test_vehicle_phone_online_passport_and_national_id(investigator):
    person = make_person(
        "Quinn",
        "Rory",
        facts=[
            (
                "vehicle",
                {
                    "use": "owned",
                    "vehicle_type": "car",
                    "make": "Toyota",
                    "registration": "ABC 1O2",
                },
            ),
            ("carriage_service", {"service_type": "mobile", "number": "+61 491 570 156"}),
            ("carriage_service", {"service_type": "landline", "number": "(02) 5550 1234"}),
            ("online_identity", {"identity_type": "username", "identifier": "@Dark_Knight85"}),
            ("online_identity", {"identity_type": "email", "identifier": "R.Quinn@Example.com"}),
            ("passport", {"number": "PA1234567", "country": "Australia", "status": "held"}),
        ],
    )
    make_person("Noise", "Nina")
    for fields in (
        {"registration": "abc102"},
        {"q": "ABC-1O2"},
        {"phone": "0491 570 156"},
        {"q": "0491570156"},
        {"phone": "5550 1234"},
        {"online": "dark_knight85"},
        {"q": "r.quinn@example.com"},
        {"passport": "pa 1234567"},
        {"q": "PA1234567"},
        {"q": person.national_id.lower()},
    ):
        assert ids(search(investigator, **fields)) == [person.pk], fields
    page = search(investigator, registration="ABC102")
    assert page.results[0].reasons == ["vehicle registration"]


def test_criteria_combine_with_and(investigator):
    person = make_person(
        "Lee",
        "Sam",
        date(1970, 2, 2),
        facts=[
            (
                "vehicle",
                {"use": "owned", "vehicle_type": "car", "make": "Kia", "registration": "XYZ999"},
            )
        ],
    )
    make_person("Lee", "Sam", date(1971, 2, 2))
    assert ids(search(investigator, q="Sam Lee", registration="XYZ999")) == [person.pk]
    assert ids(search(investigator, q="Sam Lee", registration="XYZ998")) == []


def test_filters_by_jurisdiction_and_status(investigator):
    act = make_person("Fox", "Ian", jurisdiction="ACT", status="registrable")
    nsw = make_person("Fox", "Ian", jurisdiction="NSW", status="managed")
    wa = make_person("Fox", "Ian", jurisdiction="WA", status="reporting_ended")
    assert set(ids(search(investigator, q="Ian Fox"))) == {act.pk, nsw.pk, wa.pk}
    assert ids(search(investigator, q="Ian Fox", jurisdictions=("NSW",))) == [nsw.pk]
    assert set(ids(search(investigator, q="Ian Fox", jurisdictions=("ACT", "WA")))) == {
        act.pk,
        wa.pk,
    }
    assert ids(search(investigator, q="Ian Fox", statuses=("reporting_ended",))) == [wa.pk]


def test_pagination(investigator):
    people = [make_person("Walker", "Tom", date(1960 + i, 1, 1)) for i in range(5)]
    query = SearchQuery(q="Tom Walker")
    first = search_persons(actor=investigator, query=query, page=1, page_size=2)
    second = search_persons(actor=investigator, query=query, page=2, page_size=2)
    third = search_persons(actor=investigator, query=query, page=3, page_size=2)
    beyond = search_persons(actor=investigator, query=query, page=9, page_size=2)
    assert (first.total, first.num_pages) == (5, 3)
    assert ids(first) + ids(second) + ids(third) == [p.pk for p in people]
    assert ids(beyond) == ids(third)  # past the end: the last page


def test_withdrawn_superseded_and_merged_are_not_found(investigator):
    person = make_person("Hart", "Lou")
    add_fact(
        person,
        "vehicle",
        {"use": "owned", "vehicle_type": "car", "make": "VW", "registration": "WRONG1"},
        withdrawn=True,
    )
    add_fact(
        person,
        "vehicle",
        {"use": "owned", "vehicle_type": "car", "make": "VW", "registration": "OLDV1"},
        is_current=False,
    )
    assert ids(search(investigator, registration="WRONG1")) == []
    assert ids(search(investigator, registration="OLDV1")) == []
    survivor = make_person("Hart", "Louis")
    person.merged_into = survivor
    person.save()
    from ncos.search.index import reindex_person

    reindex_person(person.pk)
    assert not SearchKey.objects.filter(person_id=person.pk).exists()
    assert ids(search(investigator, q="Lou Hart")) == [survivor.pk]


def test_reindex_is_idempotent():
    person = make_person("Idem", "Potent", aliases=[("Other", "Name")])
    before = sorted(SearchKey.objects.filter(person=person).values_list("kind", "value"))
    from ncos.search.index import reindex_person

    reindex_person(person.pk)
    reindex_person(person.pk)
    after = sorted(SearchKey.objects.filter(person=person).values_list("kind", "value"))
    assert before == after
    assert len(after) == len(set(after))


def test_reindex_search_command_rebuilds_every_person():
    from io import StringIO

    from django.core.management import call_command

    people = [make_person("Rebuild", f"Nam{chr(97 + i)}", index=False) for i in range(3)]
    assert not SearchKey.objects.exists()
    out = StringIO()
    call_command("reindex_search", "--no-progress", stdout=out)
    assert "Rebuilt the search keys of 3 people." in out.getvalue()
    assert set(SearchKey.objects.values_list("person_id", flat=True)) == {p.pk for p in people}
    assert AuditEvent.objects.filter(action="search.reindex").count() == 1


# --- validation and limits ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "q"),
        ({"q": "   "}, "q"),
        ({"phone": "12345"}, "phone"),
        ({"address": "1 a"}, "address"),
        ({"passport": "ab"}, "passport"),
        ({"born_from": date(1990, 1, 1), "born_to": date(1980, 1, 1)}, "born_to"),
        ({"date_of_birth": date(1980, 1, 1), "birth_year": 1981}, "birth_year"),
        ({"q": "2612"}, "q"),
    ],
)
def test_unusable_queries_are_refused_with_the_field(investigator, fields, field):
    with pytest.raises(RuleViolation) as refused:
        search(investigator, **fields)
    assert refused.value.field == field
    assert not AuditEvent.objects.filter(action="person.search").exists()


def test_too_broad_is_refused_and_audited(investigator, monkeypatch):
    for i in range(4):
        make_person("Broad", f"Name{chr(97 + i)}")
    monkeypatch.setattr(engine, "CANDIDATE_LIMIT", 3)
    page = search(investigator, q="Broad")
    assert page.too_broad
    assert page.results == []
    event = AuditEvent.objects.get(action="person.search")
    assert event.details["result_count"] == 0
    assert "refused" in event.details["terms"]


def test_roles_that_may_not_search_are_refused_and_audited(make_user):
    auditor = make_user("act.aud2", roles=[Role.AUDITOR])
    make_person("Smith", "John")
    with pytest.raises(AccessDenied):
        search(auditor, q="John Smith")
    assert AuditEvent.objects.filter(action="person.search", outcome="denied").count() == 1


# --- protected persons ---------------------------------------------------------------------


@pytest.fixture
def witness():
    return make_person(
        "Zanzibar",
        "Quilla",
        date(1979, 11, 23),
        jurisdiction="NSW",
        protected=True,
        aliases=[("Marchetti", "Q")],
        facts=[
            (
                "vehicle",
                {"use": "owned", "vehicle_type": "car", "make": "Ford", "registration": "WIT001"},
            )
        ],
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"q": "Quilla Zanzibar"},
        {"q": "Kwilla Zanzibarr"},
        {"q": "Q Marchetti"},
        {"q": "23/11/1979"},
        {"date_of_birth": date(1979, 11, 23)},
        {"registration": "WIT001"},
    ],
)
def test_uncleared_user_gets_only_the_stub(investigator, witness, fields):
    page = search(investigator, **fields)
    assert page.results == []
    assert page.total == 0
    assert [r.managing_jurisdiction for r in page.restricted] == ["NSW"]
    assert vars(page.restricted[0]) == {"managing_jurisdiction": "NSW"}
    event = AuditEvent.objects.get(action="person.search")
    assert event.protected is True
    assert event.details["result_ids"] == [str(witness.pk)]


def test_stub_does_not_hide_ordinary_results(investigator, witness):
    ordinary = make_person("Zanzibar", "Quinton")
    page = search(investigator, q="Zanzibar")
    assert ids(page) == [ordinary.pk]
    assert [r.managing_jurisdiction for r in page.restricted] == ["NSW"]


def test_cleared_user_sees_the_protected_person(cleared, witness):
    page = search(cleared, q="Kwilla Zanzibarr")
    assert ids(page) == [witness.pk]
    assert page.results[0].protected is True
    assert page.results[0].display_name == "ZANZIBAR, Quilla"
    assert page.restricted == []
    assert AuditEvent.objects.get(action="person.search").protected is True


def test_audit_row_has_terms_and_all_result_ids(investigator):
    a = make_person("Ward", "Kim", date(1970, 1, 1))
    b = make_person("Ward", "Kym", date(1971, 1, 1))
    search(investigator, q="Kim Ward", jurisdictions=("ACT",))
    event = AuditEvent.objects.get(action="person.search")
    assert event.actor_username == "nsw.inv"
    assert event.protected is False
    assert event.outcome == "allowed"
    assert event.details["terms"] == {"q": "Kim Ward", "jurisdictions": ["ACT"], "page": 1}
    assert event.details["result_ids"] == [str(a.pk), str(b.pk)]
    assert event.details["result_count"] == 2


# --- duplicate prevention -------------------------------------------------------------------


def test_possible_duplicates_ranks_name_and_date_of_birth(make_user):
    registrar = make_user("act.reg2", roles=[Role.REGISTRAR])
    same = make_person("Smith", "John", date(1985, 6, 30))
    swapped = make_person("Smyth", "Jon", date(1985, 30 - 24, 30 - 24))  # 6 June: similar
    other_dob = make_person("Smith", "John", date(1950, 1, 1))
    alias_match = make_person("Brown", "Carl", date(1985, 6, 30), aliases=[("Smith", "Johnny")])
    make_person("Unrelated", "Person", date(1985, 6, 30))
    matches = possible_duplicates(
        actor=registrar, family_name="Smith", given_names="John", date_of_birth=date(1985, 6, 30)
    )
    order = [m.person_id for m in matches]
    assert order[0] == same.pk
    assert set(order) == {same.pk, swapped.pk, other_dob.pk, alias_match.pk}
    assert order.index(swapped.pk) < order.index(other_dob.pk)
    top = matches[0]
    assert top.restricted is False
    assert top.score == 100
    assert "same date of birth" in top.reasons
    alias = next(m for m in matches if m.person_id == alias_match.pk)
    assert any(r.startswith("alias") for r in alias.reasons)
    event = AuditEvent.objects.get(action="person.search")
    assert event.details["terms"]["purpose"] == "duplicate check before registration"
    assert event.details["result_count"] == 4


def test_possible_duplicates_restricted_match_carries_nothing(make_user, witness):
    registrar = make_user("act.reg3", roles=[Role.REGISTRAR])
    matches = possible_duplicates(
        actor=registrar,
        family_name="Zanzibar",
        given_names="Quilla",
        date_of_birth=date(1979, 11, 23),
    )
    assert len(matches) == 1
    match = matches[0]
    assert (match.restricted, match.person_id, match.managing_jurisdiction) == (
        True,
        witness.pk,
        "NSW",
    )
    assert (
        match.display_name,
        match.national_id,
        match.date_of_birth,
        match.reasons,
        match.score,
    ) == ("", "", None, [], 0)
    assert AuditEvent.objects.get(action="person.search").protected is True


def test_possible_duplicates_by_alias_typed(make_user):
    registrar = make_user("act.reg4", roles=[Role.REGISTRAR])
    existing = make_person("Kowalski", "Peter", date(1990, 1, 1))
    matches = possible_duplicates(
        actor=registrar,
        family_name="Novak",
        given_names="Piotr",
        date_of_birth=date(1991, 1, 1),
        aliases=[("Kowalsky", "Pete")],
    )
    assert [m.person_id for m in matches] == [existing.pk]
