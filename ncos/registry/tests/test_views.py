"""The register's pages: content, refusals, stub, conflicts, and one audit row per request."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.urls import reverse

from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail, Offence, Person
from ncos.registry.tests.corpus import image_bytes
from ncos.registry.tests.factories import ADDRESS, make_person

pytestmark = pytest.mark.django_db


def url(name: str, person: Person, **kw: object) -> str:
    return reverse(f"registry:{name}", kwargs={"person_id": person.pk, **kw})


def _rows_after(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("seq")[before:])


def _text(response) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def convicted(act_registrar, frozen):  # type: ignore[no-untyped-def]
    person = make_person(
        "ACT",
        actor=act_registrar,
        family_name="Bloggs",
        given_names="Fred",
        aliases=[("Blogs", "Freddie")],
    )
    services.offence_charge(
        actor=act_registrar,
        person_id=person.pk,
        catalogue_key="ACT|1|1.1|9",
        date_committed=date(2023, 2, 11),
        victim_ref="V1",
        date_found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 7, 19),
    )
    services.photo_upload(
        actor=act_registrar,
        person_id=person.pk,
        image=io.BytesIO(image_bytes("JPEG")),
        taken_on=date(2025, 1, 1),
    )
    person.refresh_from_db()
    return person


def test_summary_page(act_registrar, client_for, convicted):
    browser = client_for(act_registrar)
    before = AuditEvent.objects.count()
    response = browser.get(url("person_detail", convicted))
    text = _text(response)
    assert response.status_code == 200
    assert "<title>BLOGGS, Fred · " in text
    assert convicted.national_id in text
    assert "Registrable offender (reporting obligations)" in text
    assert "BLOGS, Freddie (Alias / other name)" in text
    assert "Reporting period <strong>15y</strong> from 19 July 2024 to 18 July 2039" in text
    assert "Initial report" in text
    assert "due 26 July 2024" in text
    assert "s 23 (1) (a)" in text
    assert "1 reporting obligation(s) overdue." in text
    photo = convicted.photos.get()
    assert url("photo_thumbnail", convicted, photo_id=photo.pk) in text
    rows = _rows_after(before)
    assert [(r.action, r.outcome, r.object_id) for r in rows] == [
        ("person.view", "allowed", str(convicted.pk))
    ]


def test_protected_record_shows_only_the_stub(act_cleared, act_investigator, client_for, frozen):
    person = make_person(
        "ACT",
        actor=act_cleared,
        protected=True,
        family_name="Secretname",
        aliases=[("Hiddenalias", "")],
        date_of_birth=date(1977, 7, 7),
    )
    browser = client_for(act_investigator)
    for name in ("person_detail", "details", "offences", "obligations", "files", "timeline"):
        before = AuditEvent.objects.count()
        response = browser.get(url(name, person))
        body = response.content.decode()
        assert response.status_code == 200, name
        assert "A restricted record exists" in body
        assert "ACT Policing" in body or "Australian Capital Territory" in body
        for secret in (
            "Secretname",
            "SECRETNAME",
            "Hiddenalias",
            person.national_id,
            "1977",
            "Protected person",
        ):
            assert secret not in body, (name, secret)
        assert "<title>Restricted record" in body
        rows = _rows_after(before)
        assert [(r.action, r.outcome) for r in rows] == [("person.view", "stub")], name
    cleared = client_for(act_cleared).get(url("person_detail", person))
    assert "SECRETNAME" in cleared.content.decode()


def test_other_jurisdiction_reads_but_cannot_write(nsw_registrar, client_for, convicted):
    browser = client_for(nsw_registrar)
    assert browser.get(url("person_detail", convicted)).status_code == 200
    before = AuditEvent.objects.count()
    response = browser.post(
        url("detail_add", convicted) + "?kind=address",
        {
            "kind": "address",
            "d-address_type": "residence",
            "d-line1": "1 X St",
            "d-locality": "Y",
            "source_type": "police",
        },
    )
    assert response.status_code == 403
    assert not Detail.objects.filter(person=convicted, kind="address").exists()
    assert [(r.action, r.outcome) for r in _rows_after(before)] == [("person.update", "denied")]


def test_record_a_detail_with_readable_errors_then_success(act_registrar, client_for, convicted):
    browser = client_for(act_registrar)
    page = url("detail_add", convicted) + "?kind=address"
    bad = browser.post(
        page,
        {
            "kind": "address",
            "d-address_type": "residence",
            "d-locality": "Braddon",
            "source_type": "report",
            "valid_from": "2026-02-30",
        },
    )
    text = _text(bad)
    assert bad.status_code == 400
    assert "Enter a real date, like 2021-03-03." in text
    bad = browser.post(
        page,
        {
            "kind": "address",
            "d-address_type": "residence",
            "d-locality": "Braddon",
            "source_type": "report",
        },
    )
    assert "Give the street address of the premises." in _text(bad)
    good = browser.post(
        page,
        {
            "kind": "address",
            "d-address_type": "residence",
            "d-line1": "3 Lonsdale Street",
            "d-locality": "Braddon",
            "d-state": "ACT",
            "d-postcode": "2612",
            "source_type": "report",
            "valid_from": "2026-02-20",
            "source_reference": "R1",
        },
    )
    assert good.status_code == 302
    detail = Detail.objects.get(person=convicted, kind="address")
    assert (detail.data["line1"], detail.valid_from, detail.source_reference) == (
        "3 Lonsdale Street",
        date(2026, 2, 20),
        "R1",
    )
    listing = _text(browser.get(url("details", convicted)))
    assert "3 Lonsdale Street, Braddon, ACT, 2612" in listing


def test_correction_shows_both_versions_and_as_at(act_registrar, client_for, convicted):
    first = services.detail_record(
        actor=act_registrar,
        person_id=convicted.pk,
        kind="address",
        data=ADDRESS,
        valid_from=date(2020, 1, 1),
        valid_to=date(2021, 12, 31),
    )
    browser = client_for(act_registrar)
    response = browser.post(
        url("detail_correct", convicted, detail_id=first.pk),
        {
            "d-address_type": "residence",
            "d-line1": "10 Example Street",
            "d-locality": "Braddon",
            "d-state": "ACT",
            "d-postcode": "2612",
            "valid_from": "2020-01-01",
            "valid_to": "2021-12-31",
            "source_type": "police",
            "reason": "wrong house number",
        },
    )
    assert response.status_code == 302
    text = _text(browser.get(url("details", convicted) + "?kind=address"))
    assert "10 Example Street" in text
    assert "1 Example Street" in text
    assert "wrong house number" in text
    assert "superseded" in text
    on_date = _text(browser.get(url("details", convicted) + "?as_at=2021-03-03"))
    assert "Showing what was true on <strong>3 March 2021</strong>" in on_date
    assert "10 Example Street" in on_date
    later = _text(browser.get(url("details", convicted) + "?as_at=2022-03-03&kind=address"))
    assert "Nothing recorded for that date." in later


def test_two_registrars_correct_the_same_detail(act_registrar, client_for, make_user, convicted):
    other = make_user("act.registrar.two", jurisdiction="ACT", roles=["registrar"])
    first = services.detail_record(
        actor=act_registrar, person_id=convicted.pk, kind="address", data=ADDRESS
    )
    a, b = client_for(act_registrar), client_for(other)
    form = url("detail_correct", convicted, detail_id=first.pk)
    assert a.get(form).status_code == 200
    assert b.get(form).status_code == 200
    payload = {
        "d-address_type": "residence",
        "d-locality": "Braddon",
        "source_type": "police",
        "reason": "fix",
    }
    assert a.post(form, {**payload, "d-line1": "A's change"}).status_code == 302
    before = AuditEvent.objects.count()
    conflict = b.post(form, {**payload, "d-line1": "B's change"})
    text = _text(conflict)
    assert conflict.status_code == 409
    assert "changed by someone else" in text
    assert "A&#x27;s change" in text
    assert "B&#x27;s change" in text
    current = Detail.objects.get(fact_id=first.fact_id, is_current=True)
    assert current.data["line1"] == "A's change"
    assert Detail.objects.filter(fact_id=first.fact_id).count() == 2
    assert [(r.action, r.outcome) for r in _rows_after(before)] == [("person.view", "allowed")]


def test_identity_edit_conflict_page(act_registrar, client_for, make_user, convicted):
    other = make_user("act.registrar.three", jurisdiction="ACT", roles=["registrar"])
    form = url("person_edit", convicted)
    fields = {
        "version": convicted.version,
        "date_of_birth": "1985-06-30",
        "sex": "male",
        "reason": "check",
    }
    assert (
        client_for(act_registrar).post(form, {**fields, "place_of_birth": "Cooma"}).status_code
        == 302
    )
    conflict = client_for(other).post(form, {**fields, "place_of_birth": "Yass"})
    text = _text(conflict)
    assert conflict.status_code == 409
    assert "Place of birth" in text
    assert "Cooma" in text
    assert "Yass" in text
    convicted.refresh_from_db()
    assert convicted.place_of_birth == "Cooma"


def test_register_a_person_shows_possible_matches_first(act_registrar, client_for, frozen):
    existing = make_person(
        "ACT",
        actor=act_registrar,
        family_name="Smith",
        given_names="John",
        date_of_birth=date(1990, 4, 1),
    )
    browser = client_for(act_registrar)
    page = reverse("registry:person_create")
    assert browser.get(page).status_code == 200
    data = {
        "family_name": "Smyth",
        "given_names": "Jon",
        "date_of_birth": "1990-04-01",
        "sex": "male",
        "aliases": "SMITH, Johnny",
    }
    before = AuditEvent.objects.count()
    check = browser.post(page, data)
    text = _text(check)
    assert check.status_code == 200
    assert "Possible existing records" in text
    assert existing.national_id in text
    assert Person.objects.count() == 1
    assert [r.action for r in _rows_after(before)] == ["person.search"]
    before = AuditEvent.objects.count()
    created = browser.post(page, {**data, "checked": "True"})
    assert created.status_code == 302
    person = Person.objects.exclude(pk=existing.pk).get()
    assert created["Location"] == url("person_detail", person)
    assert [r.action for r in _rows_after(before)] == ["person.create"]
    assert sorted(person.details.values_list("summary", flat=True)) == [
        "SMITH, Johnny (Alias / other name)",
        "SMYTH, Jon (Current name)",
    ]


def test_register_form_errors(act_registrar, client_for, frozen):
    response = client_for(act_registrar).post(
        reverse("registry:person_create"),
        {"family_name": "", "date_of_birth": "2030-01-01", "sex": "male", "aliases": ", John"},
    )
    text = _text(response)
    assert response.status_code == 400
    assert "This field is required." in text
    assert "The date of birth cannot be in the future." in text
    assert "give the family name first" in text


def test_charge_then_conviction_through_the_pages(act_registrar, client_for, frozen):
    person = make_person("ACT", actor=act_registrar)
    browser = client_for(act_registrar)
    picker = browser.get(url("offence_add", person) + "?q=55+(1)&cj=ACT")
    assert 'value="ACT|1|1.1|9"' in picker.content.decode()
    response = browser.post(
        url("offence_add", person),
        {
            "catalogue_key": "ACT|1|1.1|9",
            "date_committed": "2023-02-11",
            "victim_ref": "V1",
            "charge_date": "2023-03-01",
            "court": "ACT Magistrates Court",
        },
    )
    assert response.status_code == 302
    offence = Offence.objects.get(person=person)
    assert (offence.outcome, offence.in_catalogue) == ("charged", True)
    response = browser.post(
        url("offence_finding", person, offence_id=offence.pk),
        {
            "version": offence.version,
            "date_found_guilty": "2024-05-02",
            "date_sentenced": "2024-07-19",
            "sentence": "2 years",
            "imprisonment": "yes",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    offence.refresh_from_db()
    assert (person.status, offence.imprisonment) == ("registrable", True)
    text = _text(browser.get(url("obligations", person)))
    assert "Reporting period <strong>15y</strong>, from 19 July 2024 to 18 July 2039" in text
    assert "Initial report" in text
    assert "26 July 2024" in text
    assert "s 23 (1) (a)" in text
    offences = _text(browser.get(url("offences", person)))
    assert "sch 1 pt 1.1 item 9" in offences
    assert "class1" not in offences
    assert "class 1" in offences


def test_free_text_offence_form_requires_act_and_provision(act_registrar, client_for, frozen):
    person = make_person("ACT", actor=act_registrar)
    response = client_for(act_registrar).post(url("offence_add", person), {"act": "Crimes Act"})
    text = _text(response)
    assert response.status_code == 400
    assert "Say whose law the offence is against." in text
    assert "Enter the section or provision." in text


def test_person_list_filters_and_hides_protected_from_the_uncleared(
    act_registrar, act_cleared, act_investigator, client_for, frozen
):
    make_person("ACT", actor=act_registrar, family_name="Visible")
    make_person("ACT", actor=act_cleared, protected=True, family_name="Hiddenperson")
    browser = client_for(act_investigator)
    before = AuditEvent.objects.count()
    text = _text(browser.get(reverse("registry:person_list") + "?status=managed"))
    assert "VISIBLE" in text
    assert "HIDDENPERSON" not in text
    rows = _rows_after(before)
    assert [(r.action, r.details["result_count"]) for r in rows] == [("person.search", 1)]
    assert "HIDDENPERSON" in _text(client_for(act_cleared).get(reverse("registry:person_list")))
    bad = browser.get(reverse("registry:person_list") + "?born_from=2020-01-01&born_to=2019-01-01")
    assert bad.status_code == 400
    assert "The end date is before the start date." in _text(bad)


def test_timeline_lists_every_change(act_registrar, client_for, convicted):
    text = _text(client_for(act_registrar).get(url("timeline", convicted)))
    for label in ("Registered", "Offence recorded", "Photograph added"):
        assert label in text


def test_catalogue_fragment(act_registrar, client_for):
    response = client_for(act_registrar).get(reverse("registry:catalogue") + "?cj=NSW&q=66C")
    assert response.status_code == 200
    assert "NSW|1A|1|15" in response.content.decode()


def test_home_dashboard_counts_the_register(
    act_registrar, act_cleared, act_investigator, client_for, make_user, frozen
):
    make_person("ACT", actor=act_registrar)
    make_person("ACT", actor=act_cleared, protected=True)
    text = _text(client_for(act_investigator).get(reverse("web:home")))
    assert "The register (ACT)" in text
    assert "MPS (managed persons)</a> (1)" in text  # the protected person is not counted
    cleared_text = _text(client_for(act_cleared).get(reverse("web:home")))
    assert "MPS (managed persons)</a> (2)" in cleared_text
    auditor = make_user("act.auditor.x", jurisdiction="ACT", roles=["auditor"])
    assert "The register (ACT)" not in _text(client_for(auditor).get(reverse("web:home")))
