"""Per-request context (request id, client address, user agent) carried by contextvars.

Services and the audit writer read the context instead of taking a request argument, so a write
made from a management command or a task is audited the same way (NetBox `netbox/context.py`).
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RequestContext:
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    ip_address: str | None = None
    user_agent: str = ""
    session_hash: str = ""
    channel: str = "system"  # "web", "api", "command", "task", "system"


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "ncos_request_context", default=None
)


def current() -> RequestContext:
    """The active context, or a fresh system context when none is set (commands, tasks)."""
    ctx = _current.get()
    if ctx is None:
        ctx = RequestContext()
        _current.set(ctx)
    return ctx


@contextmanager
def activate(ctx: RequestContext) -> Iterator[RequestContext]:
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
