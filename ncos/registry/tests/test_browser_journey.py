"""Playwright journeys in Debian's Chromium.

A registrar registers a person from a charge to a conviction, records details, finds them by a
misspelt alias, sees their obligations with the reasons, corrects a detail and sees both
versions; and two registrars edit the same record at once (security.md T3). The fixtures
(`signed_in_page`, `live_server_url`, Debian's Chromium) come from tests/browser/conftest.py
through this directory's conftest.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from ncos.access.roles import Role
from ncos.registry.models import Detail, Person

pytestmark = pytest.mark.browser


def _open_person_tab(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Record sections").get_by_role("link", name=name).click()


@pytest.mark.django_db(transaction=True)
def test_register_from_charge_to_conviction_then_find_and_correct(signed_in_page, make_user):
    registrar = make_user("act.journey", jurisdiction="ACT", roles=[Role.REGISTRAR])
    page = signed_in_page(registrar)

    # Register: possible matches first, then the person.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Register a person"
    ).click()
    page.get_by_label("Family name").fill("Hargreaves")
    page.get_by_label("Given names").fill("Thomas")
    page.get_by_label("Date of birth").fill("1979-11-03")
    page.get_by_label("Sex").select_option("male")
    page.get_by_label("Other names (aliases)").fill("HARGRAVE, Tommy")
    page.get_by_role("button", name="Check for existing records").click()
    expect(page.locator("#no-matches")).to_be_visible()
    page.get_by_role("button", name="Register as a new person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("HARGREAVES, Thomas")
    expect(page.get_by_text("Managed person (charged, not convicted)").first).to_be_visible()
    person = Person.objects.get(family_name="Hargreaves")

    # The charge, chosen from the catalogue with the search-as-you-type picker.
    _open_person_tab(page, "Offences and orders")
    page.get_by_role("link", name="Record a charge").click()
    page.wait_for_load_state("load")  # htmx listens for typing only once it has started
    page.get_by_label("Search the catalogue").fill("55 (1)")
    choice = page.get_by_label(re.compile(r"Crimes Act 1900 \(ACT\) s 55 \(1\)"))
    expect(choice).to_be_visible()
    choice.check()
    page.get_by_label("Date committed (or first day)").fill("2023-02-11")
    page.get_by_label("Victim reference").fill("V1")
    page.get_by_label("Date charged").fill("2023-03-01")
    page.get_by_role("button", name="Record the charge").click()
    expect(page.get_by_text("O1 · Crimes Act 1900 (ACT) s 55 (1)")).to_be_visible()
    expect(page.get_by_text("Charged (no finding yet)")).to_be_visible()

    # The conviction.
    page.get_by_role("link", name="Record finding of guilt").click()
    page.get_by_label("Date found guilty").fill("2024-05-02")
    page.get_by_label("Date sentenced").fill("2024-07-19")
    page.get_by_role("textbox", name="Sentence (optional)").fill(
        "Intensive correction order, 2 years"
    )
    page.get_by_role("button", name="Record the finding").click()
    expect(page.locator("span.ncos-tag", has_text="Found guilty")).to_be_visible()
    expect(page.get_by_text("Registrable offender (reporting obligations)").first).to_be_visible()

    # Details: an address.
    _open_person_tab(page, "Personal details")
    page.get_by_role("link", name="Record address or locality").click()
    page.get_by_label("Type").select_option("residence")
    page.get_by_label("Street address").fill("12 Lonsdale Street")
    page.get_by_label("Suburb, town or locality").fill("Braddon")
    page.get_by_label("State or territory").fill("ACT")
    page.get_by_label("Postcode").fill("2612")
    page.get_by_label("Lives there from").fill("2025-06-01")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("12 Lonsdale Street, Braddon, ACT, 2612")).to_be_visible()

    # Found by a misspelt alias.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.locator("#id_q").fill("Tommy Hargrove")
    page.locator("form[role=search]").get_by_role("button", name="Search").first.click()
    row = page.get_by_role("row", name=re.compile(person.national_id))
    expect(row).to_contain_text("alias is like HARGRAVE, Tommy")
    row.get_by_role("link", name="HARGREAVES, Thomas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("HARGREAVES, Thomas")

    # The obligations, with the reasons and the sections.
    _open_person_tab(page, "Obligations")
    expect(page.get_by_text(re.compile(r"Reporting period 15y, from 19 July 2024"))).to_be_visible()
    row = page.locator("tr", has_text="Initial report")
    expect(row).to_contain_text("26 July 2024")
    expect(row).to_contain_text("s 23 (1) (a)")
    expect(page.locator("tr", has_text="Change of details").first).to_contain_text("address")

    # A correction: both versions stay.
    _open_person_tab(page, "Personal details")
    page.locator("#k-address").locator("..").locator("..").get_by_role(
        "link", name="Correct"
    ).first.click()
    page.get_by_label("Street address").fill("21 Lonsdale Street")
    page.get_by_label("Reason for the correction").fill("numbers swapped on the report")
    page.get_by_role("button", name="Save").click()
    expect(
        page.locator("strong", has_text="21 Lonsdale Street, Braddon, ACT, 2612")
    ).to_be_visible()
    page.get_by_text("History: 2 versions").click()
    expect(
        page.locator(".ncos-superseded", has_text="12 Lonsdale Street, Braddon, ACT, 2612")
    ).to_be_visible()
    expect(page.get_by_text("numbers swapped on the report")).to_be_visible()
    versions = Detail.objects.filter(person=person, kind="address").order_by("sequence")
    assert [(v.sequence, v.is_current, v.data["line1"]) for v in versions] == [
        (1, False, "12 Lonsdale Street"),
        (2, True, "21 Lonsdale Street"),
    ]


@pytest.mark.django_db(transaction=True)
def test_two_registrars_save_the_same_record(browser: Browser, live_server_url, make_user):
    from ncos.common.testing.fixtures import current_totp
    from ncos.registry.tests.factories import make_person
    from tests.browser.conftest import at, enter_totp, sign_in_on

    first = make_user("act.first", jurisdiction="ACT", roles=[Role.REGISTRAR])
    second = make_user("act.second", jurisdiction="ACT", roles=[Role.REGISTRAR])
    person = make_person("ACT", actor=first, family_name="Shared")
    pages = []
    for user in (first, second):
        page = browser.new_context(locale="en-AU").new_page()
        sign_in_on(page, live_server_url, user.username, "a long enough test passphrase 42")
        at(page, "/accounts/2fa/authenticate/")
        enter_totp(page, current_totp(user))
        at(page, "/")
        page.goto(f"{live_server_url}/persons/{person.pk}/edit/")
        pages.append(page)
    a, b = pages
    a.get_by_label("Place of birth").fill("Cooma")
    a.get_by_label("Reason for the change").fill("birth certificate")
    a.get_by_role("button", name="Save").click()
    expect(a.get_by_text("Identity details saved.")).to_be_visible()
    b.get_by_label("Place of birth").fill("Yass")
    b.get_by_label("Reason for the change").fill("old note")
    b.get_by_role("button", name="Save").click()
    expect(b.get_by_text("changed by someone else")).to_be_visible()
    table = b.locator("table", has_text="What changed since you opened the form")
    expect(table).to_contain_text("Cooma")
    expect(table).to_contain_text("Yass")
    person.refresh_from_db()
    assert (person.place_of_birth, person.version) == ("Cooma", 2)
