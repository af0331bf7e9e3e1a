"""Demo compliance data on top of the register's demo people (`seed_demo`; runs after
`ncos.registry.demo:load`, which records their initial reports through `report_record`).

* an approved reporting place for every registry that has none (the ACT's, Belconnen, comes from
  a data migration; the others are marked as demo places);
* written acknowledgements produced and given for some reports, so others show as owed;
* the nightly sweep, so overdue obligations have breach tasks and reminders exist.

Idempotent: places by name, receipts only for reports without one, the sweep itself.
Synthetic only (security.md DP-6).
"""

from __future__ import annotations

import logging

from django.utils import timezone

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.compliance.models import Report, ReportingPlace
from ncos.compliance.services import receipt_generate, receipt_mark_given, sweep_all
from ncos.directory.models import Jurisdiction
from ncos.web.demo_users import demo_username

logger = logging.getLogger("ncos.compliance")
RECEIPTS_PER_JURISDICTION = 6


def load() -> list[str]:
    lines: list[str] = []
    places = 0
    for j in Jurisdiction.objects.order_by("code"):
        if not ReportingPlace.objects.filter(jurisdiction=j).exists():
            ReportingPlace.objects.create(
                jurisdiction=j,
                name=f"{j.registry_unit} reporting office (demo)",
                basis="Demo place: replace with the registry's approved reporting places",
            )
            places += 1
    lines.append(f"compliance: {places} demo reporting place(s) added")
    given = 0
    for j in Jurisdiction.objects.order_by("code"):
        registrar = User.objects.filter(username=demo_username(j.code, Role.REGISTRAR)).first()
        if registrar is None:
            continue
        reports = Report.objects.filter(
            jurisdiction=j.code, acknowledgements__isnull=True, person__protected=False
        ).order_by("received_at")[:RECEIPTS_PER_JURISDICTION]
        for report in reports:
            ack = receipt_generate(actor=registrar, report_id=report.pk)
            receipt_mark_given(
                actor=registrar, receipt_id=ack.pk, how="handed", given_at=timezone.now()
            )
            given += 1
    lines.append(f"compliance: {given} acknowledgement(s) produced and given")
    summary = sweep_all()
    lines.append(
        f"compliance: sweep of {summary.persons} person(s): {summary.breaches} breach task(s), "
        f"{summary.reminders} reminder(s)"
    )
    return lines
