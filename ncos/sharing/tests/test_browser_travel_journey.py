"""Playwright journey in Debian's Chromium (fixtures: tests/browser/conftest.py) — the issue's
done path:

an ACT registrar records overseas travel (with a stopover in NSW) and the application for
permission; the ACT competent authority grants it; the NSW stopover put a travel notification in
NSW's inbox (the menu shows it unread), which an NSW user opens and acknowledges; the ACT
registrar raises a limited-validity passport request that another ACT registrar approves and
exports as a PDF letter and as the JSON document the passport authority consumes.
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from ncos.access.roles import Role
from ncos.passports import export
from ncos.passports.models import PassportRequest, TravelPermission
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import make_offence, make_person
from ncos.sharing.models import TravelNotification, TravelPlan
from tests.browser.conftest import (  # noqa: F401 - the shared Playwright fixtures, by name
    browser_context_args,
    browser_type_launch_args,
    live_server_url,
    signed_in_page,
)

pytestmark = pytest.mark.browser


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/**")


def _stay(
    page: Page, n: int, *, code: str = "", country: str = "", place: str, arrive: date, leave: date
) -> None:
    stay = page.get_by_role("group", name=f"Stay {n}")
    if code:
        stay.get_by_label("State or territory").select_option(code)
    if country:
        stay.get_by_label("Country (if overseas)").fill(country)
    stay.get_by_label("Address or locality").fill(place)
    stay.get_by_label("Arrives").fill(arrive.isoformat())
    stay.get_by_label("Leaves").fill(leave.isoformat())


def test_overseas_travel_permission_notification_and_passport_request(
    signed_in_page,  # noqa: F811 - the shared fixture, imported above by name
    live_server_url,  # noqa: F811
    make_user,
):
    registrar = make_user("act.journey.reg", jurisdiction="ACT", roles=[Role.REGISTRAR])
    approver = make_user("act.journey.reg2", jurisdiction="ACT", roles=[Role.REGISTRAR])
    authority = make_user("act.journey.ca", jurisdiction="ACT", roles=[Role.COMPETENT_AUTHORITY])
    nsw_user = make_user("nsw.journey.cm", jurisdiction="NSW", roles=[Role.CASE_MANAGER])
    person = make_person("ACT", family_name="Voyager", given_names="Vic", actor=registrar)
    make_offence(
        person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 5, 2), actor=registrar
    )
    today = local_today(person)
    depart = today + timedelta(days=30)
    back = depart + timedelta(days=16)
    travel_url = f"{live_server_url}/sharing/persons/{person.pk}/travel/"

    # 1. The ACT registrar records the travel and the application for permission.
    page = signed_in_page(registrar)
    page.goto(travel_url)
    expect(page.get_by_role("link", name="Travel and passports")).to_have_attribute(
        "aria-current", "page"
    )
    page.get_by_role("link", name="Record intended travel").click()
    page.get_by_label("Leaves on").fill(depart.isoformat())
    page.get_by_label("Intends to return on").fill(back.isoformat())
    page.get_by_label("How travelling").select_option("air")
    page.get_by_label("Transport details").fill("QF 23 Sydney–Bangkok")
    page.get_by_label("Purpose").fill("Visiting family")
    page.get_by_label("How it was reported").select_option("in_person")
    page.get_by_label("Where").fill("Belconnen Police Station")
    _stay(page, 1, code="NSW", place="Mascot", arrive=depart, leave=depart + timedelta(days=1))
    _stay(
        page,
        2,
        country="Thailand",
        place="Bangkok",
        arrive=depart + timedelta(days=1),
        leave=back - timedelta(days=1),
    )
    _stay(page, 3, code="NSW", place="Sydney", arrive=back - timedelta(days=1), leave=back)
    page.get_by_role("button", name="Record travel and notify").click()
    expect(
        page.get_by_text("Travel recorded; the destination registries were notified.")
    ).to_be_visible()
    expect(page.get_by_text("no permission of the competent authority yet")).to_be_visible()
    plan = TravelPlan.objects.get(person=person)
    assert [leg.destination for leg in plan.legs.all()] == ["NSW", "Thailand", "NSW"]
    page.get_by_role("link", name="Record an application for permission").click()
    expect(page.get_by_label("Countries of destination")).to_have_value("Thailand")
    page.get_by_role("button", name="Record the application").click()
    expect(page.get_by_text("Awaiting the competent authority's decision.")).to_be_visible()
    _sign_out(page)

    # 2. The competent authority grants it.
    page = signed_in_page(authority)
    page.goto(travel_url)
    permission = TravelPermission.objects.get(person=person)
    page.get_by_role("link", name=permission.reference).click()
    page.get_by_role("link", name="Decide").click()
    page.get_by_label("Granted", exact=True).check()
    page.get_by_label("Reasons").fill("Family support confirmed; itinerary verified.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Granted on")).to_be_visible()
    page.get_by_role("link", name="Record how and when the traveller was told").click()
    told = timezone.localtime(timezone.now(), ZoneInfo("Australia/Sydney"))
    page.get_by_label("Traveller told at").fill(told.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("How").select_option("letter")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_text("letter (written notice)")).to_be_visible()
    _sign_out(page)

    # 3. NSW sees the notification in its inbox and acknowledges it.
    page = signed_in_page(nsw_user)
    inbox_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox")
    expect(inbox_link).to_contain_text("1")
    inbox_link.click()
    notification = TravelNotification.objects.get(plan=plan)
    page.get_by_role("link", name=f"Travel notification {notification.reference} from ACT").click()
    expect(
        page.get_by_role("heading", name=f"Travel notification {notification.reference}")
    ).to_be_visible()
    expect(
        page.get_by_text("no contact is required unless the stay is extended").first
    ).to_be_visible()
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Notification acknowledged.")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox")
    ).not_to_contain_text("1")
    notification.refresh_from_db()
    assert notification.status == "acknowledged"
    assert notification.acknowledged_by == nsw_user
    _sign_out(page)

    # 4. The ACT registrar raises a limited-validity passport request...
    page = signed_in_page(registrar)
    page.goto(travel_url)
    page.get_by_role("link", name="Issue a limited-validity passport").click()
    page.get_by_label("Grounds").fill("Travel permitted by the competent authority.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("You wrote or last edited this draft")).to_be_visible()
    request = PassportRequest.objects.get(person=person)
    assert request.request_type == "issue_limited"
    assert request.travel_permission == permission
    expect(page.get_by_role("link", name="Approve")).to_have_count(0)  # not their own
    _sign_out(page)

    # 5. ...which another registrar approves and exports.
    page = signed_in_page(approver)
    page.goto(f"{live_server_url}/passports/persons/{person.pk}/requests/{request.pk}/")
    page.get_by_role("link", name="Approve").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Request approved.")).to_be_visible()
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="PDF letter").click()
    pdf_bytes = Path(pdf_download.value.path()).read_bytes()
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Issue a limited-validity Australian passport" in pdf_text
    assert "VOYAGER" in pdf_text.upper()
    assert "DRAFT" not in pdf_text
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON document").click()
    doc = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert export.validate_document(doc) == []
    assert doc["approval"]["approved_by"]["username"] == approver.username
    assert doc["limited_validity"]["permission"]["reference"] == permission.reference
