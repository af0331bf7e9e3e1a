"""Fixtures of the compliance tests: users of the ACT and NSW registries."""

from __future__ import annotations

import pytest

from ncos.access.roles import Role
from ncos.accounts.models import User
from tests.browser.conftest import (  # noqa: F401 - the shared Playwright fixtures, by name
    browser_context_args,
    browser_type_launch_args,
    live_server_url,
    signed_in_page,
)


@pytest.fixture
def act_registrar(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(
        "c.act.registrar",
        jurisdiction="ACT",
        roles=[Role.REGISTRAR],
        first_name="Robin",
        last_name="Receiver",
    )


@pytest.fixture
def act_cleared(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("c.act.cleared", jurisdiction="ACT", roles=[Role.REGISTRAR], cleared=True)


@pytest.fixture
def act_case_manager(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(
        "c.act.cm",
        jurisdiction="ACT",
        roles=[Role.CASE_MANAGER],
        first_name="Casey",
        last_name="Manager",
    )


@pytest.fixture
def act_investigator(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("c.act.inv", jurisdiction="ACT", roles=[Role.INVESTIGATOR])


@pytest.fixture
def nsw_registrar(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(
        "c.nsw.registrar",
        jurisdiction="NSW",
        roles=[Role.REGISTRAR],
        first_name="Nell",
        last_name="Newsouth",
    )
