"""Background work: the nightly compliance sweep as a django-tasks task (database-backed queue in
production; the immediate backend in tests). Run nightly by `manage.py compliance_sweep --enqueue`
(cron or a systemd timer), or inline by `manage.py compliance_sweep`."""

from __future__ import annotations

from typing import Any

from django_tasks import task


@task()
def compliance_sweep(as_of: str | None = None, jurisdiction: str | None = None) -> dict[str, Any]:
    """Recompute obligations, open breach tasks, raise reminders (idempotent)."""
    from datetime import date

    from ncos.compliance.services.sweep import sweep_all

    day = date.fromisoformat(as_of) if as_of else None
    return sweep_all(as_of=day, jurisdiction=jurisdiction).to_dict()
