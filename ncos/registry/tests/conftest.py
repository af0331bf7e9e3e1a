"""Fixtures of the register's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from ncos.access.roles import Role
from ncos.accounts.models import User
from tests.browser.conftest import (  # noqa: F401 - the shared Playwright fixtures, by name
    browser_context_args,
    browser_type_launch_args,
    live_server_url,
    signed_in_page,
)

# A fixed "now" for tests whose answers depend on today's date (statuses, due/overdue).
FROZEN = "2026-03-02 10:00:00 +11:00"


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def act_registrar(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("act.registrar", jurisdiction="ACT", roles=[Role.REGISTRAR])


@pytest.fixture
def act_cleared(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(
        "act.registrar.cleared", jurisdiction="ACT", roles=[Role.REGISTRAR], cleared=True
    )


@pytest.fixture
def nsw_registrar(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("nsw.registrar", jurisdiction="NSW", roles=[Role.REGISTRAR])


@pytest.fixture
def act_case_manager(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("act.cm", jurisdiction="ACT", roles=[Role.CASE_MANAGER])


@pytest.fixture
def act_investigator(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("act.inv", jurisdiction="ACT", roles=[Role.INVESTIGATOR])


@pytest.fixture(autouse=True)
def _register_only_events() -> Iterator[None]:
    """The register's own tests assess on the register's facts alone: other apps' event
    providers (compliance reports, travel) are tested by those apps; a test that needs a
    provider appends its own."""
    from ncos.registry.services.obligations import EVENT_PROVIDERS

    saved = list(EVENT_PROVIDERS)
    EVENT_PROVIDERS.clear()
    try:
        yield
    finally:
        EVENT_PROVIDERS[:] = saved
