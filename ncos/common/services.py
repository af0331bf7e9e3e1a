"""The `@service` boundary: one transaction per business operation, refusals audited after it."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import transaction

from ncos.access.errors import AccessDenied

P = ParamSpec("P")
R = TypeVar("R")

# How many @service calls are running in this thread/task: only the outermost one writes the
# audit row of a refusal, after its transaction has rolled back.
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("ncos_service_depth", default=0)


def in_service() -> bool:
    """True while a @service function runs (its refusals are audited when it unwinds)."""
    return _depth.get() > 0


def service(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` atomically (its facts, tasks and audit row together or not at all, RL-2); if it
    refuses access, the rollback would take the refusal's audit row with it, so the outermost
    service writes it afterwards. A service nested in another leaves that to the outer one."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _depth.set(_depth.get() + 1)
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        except AccessDenied as denied:
            if _depth.get() == 1:
                denied.write_audit()
            raise
        finally:
            _depth.reset(token)

    return wrapper
