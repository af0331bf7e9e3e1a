"""Shared fixtures for Playwright journeys in Debian's Chromium (`playwright install` cannot
download browsers here). Mark journeys `@pytest.mark.browser`.

    @pytest.mark.browser
    def test_something(signed_in_page, make_user):
        page = signed_in_page(make_user(roles=[Role.REGISTRAR]))
        page.get_by_role("link", name="Search").click()

`signed_in_page(user)` signs in through the real forms (banner, password, TOTP) on the
`live_server` and returns the page, on the home dashboard. `live_server_url` gives the base URL.
Each test gets a fresh browser context; the database is flushed after each test (transactional).
pytest-xdist runs these in parallel: each worker has its own live server and its own database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from ncos.common.testing.fixtures import TEST_PASSWORD, current_totp

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM calls made
# by the test (factories, assertions) are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "en-AU", "timezone_id": "Australia/Sydney"}


@pytest.fixture
def live_server_url(live_server: Any, transactional_db: None) -> str:
    return str(live_server.url).replace("127.0.0.1", "localhost")  # a secure context for WebAuthn


def at(page: Page, path: str) -> None:
    """Wait until the page shows `path` (any query string), e.g. `at(page, "/")`."""
    page.wait_for_url(lambda url: urlsplit(url).path == path)


def sign_in_on(page: Page, base_url: str, username: str, password: str) -> None:
    """Fill the sign-in form (username, password, banner acknowledgement) and submit it."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_label("I have read this notice").check()
    page.get_by_role("button", name="Sign in").click()


def enter_totp(page: Page, code: str) -> None:
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()


@pytest.fixture
def signed_in_page(page: Page, live_server_url: str) -> Callable[..., Page]:
    """`signed_in_page(user, password=TEST_PASSWORD)`: a real sign-in incl. the TOTP step."""
    uses: dict[int, int] = {}

    def sign_in(user: Any, password: str = TEST_PASSWORD) -> Page:
        # A TOTP code works once: a second sign-in of the same user takes the next step's code.
        offset = (0, 1, -1)[uses.get(user.pk, 0) % 3]
        uses[user.pk] = uses.get(user.pk, 0) + 1
        sign_in_on(page, live_server_url, user.username, password)
        at(page, "/accounts/2fa/authenticate/")
        enter_totp(page, current_totp(user, offset))
        at(page, "/")
        return page

    return sign_in
