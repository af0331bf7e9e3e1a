"""Foundation pages in Chromium: every form control has a label, the skip link comes first in
the focus order, and the core forms work with JavaScript switched off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from ncos.access.roles import Role
from ncos.accounts.models import User

from .conftest import at, enter_totp, sign_in_on

pytestmark = pytest.mark.browser

UNLABELLED = """() => Array.from(document.querySelectorAll('input, select, textarea, button'))
  .filter(el => el.type !== 'hidden' && !el.disabled && el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !(el.tagName === 'BUTTON' && el.innerText.trim()))
  .map(el => el.outerHTML.slice(0, 120))"""


def _check(page: Page) -> None:
    assert page.evaluate(UNLABELLED) == [], page.url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "ncos-skip", page.url
    assert page.locator("h1").count() == 1, page.url
    assert page.get_attribute("html", "lang") == "en-AU"


def test_foundation_pages_are_labelled_and_start_with_a_skip_link(
    page: Page, signed_in_page, live_server_url, make_user
):
    page.goto(f"{live_server_url}/accounts/login/")
    _check(page)
    admin = make_user("act.admin", roles=[Role.ADMINISTRATOR])
    signed_in_page(admin)
    for path in (
        "/",
        "/account/",
        "/users/",
        "/users/new/",
        f"/users/{admin.pk}/",
        "/users/tokens/",
    ):
        page.goto(f"{live_server_url}{path}")
        _check(page)
    auditor = make_user("act.auditor", roles=[Role.AUDITOR])
    page.get_by_role("button", name="Sign out").click()
    signed_in_page(auditor)
    page.goto(f"{live_server_url}/audit/")
    _check(page)
    expect(page.get_by_role("table")).to_be_visible()


def test_user_administration_works_without_javascript(
    browser: Browser, live_server_url, make_user, totp_code
):
    admin = make_user("act.admin", roles=[Role.ADMINISTRATOR])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_on(page, live_server_url, admin.username, "a long enough test passphrase 42")
        enter_totp(page, totp_code(admin))
        at(page, "/")
        page.get_by_role("link", name="Users").click()
        page.get_by_role("link", name="Add a user").click()
        page.get_by_label("Username").fill("act.paper")
        page.get_by_label("First name").fill("Pat")
        page.get_by_label("Last name").fill("Paper")
        page.get_by_label("Case manager").check()
        page.get_by_role("button", name="Create user").click()
        secret = page.get_by_test_id("initial-password").inner_text()
        assert len(secret) >= 24
        assert User.objects.get(username="act.paper").check_password(secret)
        # A validation error is shown next to the field, still without JavaScript.
        page.goto(f"{live_server_url}/users/new/")
        page.get_by_role("button", name="Create user").click()
        expect(page.get_by_text("This field is required.").first).to_be_visible()
    finally:
        context.close()
