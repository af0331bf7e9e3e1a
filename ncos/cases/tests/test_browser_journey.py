"""Playwright journey in Debian's Chromium (fixtures: tests/browser/conftest.py).

A case manager sees their caseload (an overdue obligation highlighted), completes a task and
records an address verification visit; a registrar logs a s 122 correction request (its due
date shown), accepts it and sees both versions of the fact; then logs a copy request and gives
the person the copy of their reportable information (a PDF download).
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from ncos.access.roles import Role
from ncos.cases.models import AccessRequest, Task, Visit
from ncos.cases.services import case_officer_assign, task_open, visit_plan
from ncos.registry.models import Detail
from ncos.registry.tests.factories import make_detail, make_offence, make_person
from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser_context_args,
    browser_type_launch_args,
    live_server_url,
    signed_in_page,
)

pytestmark = pytest.mark.browser

ADDRESS = {
    "address_type": "residence",
    "line1": "12 Wattlebird Street",
    "locality": "Braddon",
    "state": "ACT",
    "postcode": "2612",
}


def _setup(make_user):
    registrar = make_user("act.journey.registrar", jurisdiction="ACT", roles=[Role.REGISTRAR])
    manager = make_user(
        "act.journey.cm",
        jurisdiction="ACT",
        roles=[Role.CASE_MANAGER],
        first_name="Casey",
        last_name="Manager",
    )
    person = make_person("ACT", family_name="Journeyman", given_names="Jack", actor=registrar)
    make_offence(
        person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19), actor=registrar
    )
    address = make_detail(person, "address", ADDRESS, actor=registrar, valid_from=date(2023, 7, 1))
    case_officer_assign(actor=registrar, person_id=person.pk, officer=manager, reason="caseload")
    task = task_open(
        actor=None,
        person=person,
        kind="breach",
        title="Initial report overdue: follow up",
        due_date=date(2024, 8, 1),
        source_key="breach:journey",
    )
    visit = visit_plan(
        actor=manager,
        person_id=person.pk,
        address_detail_id=address.pk,
        planned_for=timezone.localdate() - timedelta(days=1),
    )
    return registrar, manager, person, address, task, visit


@pytest.mark.django_db(transaction=True)
def test_case_manager_and_registrar_journey(signed_in_page, make_user, page: Page):  # noqa: F811
    registrar, manager, person, address, task, visit = _setup(make_user)

    # --- the case manager: caseload, a task, a visit ---------------------------------------
    signed_in_page(manager)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Caseload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseload")
    row = page.get_by_role("row").filter(has_text="JOURNEYMAN, Jack")
    expect(row).to_have_class("ncos-overdue")
    expect(row).to_contain_text("Initial report — 26 Jul 2024")
    expect(row.get_by_text("Overdue")).to_be_visible()

    page.get_by_role("link", name="My tasks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My tasks")
    page.get_by_role("link", name="Initial report overdue: follow up").click()
    expect(page.get_by_text("Overdue: this task was due on 1 August 2024.")).to_be_visible()
    page.get_by_label("Status").select_option("done")
    page.get_by_label("Notes").fill("Reported on 2 August; receipt seen.")
    page.get_by_label("Outcome or reason (needed to cancel)").fill("Followed up")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Task saved.")).to_be_visible()
    task.refresh_from_db()
    assert (task.status, task.closed_by_id) == ("done", manager.pk)

    page.get_by_role("link", name="Back to the case").click()
    expect(page.get_by_role("heading", name="Case management")).to_be_visible()
    page.get_by_role(
        "link", name=(timezone.localdate() - timedelta(days=1)).strftime("%-d %b %Y")
    ).click()
    page.get_by_label("What happened").select_option("done")
    page.get_by_label("Outcome").select_option("confirmed")
    page.get_by_label("Visited on").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_label("Time").fill("10:30")
    page.get_by_label("Notes (needed to cancel)").fill("Spoke to him at the door.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Visit saved.")).to_be_visible()
    expect(page.get_by_text("Confirmed: the person lives there")).to_be_visible()
    visit.refresh_from_db()
    assert (visit.status, visit.outcome) == ("done", "confirmed")
    assert Task.objects.get(pk=visit.task_id).status == "done"

    # --- the registrar: a s 122 correction, then a copy ------------------------------------
    page.context.clear_cookies()
    signed_in_page(registrar)
    page.goto(f"{page.url.rstrip('/')}/cases/persons/{person.pk}/")
    page.get_by_role("link", name="Log a s 122 / s 19B request").click()
    page.get_by_label("The person asked for", exact=True).select_option("correction")
    page.get_by_label("How", exact=True).select_option("in_person")
    page.get_by_label("What the person asked for (in their words)").fill(
        "My house number is 21, not 12."
    )
    page.get_by_label("For a correction: the detail the person says is wrong").select_option(
        str(address.pk)
    )
    page.get_by_role("button", name="Log the request").click()
    expect(page.get_by_text("Request logged; a task is due on the deadline.")).to_be_visible()
    request = AccessRequest.objects.get(person=person, kind="correction")
    expect(page.locator(".ncos-deadline")).to_contain_text(request.due_date.strftime("%-d %B %Y"))

    page.get_by_role("link", name="Decide the request").click()
    page.get_by_label("Accepted: the information is incorrect").check()
    page.get_by_label("Reasons").fill("The lease shows number 21.")
    page.get_by_label("Street address").fill("21 Wattlebird Street")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    versions = page.get_by_role("table").filter(has_text="Every version of this fact")
    expect(versions.get_by_role("row").filter(has_text="21 Wattlebird Street")).to_contain_text(
        "Current"
    )
    expect(versions.get_by_role("row").filter(has_text="12 Wattlebird Street")).to_contain_text(
        "Superseded"
    )
    facts = list(Detail.objects.filter(fact_id=address.fact_id).order_by("sequence"))
    assert [(f.data["line1"], f.is_current) for f in facts] == [
        ("12 Wattlebird Street", False),
        ("21 Wattlebird Street", True),
    ]

    # A copy request, answered with the PDF the same day.
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Log a s 122 / s 19B request").click()
    page.get_by_label("The person asked for", exact=True).select_option("copy")
    page.get_by_label("How", exact=True).select_option("writing")
    page.get_by_label("What the person asked for (in their words)").fill("A copy, please.")
    page.get_by_role("button", name="Log the request").click()
    page.get_by_role("link", name="Give the copy").click()
    expect(page.get_by_text("21 Wattlebird Street")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Produce the copy (PDF)").click()
    pdf = download_info.value.path().read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "21 Wattlebird Street" in text
    assert "12 Wattlebird Street" not in text
    copy_request = AccessRequest.objects.get(person=person, kind="copy")
    assert copy_request.status == "completed"
    assert copy_request.copies.count() == 1
    assert Visit.objects.filter(person=person).count() == 1
