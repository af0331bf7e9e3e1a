"""Reads of the compliance app: the persons a user's compliance lists cover, the lists behind
the dashboards (obligations, reports, reminders), the figures, and one person's compliance page.

Compliance work is the managing registry's: lists cover the persons managed by the user's own
jurisdiction, and protected persons only for users with clearance (an uncleared user's lists and
figures leave them out entirely, so nothing can reveal them). Every list request writes one audit
row naming the persons it showed (`audit_list`); exports name every person exported.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.subjects import subject_of
from ncos.audit import record as audit
from ncos.compliance.choices import ComplianceState
from ncos.compliance.models import Acknowledgement, Reminder, Report
from ncos.compliance.states import state_q
from ncos.registry.models import Obligation, Person

OPEN = ("due", "overdue", "upcoming")


def user_today(actor: Any) -> date:
    zone = actor.jurisdiction.zone if getattr(actor, "jurisdiction", None) else None
    return timezone.localdate(timezone=zone) if zone else timezone.localdate()


def scope(actor: Any, action: Action = Action.PERSON_UPDATE) -> QuerySet[Person]:
    """The persons of the actor's compliance lists (raises AccessDenied for a role that may not
    take `action` on its own jurisdiction's records)."""
    authorize(actor, action, RecordRef(managing_jurisdiction=actor.jurisdiction_id or ""))
    qs = Person.objects.filter(
        managing_jurisdiction_id=actor.jurisdiction_id, merged_into__isnull=True
    )
    if not subject_of(actor).protected_clearance:
        qs = qs.filter(protected=False)
    return qs


def may_see_compliance(actor: Any) -> bool:
    from ncos.access.policy import decide

    subject = subject_of(actor)
    return decide(
        subject, Action.PERSON_UPDATE, RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    ).allowed


# --- obligations -------------------------------------------------------------------------------

OBLIGATION_SORTS = {
    "due": ("due_date", "due_at", "person__family_name"),
    "-due": ("-due_date", "-due_at", "person__family_name"),
    "person": ("person__family_name", "person__given_names", "due_date"),
    "kind": ("kind", "due_date"),
    "status": ("status", "due_date"),
    "-late": ("-days_late", "due_date"),
}


@dataclass(frozen=True)
class ObligationFilters:
    state: str = ""
    window: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    kind: str = ""
    officer: str = ""  # a user id, or "none" for persons without a case officer
    national_id: str = ""
    sort: str = "due"

    def terms(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in self.__dict__.items()
            if v not in ("", None)
        }


def _officer_q(officer: str, prefix: str = "") -> Q:
    if officer == "none":
        return Q(**{f"{prefix}case_officer__isnull": True})
    if officer.isdigit():
        return Q(**{f"{prefix}case_officer_id": int(officer)})
    return Q()


def obligation_list(*, actor: Any, filters: ObligationFilters) -> QuerySet[Obligation]:
    persons = scope(actor)
    today = user_today(actor)
    qs = Obligation.objects.filter(person__in=persons).select_related(
        "person", "person__case_officer", "person__managing_jurisdiction"
    )
    if filters.state == "open":
        qs = qs.filter(status__in=OPEN)
    elif filters.state:
        qs = qs.filter(state_q(filters.state))
    else:
        qs = qs.exclude(status="withdrawn")
    if filters.window:
        qs = qs.filter(
            status__in=("due", "upcoming"),
            due_date__gte=today,
            due_date__lte=today + timedelta(days=filters.window),
        )
    if filters.due_from:
        qs = qs.filter(due_date__gte=filters.due_from)
    if filters.due_to:
        qs = qs.filter(due_date__lte=filters.due_to)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.officer:
        qs = qs.filter(_officer_q(filters.officer, "person__"))
    if filters.national_id:
        qs = qs.filter(person__national_id__iexact=filters.national_id.strip())
    return qs.order_by(*OBLIGATION_SORTS.get(filters.sort, OBLIGATION_SORTS["due"]), "key")


# --- reports -----------------------------------------------------------------------------------

REPORT_SORTS = {
    "-received": ("-received_at",),
    "received": ("received_at",),
    "ack_due": ("ack_due_on", "received_at"),
    "person": ("person__family_name", "person__given_names", "-received_at"),
    "kind": ("kind", "-received_at"),
}


@dataclass(frozen=True)
class ReportFilters:
    kind: str = ""
    manner: str = ""
    received_from: date | None = None
    received_to: date | None = None
    ack: str = ""  # "owed", "overdue", "given"
    officer: str = ""  # case officer of the person
    national_id: str = ""
    sort: str = "-received"

    def terms(self) -> dict[str, Any]:
        return ObligationFilters.terms(self)  # type: ignore[arg-type]


def _given() -> Exists:
    return Exists(Acknowledgement.objects.filter(report=OuterRef("pk"), given_at__isnull=False))


def report_list(*, actor: Any, filters: ReportFilters) -> QuerySet[Report]:
    persons = scope(actor)
    today = user_today(actor)
    qs = (
        Report.objects.filter(person__in=persons)
        .select_related(
            "person", "officer", "person__case_officer", "person__managing_jurisdiction"
        )
        .annotate(ack_given=_given())
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.manner:
        qs = qs.filter(manner=filters.manner)
    if filters.received_from:
        qs = qs.filter(received_on__gte=filters.received_from)
    if filters.received_to:
        qs = qs.filter(received_on__lte=filters.received_to)
    if filters.ack == "owed":
        qs = qs.filter(ack_given=False)
    elif filters.ack == "overdue":
        qs = qs.filter(ack_given=False, ack_due_on__lt=today)
    elif filters.ack == "given":
        qs = qs.filter(ack_given=True)
    if filters.officer:
        qs = qs.filter(_officer_q(filters.officer, "person__"))
    if filters.national_id:
        qs = qs.filter(person__national_id__iexact=filters.national_id.strip())
    return qs.order_by(*REPORT_SORTS.get(filters.sort, REPORT_SORTS["-received"]), "reference")


# --- reminders ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderFilters:
    officer: str = ""
    include_dismissed: bool = False
    sort: str = "due"

    def terms(self) -> dict[str, Any]:
        return ObligationFilters.terms(self)  # type: ignore[arg-type]


def reminder_list(*, actor: Any, filters: ReminderFilters) -> QuerySet[Reminder]:
    persons = scope(actor)
    qs = Reminder.objects.filter(person__in=persons).select_related(
        "person", "obligation", "case_officer"
    )
    if not filters.include_dismissed:
        qs = qs.filter(dismissed_at__isnull=True).filter(obligation__status__in=OPEN)
    if filters.officer:
        qs = qs.filter(_officer_q(filters.officer, "person__"))
    order = ("-due_date",) if filters.sort == "-due" else ("due_date",)
    return qs.order_by(*order, "obligation_key", "-days_before")


# --- auditing lists ----------------------------------------------------------------------------


def audit_list(*, actor: Any, action: str, terms: dict[str, Any], persons: Iterable[Any]) -> None:
    """One row for a list page or API list request: the filters and the persons shown."""
    shown = list({p.pk: p for p in persons}.values())
    audit.record_search(
        actor=actor,
        action=action,
        terms=terms,
        result_ids=[p.pk for p in shown],
        protected_in_results=any(p.protected for p in shown),
    )


def audit_export(
    *, actor: Any, action: str, terms: dict[str, Any], persons: Iterable[Any], purpose: str
) -> None:
    shown = list({p.pk: p for p in persons}.values())
    audit.record(
        action=action,
        actor=actor,
        object_type="person-list",
        purpose=purpose,
        protected=any(p.protected for p in shown),
        details={
            "terms": terms,
            "person_ids": [str(p.pk) for p in shown][:5000],
            "count": len(shown),
        },
    )


# --- figures -----------------------------------------------------------------------------------


@dataclass
class MonthRate:
    year: int
    month: int
    on_time: int = 0
    late: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def rate(self) -> int | None:
        return round(100 * self.on_time / self.total) if self.total else None

    @property
    def label(self) -> str:
        return f"{calendar.month_abbr[self.month]} {self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


def _months(today: date, n: int = 12) -> list[tuple[int, int]]:
    out = []
    y, m = today.year, today.month
    for _ in range(n):
        out.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return list(reversed(out))


def compliance_rates(obligations: QuerySet[Obligation], today: date) -> list[MonthRate]:
    """For each of the last 12 months: obligations that fell due in it (up to today) met on
    time, met late, and still overdue. Suspended, not applicable and withdrawn ones are left
    out; ones not yet due are not counted."""
    months = _months(today)
    first = date(months[0][0], months[0][1], 1)
    rows = obligations.filter(
        due_date__gte=first, due_date__lte=today, status__in=("met", "overdue")
    ).values_list("due_date", "status", "days_late")
    table = {ym: MonthRate(*ym) for ym in months}
    for due, status, late in rows:
        if due is None:  # pragma: no cover - filtered above
            continue
        rate = table[(due.year, due.month)]
        if status == "overdue":
            rate.overdue += 1
        elif late:
            rate.late += 1
        else:
            rate.on_time += 1
    return [table[ym] for ym in months]


def svg_bars(rates: list[MonthRate], width: int = 240) -> dict[str, Any]:
    """Bars for the dashboard template (server-side SVG: no script, CSP-safe)."""
    step = width / max(len(rates), 1)
    bars = []
    for i, r in enumerate(rates):
        value = r.rate if r.rate is not None else 0
        h = round(100 * value / 100)
        bars.append(
            {
                "x": round(i * step + 2, 1),
                "y": 105 - h,
                "w": round(step - 4, 1),
                "h": h,
                "tx": round(i * step + step / 2, 1),
                "short": calendar.month_abbr[r.month][:1],
                "label": r.label,
                "value": (
                    f"{r.rate}% on time ({r.on_time} on time, {r.late} late, {r.overdue} overdue)"
                    if r.rate is not None
                    else "nothing fell due"
                ),
            }
        )
    return {"svg_bars": bars, "svg_width": width}


@dataclass
class Figures:
    today: date
    due_7: int
    due_30: int
    overdue: int
    acks_owed: int
    acks_overdue: int
    reminders: int
    persons: int
    rates: list[MonthRate] = field(default_factory=list)

    @property
    def rate_12m(self) -> int | None:
        on_time = sum(r.on_time for r in self.rates)
        total = sum(r.total for r in self.rates)
        return round(100 * on_time / total) if total else None


def figures(persons: QuerySet[Person], today: date) -> Figures:
    obligations = Obligation.objects.filter(person__in=persons)
    soon = obligations.filter(status__in=("due", "upcoming"), due_date__gte=today)
    reports = Report.objects.filter(person__in=persons).annotate(ack_given=_given())
    owed = reports.filter(ack_given=False)
    return Figures(
        today=today,
        due_7=soon.filter(due_date__lte=today + timedelta(days=7)).count(),
        due_30=soon.filter(due_date__lte=today + timedelta(days=30)).count(),
        overdue=obligations.filter(status="overdue").count(),
        acks_owed=owed.count(),
        acks_overdue=owed.filter(ack_due_on__lt=today).count(),
        reminders=Reminder.objects.filter(
            person__in=persons, dismissed_at__isnull=True, obligation__status__in=OPEN
        ).count(),
        persons=persons.count(),
        rates=compliance_rates(obligations, today),
    )


@dataclass
class OfficerRow:
    officer_id: int | None
    name: str
    caseload: int
    figures: Figures


def officer_rows(persons: QuerySet[Person], today: date) -> list[OfficerRow]:
    """Per case officer (and "no case officer"): caseload size and their figures."""
    counts = (
        persons.values(
            "case_officer",
            "case_officer__first_name",
            "case_officer__last_name",
            "case_officer__username",
        )
        .annotate(n=Count("pk"))
        .order_by("case_officer__last_name", "case_officer__username")
    )
    rows: list[OfficerRow] = []
    for c in counts:
        officer_id = c["case_officer"]
        name = (
            f"{c['case_officer__first_name']} {c['case_officer__last_name']}".strip()
            or c["case_officer__username"]
            if officer_id
            else "No case officer"
        )
        mine = (
            persons.filter(case_officer_id=officer_id)
            if officer_id
            else persons.filter(case_officer__isnull=True)
        )
        rows.append(OfficerRow(officer_id, name, c["n"], figures(mine, today)))
    return rows


def caseload_sizes(persons: QuerySet[Person]) -> list[dict[str, Any]]:
    sizes: dict[Any, int] = defaultdict(int)
    names: dict[Any, str] = {}
    for officer_id, first, last, username in persons.values_list(
        "case_officer",
        "case_officer__first_name",
        "case_officer__last_name",
        "case_officer__username",
    ):
        sizes[officer_id] += 1
        names[officer_id] = (
            (f"{first or ''} {last or ''}".strip() or username)
            if officer_id
            else ("No case officer")
        )
    return [
        {"officer_id": k, "name": names[k], "count": v}
        for k, v in sorted(sizes.items(), key=lambda kv: (-kv[1], names[kv[0]]))
    ]


# --- one person ---------------------------------------------------------------------------------


def person_compliance(person: Person) -> dict[str, Any]:
    """Everything the person's compliance page shows (the caller audited the read)."""
    from ncos.compliance.models import FailureToComply, ObligationsNotice
    from ncos.compliance.states import state_of

    obligations = sorted(
        Obligation.objects.filter(person=person).exclude(status="withdrawn"),
        key=lambda o: (o.due_date or date.max, o.kind, o.key),
    )
    rows = [(o, state_of(o)) for o in obligations]
    reports = list(
        Report.objects.filter(person=person)
        .select_related("officer", "place")
        .prefetch_related("meets", "acknowledgements")
        .order_by("-received_at")
    )
    return {
        "obligation_rows": rows,
        "counts": {
            s: sum(1 for _, st in rows if st == s)
            for s in (ComplianceState.OVERDUE, ComplianceState.DUE, ComplianceState.UPCOMING)
        },
        "reports": reports,
        "notices": list(ObligationsNotice.objects.filter(person=person).order_by("-generated_at")),
        "failures": list(
            FailureToComply.objects.filter(person=person)
            .prefetch_related("public_notice_decisions")
            .order_by("-noted_on")
        ),
        "reminders": list(
            Reminder.objects.filter(person=person, dismissed_at__isnull=True)
            .select_related("obligation")
            .order_by("due_date")
        ),
    }
