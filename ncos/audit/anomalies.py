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
from collections.abc import Callable
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


def _by_user(rows: list[Row], keep: Callable[[Row], bool]) -> dict[str, list[Row]]:
    by_user: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if keep(row):
            by_user[row.username].append(row)
    return by_user


def _busiest_hour(rows: list[Row], keys: list[str]) -> tuple[int, datetime, datetime]:
    """The most distinct `keys` (one per row, oldest first) within any hour, and the first
    window that holds that many."""
    window: deque[int] = deque()
    seen: Counter[str] = Counter()
    best, span = 0, (rows[0].at, rows[0].at)
    for index, row in enumerate(rows):
        window.append(index)
        seen[keys[index]] += 1
        while row.at - rows[window[0]].at > WINDOW:
            old = keys[window.popleft()]
            seen[old] -= 1
            if not seen[old]:
                del seen[old]
        if len(seen) > best:
            best, span = len(seen), (rows[window[0]].at, row.at)
    return best, *span


def _bulk_viewing(rows: list[Row]) -> list[Finding]:
    """Per user, the first hour-long window in which they opened over the limit of persons."""
    findings = []
    for username, reads in _by_user(rows, _is_read).items():
        best, start, end = _busiest_hour(reads, [row.object_id for row in reads])
        if best > BULK_VIEW_LIMIT:
            findings.append(
                Finding(
                    "bulk viewing",
                    username,
                    reads[0].jurisdiction,
                    start,
                    end,
                    best,
                    f"{best} distinct persons opened within an hour (limit {BULK_VIEW_LIMIT}).",
                )
            )
    return findings


def _is_refusal(row: Row) -> bool:
    return row.outcome == Outcome.DENIED and not row.action.startswith("auth.")


def _denied_bursts(rows: list[Row]) -> list[Finding]:
    findings = []
    for username, denied in _by_user(rows, _is_refusal).items():
        best, start, end = _busiest_hour(denied, [str(i) for i in range(len(denied))])
        if best >= DENIED_BURST:
            findings.append(
                Finding(
                    "denied burst",
                    username,
                    denied[0].jurisdiction,
                    start,
                    end,
                    best,
                    f"{best} refusals within an hour (flagged at {DENIED_BURST}).",
                )
            )
    return findings


def _protected_attempts(rows: list[Row]) -> list[Finding]:
    by_user = _by_user(
        rows, lambda row: row.protected and row.outcome in (Outcome.DENIED, Outcome.STUB)
    )
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
