"""The `@service` boundary: one transaction per business operation, refusals audited after it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import transaction

from ncos.access.errors import AccessDenied

P = ParamSpec("P")
R = TypeVar("R")


def service(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` atomically (its facts, tasks and audit row together or not at all, RL-2); if it
    refuses access, the rollback would take the refusal's audit row with it, so write it after."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except AccessDenied as denied:
            if not transaction.get_connection().in_atomic_block:
                denied.write_audit()
            raise

    return wrapper
