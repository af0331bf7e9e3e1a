"""Reports recorded here, as the law engine's `report_made` events (registered in
`AppConfig.ready` with the register's `EVENT_PROVIDERS`).

Each obligation a report meets becomes ``{"type": "report_made", "kind": …, "key": …,
"date": …}`` (the key makes the engine mark exactly that obligation met, with `met_on` and
`days_late`). The moment received (`"datetime"`, in the jurisdiction's zone) is given instead of
the day only for an obligation with an hour limit (`due_at`, e.g. details about children within 24
hours), where lateness is counted in started days from the exact time; for a day-based due date
the day received is what the Act counts. An initial report that meets no recorded obligation
still tells the engine the person first reported that day (the annual report is counted from it:
ACT s 37, NSW s 10).
Pure reads: no writes, no audit (the provider contract).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q

from ncos.compliance.choices import ReportKind


def report_events(person: Any, as_of: date) -> list[dict[str, Any]]:
    from ncos.compliance.models import Report

    zone = ZoneInfo(person.managing_jurisdiction.time_zone)
    reports = (
        Report.objects.filter(Q(person=person) | Q(person__merged_into=person))
        .filter(received_on__lte=as_of)
        .prefetch_related("meets__obligation")
        .order_by("received_at")
    )
    events: list[dict[str, Any]] = []
    for report in reports:
        local = report.received_at.astimezone(zone)
        links = list(report.meets.all())
        for link in links:
            hourly = link.obligation is not None and link.obligation.due_at is not None
            events.append(
                {
                    "type": "report_made",
                    "kind": link.obligation_kind,
                    "key": link.obligation_key,
                    **(
                        {"datetime": local.isoformat()}
                        if hourly
                        else {"date": local.date().isoformat()}
                    ),
                }
            )
        if report.kind == ReportKind.INITIAL and not any(
            link.obligation_kind == "initial_report" for link in links
        ):
            events.append(
                {"type": "report_made", "kind": "initial_report", "date": local.date().isoformat()}
            )
    return events
