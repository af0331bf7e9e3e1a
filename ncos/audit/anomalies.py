"""The weekly anomaly report (security.md LG-9; CJIS AU-6): patterns in the audit trail an
auditor should look at. It flags, it does not judge: each finding links to the trail search.

* bulk viewing — one user opened more than 50 distinct person records within an hour;
* denied burst — one user was refused 10 or more times within an hour;
* protected attempts — one user was refused, or shown only the stub, on protected records;
* out-of-jurisdiction reads — one user read more than 20 distinct persons managed by another
  jurisdiction in one day.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q

from ncos.audit.models import AuditEvent, Outcome

BULK_VIEW_LIMIT = 50  # distinct persons per hour
DENIED_BURST = 10  # refusals per hour
OUT_OF_JURISDICTION_LIMIT = 20  # distinct persons of other jurisdictions per day
WINDOW = timedelta(hours=1)
PERSON_READS = ("person.view", "person.photo", "person.export", "person.print")


@dataclass(frozen=True)
class Finding:
    kind: str
    username: str
    jurisdiction: str
    start: datetime
    end: datetime
    count: int
    description: str


@dataclass(frozen=True)
class Row:
    """What the detectors read of one audit event."""

    at: datetime
    username: str
    jurisdiction: str
    action: str
    outcome: str
    object_type: str
    object_id: str
    managing_jurisdiction: str
    protected: bool


def rows_between(start: datetime, end: datetime, jurisdiction: str = "") -> list[Row]:
    """Signed-in users' events in [start, end), oldest first; with `jurisdiction`, only those by
    its users or about records it manages (what its auditors may read)."""
    events = AuditEvent.objects.filter(at__gte=start, at__lt=end, actor_id__isnull=False)
    if jurisdiction:
        events = events.filter(
            Q(actor_jurisdiction=jurisdiction) | Q(managing_jurisdiction=jurisdiction)
        )
    fields = (
        "at",
        "actor_username",
        "actor_jurisdiction",
        "action",
        "outcome",
        "object_type",
        "object_id",
        "managing_jurisdiction",
        "protected",
    )
    return [Row(*values) for values in events.order_by("seq").values_list(*fields).iterator()]


def _is_read(row: Row) -> bool:
    """A person record opened (the full record or its restricted stub), not a refusal."""
    opened = row.outcome in (Outcome.ALLOWED, Outcome.STUB)
    return opened and row.action in PERSON_READS and row.object_type == "person"


def _bulk_viewing(rows: list[Row]) -> list[Finding]:
    """Per user, the first hour-long window in which they opened over the limit of persons."""
    by_user: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if _is_read(row):
            by_user[row.username].append(row)
    findings = []
    for username, reads in by_user.items():
        window: deque[Row] = deque()
        seen: Counter[str] = Counter()
        best = 0
        best_span: tuple[datetime, datetime] | None = None
        for row in reads:
            window.append(row)
            seen[row.object_id] += 1
            while window and row.at - window[0].at > WINDOW:
                old = window.popleft()
                seen[old.object_id] -= 1
                if not seen[old.object_id]:
                    del seen[old.object_id]
            if len(seen) > best:
                best, best_span = len(seen), (window[0].at, row.at)
        if best > BULK_VIEW_LIMIT and best_span:
            findings.append(
                Finding(
                    "bulk viewing",
                    username,
                    reads[0].jurisdiction,
                    *best_span,
                    best,
                    f"{best} distinct persons opened within an hour (limit {BULK_VIEW_LIMIT}).",
                )
            )
    return findings


def _denied_bursts(rows: list[Row]) -> list[Finding]:
    by_user: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.outcome == Outcome.DENIED and not row.action.startswith("auth."):
            by_user[row.username].append(row)
    findings = []
    for username, denied in by_user.items():
        start = 0
        best, span = 0, None
        for end, row in enumerate(denied):
            while row.at - denied[start].at > WINDOW:
                start += 1
            if end - start + 1 > best:
                best, span = end - start + 1, (denied[start].at, row.at)
        if best >= DENIED_BURST and span:
            findings.append(
                Finding(
                    "denied burst",
                    username,
                    denied[0].jurisdiction,
                    *span,
                    best,
                    f"{best} refusals within an hour (flagged at {DENIED_BURST}).",
                )
            )
    return findings


def _protected_attempts(rows: list[Row]) -> list[Finding]:
    by_user: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.protected and row.outcome in (Outcome.DENIED, Outcome.STUB):
            by_user[row.username].append(row)
    return [
        Finding(
            "protected attempts",
            username,
            tried[0].jurisdiction,
            tried[0].at,
            tried[-1].at,
            len(tried),
            f"{len(tried)} refusals or restricted stubs on protected records.",
        )
        for username, tried in by_user.items()
    ]


def _out_of_jurisdiction(rows: list[Row]) -> list[Finding]:
    persons: dict[tuple[str, str], set[str]] = defaultdict(set)
    spans: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    home: dict[str, str] = {}
    for row in rows:
        foreign = row.managing_jurisdiction and row.managing_jurisdiction != row.jurisdiction
        if _is_read(row) and foreign:
            key = (row.username, row.at.date().isoformat())
            persons[key].add(row.object_id)
            spans[key].append(row.at)
            home[row.username] = row.jurisdiction
    return [
        Finding(
            "out-of-jurisdiction reads",
            username,
            home[username],
            min(spans[(username, day)]),
            max(spans[(username, day)]),
            len(ids),
            f"{len(ids)} persons of other jurisdictions read on {day} "
            f"(flagged over {OUT_OF_JURISDICTION_LIMIT}).",
        )
        for (username, day), ids in persons.items()
        if len(ids) > OUT_OF_JURISDICTION_LIMIT
    ]


def detect(rows: list[Row]) -> list[Finding]:
    """Every finding in `rows` (oldest first), grouped by kind, then user."""
    findings = (
        _bulk_viewing(rows)
        + _denied_bursts(rows)
        + _protected_attempts(rows)
        + _out_of_jurisdiction(rows)
    )
    return sorted(findings, key=lambda f: (f.kind, f.username, f.start))
