"""How an obligation stands, in the compliance vocabulary (upcoming, due, met, met late, overdue,
suspended, not applicable), and reading the law engine's obligation keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from ncos.compliance.choices import OBLIGATION_KIND_LABELS, ComplianceState

# The register's `Obligation.status` (the engine's status, plus "withdrawn") -> the state shown.
_DIRECT = {
    "upcoming": ComplianceState.UPCOMING,
    "due": ComplianceState.DUE,
    "overdue": ComplianceState.OVERDUE,
    "suspended": ComplianceState.SUSPENDED,
    "not_applicable": ComplianceState.NOT_APPLICABLE,
    "withdrawn": ComplianceState.WITHDRAWN,
}

OPEN_STATUSES = ("upcoming", "due", "overdue")

STATE_TAGS = {
    ComplianceState.UPCOMING: "ncos-tag ncos-tag--plain",
    ComplianceState.DUE: "ncos-tag ncos-tag--ancor",
    ComplianceState.MET: "ncos-tag ncos-tag--good",
    ComplianceState.MET_LATE: "ncos-tag ncos-tag--warn",
    ComplianceState.OVERDUE: "ncos-tag ncos-tag--bad",
    ComplianceState.SUSPENDED: "ncos-tag ncos-tag--muted",
    ComplianceState.NOT_APPLICABLE: "ncos-tag ncos-tag--muted",
    ComplianceState.WITHDRAWN: "ncos-tag ncos-tag--muted",
}


def state_of(obligation: Any) -> ComplianceState:
    """The state of one register `Obligation` (met with days late > 0 is "met late")."""
    if obligation.status == "met":
        return ComplianceState.MET_LATE if obligation.days_late else ComplianceState.MET
    return _DIRECT.get(obligation.status, ComplianceState.DUE)


def state_q(state: str) -> Q:
    """A filter on `Obligation` rows for one compliance state."""
    if state == ComplianceState.MET:
        return Q(status="met") & (Q(days_late__isnull=True) | Q(days_late=0))
    if state == ComplianceState.MET_LATE:
        return Q(status="met", days_late__gt=0)
    return Q(status=state)


def kind_label(kind: str) -> str:
    return OBLIGATION_KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class ParsedKey:
    """An engine obligation key such as ``change_of_details:address:2026-02-20`` or
    ``child_details:child_household:2026-02-20T15:30:00+11:00``."""

    kind: str
    detail_kind: str
    day: str  # ISO date of the trigger ("" if none)


def parse_key(key: str) -> ParsedKey:
    """
    >>> parse_key("change_of_details:address:2026-02-20")
    ParsedKey(kind='change_of_details', detail_kind='address', day='2026-02-20')
    >>> parse_key("change_of_details:child_household:2026-11-20T10:00:00+11:00").day
    '2026-11-20'
    >>> parse_key("travel_notice:2026-12-20:NSW")
    ParsedKey(kind='travel_notice', detail_kind='', day='2026-12-20')
    >>> parse_key("annual_report:2027")
    ParsedKey(kind='annual_report', detail_kind='', day='')
    """
    parts = key.split(":")
    if parts[0] in ("change_of_details", "child_details") and len(parts) >= 3:
        return ParsedKey(parts[0], parts[1], ":".join(parts[2:])[:10])
    day = next((p[:10] for p in parts[1:] if _ISO_DAY.match(p)), "")
    return ParsedKey(parts[0], "", day)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


ENGINE_MANNER_LABELS = {
    "in_person": "In person",
    "approved_way": "In an approved way",
    "in_person_or_other": "In person or another permitted way",
    "in_writing": "In writing",
}


def manner_text(manner: Any) -> str:
    """The engine's manner list in words: "In person", "In an approved way"…"""
    words = [ENGINE_MANNER_LABELS.get(m, str(m).replace("_", " ")) for m in manner or []]
    return "; ".join(words) or "—"


def title(obligation: Any) -> str:
    """ "Change of personal details (address)", without the due date."""
    parsed = parse_key(obligation.key)
    label = kind_label(obligation.kind)
    if parsed.detail_kind:
        label += f" ({parsed.detail_kind.replace('_', ' ')})"
    return label


def describe(obligation: Any, zone: Any = None) -> str:
    """One line a registrar reads: "Change of personal details (address), due 27 Nov 2026";
    an hour limit is shown in `zone` (the jurisdiction's time zone)."""
    label = title(obligation)
    due = obligation.due_at or obligation.due_date
    if due is None:
        return label
    if obligation.due_at is not None:
        moment = obligation.due_at.astimezone(zone) if zone is not None else obligation.due_at
        suffix = "" if zone is not None else " UTC"
        return f"{label}, due by {moment:%d %b %Y %H:%M}{suffix}"
    return f"{label}, due {due:%d %b %Y}"
