"""Test data for case management, built through the services (audit and history as in life)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.cases import services
from ncos.cases.models import Task
from ncos.common.testing.fixtures import _make_user
from ncos.registry.models import Person
from ncos.registry.tests.factories import make_detail, make_person, registrar_for

__all__ = [
    "case_manager_for",
    "make_detail",
    "make_person",
    "make_task",
    "registrar_for",
    "user_for",
]

_seq = itertools.count(1)


def user_for(
    jurisdiction: str = "ACT", role: Role = Role.CASE_MANAGER, *, cleared: bool = False
) -> User:
    n = next(_seq)
    return _make_user(
        f"cases.{jurisdiction.lower()}.{role.value}.{n}",
        jurisdiction=jurisdiction,
        roles=[role],
        cleared=cleared,
    )


def case_manager_for(jurisdiction: str = "ACT", *, cleared: bool = False) -> User:
    return user_for(jurisdiction, Role.CASE_MANAGER, cleared=cleared)


def make_task(
    person: Person,
    *,
    actor: User | None = None,
    kind: str = "follow_up",
    title: str | None = None,
    due_date: date = date(2026, 12, 1),
    source_key: str = "",
    **kw: Any,
) -> Task:
    return services.task_open(
        actor=actor,
        person=person,
        kind=kind,
        title=title or f"Task {next(_seq)}",
        due_date=due_date,
        source_key=source_key,
        **kw,
    )
