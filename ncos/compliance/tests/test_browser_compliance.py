"""Playwright journeys in Debian's Chromium (fixtures: tests/browser/conftest.py).

1. A registrar records an annual report with a changed address and a new vehicle: reviews the
   differences, saves; the person's details show both versions of the address; the annual report
   obligation is met; the receipt PDF is produced (its text read back) and marked given.
2. A person whose report is overdue appears on the dashboard after the nightly job, and their
   case manager has a breach task.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from ncos.access.roles import Role
from ncos.cases.models import Task
from ncos.compliance.models import Acknowledgement, Report
from ncos.compliance.tests.helpers import (
    ADDRESS,
    obligation,
    pdf_text,
    registrable_person,
    today_in,
    years_ago,
)
from ncos.registry.models import Detail
from ncos.registry.tests.factories import make_detail

pytestmark = pytest.mark.browser


def _label(text: str) -> re.Pattern[str]:
    """A field's label, with or without the "(optional)" the form adds."""
    return re.compile("^" + re.escape(text) + r"( \(optional\))?$")


def _add_change(
    page: Page, category: str, fields: dict[str, str], *, replaces: str = "", day: str = ""
) -> None:
    changes = page.locator("#changes")
    changes.get_by_label(_label("What was reported")).select_option("record")
    changes.get_by_label(_label("Category")).select_option(label=category)
    if replaces:
        changes.get_by_label(_label("The detail it changes")).select_option(label=replaces)
    if day:
        changes.get_by_label(_label("Date of the change (from)")).fill(day)
    changes.get_by_role("button", name="Show the fields").click()
    changes = page.locator("#changes")
    for label, value in fields.items():
        field = changes.get_by_label(_label(label))
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    changes.get_by_role("button", name="Add this change").click()


@pytest.mark.django_db(transaction=True)
def test_annual_report_with_new_address_and_vehicle_then_receipt(
    signed_in_page, make_user, live_server_url
):
    registrar = make_user(
        "act.reports",
        jurisdiction="ACT",
        roles=[Role.REGISTRAR],
        first_name="Robin",
        last_name="Receiver",
    )
    person = registrable_person(family_name="Whitlock")
    make_detail(person, "address", ADDRESS, valid_from=years_ago(today_in(), 2))
    page = signed_in_page(registrar)

    page.goto(f"{live_server_url}/compliance/persons/{person.pk}/")
    expect(page.get_by_role("heading", name="Compliance", exact=True)).to_be_visible()
    expect(page.get_by_text("Due", exact=True).first).to_be_visible()
    page.get_by_role("link", name="Record a report").click()

    expect(page.get_by_label("Kind of report")).to_have_value("annual")
    page.get_by_label("In person at an approved reporting place").check()
    page.get_by_label("Approved reporting place (reports in person)").select_option(
        label="Belconnen Police Station"
    )
    page.get_by_label("Photo identification sighted").check()
    expect(page.locator("#meets").get_by_role("checkbox").first).to_be_checked()

    day = (today_in() - timedelta(days=2)).isoformat()
    _add_change(
        page,
        "Addresses and localities",
        {
            "Type": "Premises where the person generally lives",
            "Street address": "22 Northbourne Avenue",
            "Suburb, town or locality": "Turner",
            "State or territory": "ACT",
            "Postcode": "2612",
        },
        replaces="Addresses and localities: 1 Example Street, Braddon, ACT, 2612",
        day=day,
    )
    expect(page.locator("#changes").get_by_text("22 Northbourne Avenue")).to_be_visible()
    _add_change(
        page,
        "Vehicles owned or generally driven",
        {
            "Owned or generally driven": "Owned",
            "Type": "Car",
            "Make": "Mazda",
            "Model": "CX-5",
            "Colour": "Blue",
            "Registration number": "YQZ42A",
        },
        day=day,
    )
    page.get_by_role("button", name="Review the report").click()

    # Review: current vs reported, per category.
    expect(page.get_by_role("heading", name="Review the report before saving")).to_be_visible()
    address = page.locator("section", has_text="Addresses and localities")
    expect(address.get_by_text("Ends (replaced):")).to_be_visible()
    expect(address.get_by_text("22 Northbourne Avenue, Turner, ACT, 2612")).to_be_visible()
    expect(page.locator("section", has_text="Vehicles").get_by_text("YQZ42A")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Annual report.*on time"))).to_be_visible()
    page.get_by_role("button", name="Confirm and save the report").click()

    expect(page.get_by_text(re.compile(r"Report R-ACT-\w+ recorded"))).to_be_visible()
    expect(page.get_by_text("met on time").first).to_be_visible()
    report = Report.objects.get(person=person, kind="annual")
    assert obligation(person, "annual_report").status == "met"

    # The receipt: produce, download (text read back), mark given.
    page.get_by_role("button", name="Produce the receipt (PDF)").click()
    expect(page.get_by_text(re.compile(r"Acknowledgement .*/A1 produced"))).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    with open(download_info.value.path(), "rb") as downloaded:
        text = " ".join(pdf_text(downloaded.read()).split())
    assert "Acknowledgement of report" in text
    assert "Received by: Robin Receiver" in text
    assert "22 Northbourne Avenue" in text
    assert "YQZ42A" in text
    assert "Belconnen Police Station" in text
    page.get_by_role("link", name="Record that it was given").click()
    page.get_by_label("How it was given").select_option("handed")
    page.get_by_role("button", name="Record as given").click()
    expect(page.get_by_text("recorded as given")).to_be_visible()
    expect(page.locator("span.ncos-tag", has_text="Given")).to_be_visible()
    assert Acknowledgement.objects.get(report=report).given_how == "handed"

    # The person's details show both versions of the address.
    page.goto(f"{live_server_url}/persons/{person.pk}/details/")
    expect(page.get_by_text("22 Northbourne Avenue").first).to_be_visible()
    page.get_by_text("1 earlier (ended)").first.click()
    expect(page.get_by_text("1 Example Street").first).to_be_visible()
    old = Detail.objects.filter(person=person, kind="address", data__line1="1 Example Street")
    assert old.count() == 2
    assert old.get(is_current=True).valid_to is not None


@pytest.mark.django_db(transaction=True)
def test_overdue_person_on_the_dashboard_after_the_nightly_job(
    signed_in_page, make_user, live_server_url
):
    manager = make_user(
        "act.cm.journey",
        jurisdiction="ACT",
        roles=[Role.CASE_MANAGER],
        first_name="Casey",
        last_name="Manager",
    )
    person = registrable_person(
        family_name="Latimer", case_officer=manager, first_report=years_ago(today_in(), 2)
    )
    page = signed_in_page(manager)
    panel = page.locator("section", has=page.get_by_role("heading", name="Overdue now (ACT)"))
    expect(panel.locator(".ncos-figure")).to_have_text("1")  # the register already knows

    call_command("compliance_sweep")  # the nightly job
    task = Task.objects.get(person=person, kind="breach")
    assert task.assignee == manager

    page.reload()
    mine = page.locator("section", has=page.get_by_role("heading", name="My caseload"))
    expect(mine.locator(".ncos-figure")).to_have_text("1")
    mine.locator(".ncos-figure a").click()
    expect(page.get_by_role("heading", name="Obligations")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("LATIMER"))
    expect(row).to_contain_text("Overdue")
    expect(row).to_contain_text("Annual report")
    page.goto(f"{live_server_url}/cases/tasks/")
    expect(page.get_by_text(task.title).first).to_be_visible()
