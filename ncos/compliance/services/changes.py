"""Personal details reported in a report: parse, validate, preview (current vs reported, per
category) and apply through the register's detail services.

A change is one of:
* ``record``  a new fact (a new vehicle; a new address, optionally `replaces` the address it
  succeeds, which is then ended the day before);
* ``end``     a fact stopped being true on `valid_to` (sold the car);
* ``correct`` the register's version was wrong (a new version supersedes it; both are kept).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from ncos.access.errors import ConflictError, RuleViolation
from ncos.registry.choices import DetailKind, SourceType
from ncos.registry.kinds import SPECS, clean_data, spec_for, summarise
from ncos.registry.models import Detail, Person

OPS = ("record", "end", "correct")
OP_LABELS = {"record": "New", "end": "Ended", "correct": "Corrected"}
STALE = (
    "A detail this report changes was changed by someone else since the report was started. "
    "Review the person's current details and enter the change again."
)


@dataclass
class Change:
    op: str
    kind: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    valid_from: date | None = None
    valid_to: date | None = None
    changed_at: datetime | None = None
    detail_id: uuid.UUID | None = None
    replaces: uuid.UUID | None = None
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "kind": self.kind,
            "data": self.data,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "detail_id": str(self.detail_id) if self.detail_id else None,
            "replaces": str(self.replaces) if self.replaces else None,
            "reason": self.reason,
        }


def _date(value: Any, path: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleViolation("Enter a date as YYYY-MM-DD.", path) from None


def _datetime(value: Any, path: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise RuleViolation("Enter a date and time with its offset.", path) from None
    if moment.tzinfo is None:
        raise RuleViolation("Give the time zone offset of this time.", path)
    return moment


def _uuid(value: Any, path: str) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise RuleViolation("This is not a detail of the person.", path) from None


def parse_changes(raw: Iterable[Any] | None) -> list[Change]:
    """Changes from plain dicts (the API and the signed form payload) or `Change` objects."""
    out: list[Change] = []
    for i, item in enumerate(raw or []):
        path = f"details[{i}]"
        if isinstance(item, Change):
            out.append(item)
            continue
        if not isinstance(item, Mapping):
            raise RuleViolation("Each detail reported must be an object.", path)
        op = str(item.get("op") or "record")
        if op not in OPS:
            raise RuleViolation("The change must be record, end or correct.", f"{path}.op")
        data = item.get("data") or {}
        if not isinstance(data, Mapping):
            raise RuleViolation("The detail's data must be an object.", f"{path}.data")
        out.append(
            Change(
                op=op,
                kind=str(item.get("kind") or ""),
                data=dict(data),
                valid_from=_date(item.get("valid_from"), f"{path}.valid_from"),
                valid_to=_date(item.get("valid_to"), f"{path}.valid_to"),
                changed_at=_datetime(item.get("changed_at"), f"{path}.changed_at"),
                detail_id=_uuid(item.get("detail_id"), f"{path}.detail_id"),
                replaces=_uuid(item.get("replaces"), f"{path}.replaces"),
                reason=str(item.get("reason") or "")[:500],
            )
        )
    return out


def _current_fact(person: Person, detail_id: uuid.UUID | None, path: str) -> Detail:
    if detail_id is None:
        raise RuleViolation("Choose the detail this change is about.", path)
    fact = Detail.objects.filter(pk=detail_id, person=person).first()
    if fact is None:
        raise RuleViolation("This is not a detail of the person.", path)
    if not fact.is_current:
        raise ConflictError(STALE)
    if fact.withdrawn:
        raise RuleViolation("This detail was withdrawn (recorded in error).", path)
    return fact


def _clean(kind: str, data: Mapping[str, Any], path: str) -> dict[str, Any]:
    try:
        return clean_data(kind, data)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            name, errors = next(iter(exc.error_dict.items()))
            raise RuleViolation(errors[0].messages[0], f"{path}.data.{name}") from None
        raise RuleViolation(exc.messages[0], f"{path}.data") from None


@dataclass
class Checked:
    """A change validated against the person's current facts (nothing written yet)."""

    change: Change
    kind: str
    clean: dict[str, Any]
    target: Detail | None = None  # end / correct: the version changed; record: the replaced one

    @property
    def summary(self) -> str:
        return summarise(self.kind, self.clean) if self.clean else ""

    def trigger(self) -> tuple[str, date] | None:
        """(engine change kind, day of the change) for matching change-of-details obligations."""
        engine_kind = spec_for(self.kind).engine_kind
        if engine_kind is None:
            return None
        if self.change.op == "record" and self.change.valid_from is not None:
            return engine_kind, self.change.valid_from
        if self.change.op == "end" and self.change.valid_to is not None:
            return engine_kind, self.change.valid_to + timedelta(days=1)
        return None


def check_changes(person: Person, changes: Sequence[Change]) -> list[Checked]:
    """Validate every change; raise `RuleViolation` (with the field path) on the first problem."""
    checked: list[Checked] = []
    touched: set[uuid.UUID] = set()
    for i, change in enumerate(changes):
        path = f"details[{i}]"
        if change.op == "record":
            if change.kind not in SPECS:
                raise RuleViolation("Choose a kind of personal detail.", f"{path}.kind")
            clean = _clean(change.kind, change.data, path)
            if change.valid_from and change.valid_to and change.valid_to < change.valid_from:
                raise RuleViolation("The end date is before the start date.", f"{path}.valid_to")
            target = None
            if change.replaces is not None:
                target = _current_fact(person, change.replaces, f"{path}.replaces")
                if target.kind != change.kind:
                    raise RuleViolation(
                        "A detail can only replace one of the same kind.", f"{path}.replaces"
                    )
                if change.valid_from is None:
                    raise RuleViolation(
                        "Give the date of the change (the replaced detail ends the day before).",
                        f"{path}.valid_from",
                    )
                if target.valid_from and change.valid_from <= target.valid_from:
                    raise RuleViolation(
                        "The new detail must start after the one it replaces started.",
                        f"{path}.valid_from",
                    )
            checked.append(Checked(change, change.kind, clean, target))
        else:
            target = _current_fact(person, change.detail_id, f"{path}.detail_id")
            if change.op == "end":
                if change.valid_to is None:
                    raise RuleViolation("Give the last day it was true.", f"{path}.valid_to")
                if target.valid_from and change.valid_to < target.valid_from:
                    raise RuleViolation(
                        "The end date is before the detail started.", f"{path}.valid_to"
                    )
                checked.append(Checked(change, target.kind, dict(target.data), target))
            else:
                if not change.reason.strip():
                    raise RuleViolation("Give the reason for the correction.", f"{path}.reason")
                clean = _clean(target.kind, change.data, path)
                checked.append(Checked(change, target.kind, clean, target))
        ids = {c for c in (checked[-1].target.pk if checked[-1].target else None,) if c}
        if ids & touched:
            raise RuleViolation("Two changes in this report change the same detail.", path)
        touched |= ids
    return checked


# --- preview: current vs reported, per category ----------------------------------------------


@dataclass
class FactLine:
    summary: str
    period: str
    state: str  # "unchanged", "new", "ended", "corrected", "replaced"
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (label, before, after)


@dataclass
class CategoryDiff:
    kind: str
    label: str
    law: str
    current: list[FactLine]
    reported: list[FactLine]


def _period(valid_from: date | None, valid_to: date | None) -> str:
    start = valid_from.strftime("%d %b %Y") if valid_from else "start not known"
    end = valid_to.strftime("%d %b %Y") if valid_to else "now"
    return f"{start} – {end}"


def _field_diff(kind: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Any]:
    spec = spec_for(kind)
    rows = []
    for f in spec.fields:
        b, a = before.get(f.name), after.get(f.name)
        if b != a:
            rows.append(
                (
                    f.label,
                    spec.label_of(f.name, b) if b is not None else "—",
                    spec.label_of(f.name, a) if a is not None else "—",
                )
            )
    return rows


def preview(person: Person, checked: Sequence[Checked], today: date) -> list[CategoryDiff]:
    """For each category the report touches: the facts as recorded now, and as they will be."""
    kinds = [k for k in DetailKind.values if any(c.kind == k for c in checked)]
    out: list[CategoryDiff] = []
    for kind in kinds:
        facts = list(
            Detail.objects.filter(person=person, kind=kind, is_current=True, withdrawn=False)
            .exclude(valid_to__lt=today - timedelta(days=366))
            .order_by("-valid_from", "-recorded_at")
        )
        current = [
            FactLine(f.summary, _period(f.valid_from, f.valid_to), "unchanged") for f in facts
        ]
        reported: list[FactLine] = []
        by_target = {c.target.pk: c for c in checked if c.target is not None and c.kind == kind}
        for fact in facts:
            c = by_target.get(fact.pk)
            if c is None:
                reported.append(
                    FactLine(fact.summary, _period(fact.valid_from, fact.valid_to), "unchanged")
                )
            elif c.change.op == "end":
                reported.append(
                    FactLine(fact.summary, _period(fact.valid_from, c.change.valid_to), "ended")
                )
            elif c.change.op == "correct":
                reported.append(
                    FactLine(
                        summarise(kind, c.clean),
                        _period(c.change.valid_from, c.change.valid_to),
                        "corrected",
                        _field_diff(kind, fact.data, c.clean),
                    )
                )
            else:  # a new fact replaces this one: it ends the day before
                end = (c.change.valid_from or today) - timedelta(days=1)
                reported.append(FactLine(fact.summary, _period(fact.valid_from, end), "replaced"))
        for c in checked:
            if c.kind == kind and c.change.op == "record":
                before = c.target.data if c.target is not None else {}
                reported.insert(
                    0,
                    FactLine(
                        c.summary,
                        _period(c.change.valid_from, c.change.valid_to),
                        "new",
                        _field_diff(kind, before, c.clean),
                    ),
                )
        spec = SPECS[kind]
        out.append(CategoryDiff(kind, DetailKind(kind).label, spec.law, current, reported))
    return out


# --- applying ---------------------------------------------------------------------------------


@dataclass
class Applied:
    checked: Checked
    detail: Detail
    ended: Detail | None = None  # the replaced fact's ending version


def apply_changes(
    *, actor: Any, person: Person, checked: Sequence[Checked], report_id: uuid.UUID, reference: str
) -> list[Applied]:
    """Record each change through the register's services, with the report as the source."""
    from ncos.registry import services as registry

    common: dict[str, Any] = {
        "source_type": SourceType.REPORT,
        "source_reference": f"Report {reference}",
        "report_id": report_id,
    }
    applied: list[Applied] = []
    for c in checked:
        change = c.change
        if change.op == "record":
            ended = None
            if c.target is not None and change.valid_from is not None:
                ended = registry.detail_end(
                    actor=actor,
                    detail_id=c.target.pk,
                    valid_to=change.valid_from - timedelta(days=1),
                    reason=f"Replaced by a new {spec_for(c.kind).label.lower()} reported in "
                    f"report {reference}.",
                    **common,
                )
            detail = registry.detail_record(
                actor=actor,
                person_id=person.pk,
                kind=c.kind,
                data=c.clean,
                valid_from=change.valid_from,
                valid_to=change.valid_to,
                changed_at=change.changed_at,
                **common,
            )
            applied.append(Applied(c, detail, ended))
        elif change.op == "end":
            assert c.target is not None  # noqa: S101 - checked
            assert change.valid_to is not None  # noqa: S101 - checked
            detail = registry.detail_end(
                actor=actor,
                detail_id=c.target.pk,
                valid_to=change.valid_to,
                reason=change.reason or f"Reported ended in report {reference}.",
                changed_at=change.changed_at,
                **common,
            )
            applied.append(Applied(c, detail))
        else:
            assert c.target is not None  # noqa: S101 - checked
            detail = registry.detail_correct(
                actor=actor,
                detail_id=c.target.pk,
                data=c.clean,
                valid_from=change.valid_from,
                valid_to=change.valid_to,
                reason=change.reason,
                changed_at=change.changed_at,
                **common,
            )
            applied.append(Applied(c, detail))
    return applied


def receipt_lines(applied: Sequence[Applied]) -> list[dict[str, Any]]:
    """The changes as printed on the receipt (ACT s 81 (2) (g): a copy of the information
    reported): category, what happened, every field with its value, and the dates."""
    lines: list[dict[str, Any]] = []
    for a in applied:
        spec = spec_for(a.checked.kind)
        data = a.detail.data
        lines.append(
            {
                "kind": a.checked.kind,
                "category": spec.label,
                "op": a.checked.change.op,
                "op_label": OP_LABELS[a.checked.change.op],
                "summary": a.detail.summary,
                "fields": [
                    [f.label, spec.label_of(f.name, data[f.name])]
                    for f in spec.fields
                    if data.get(f.name) not in (None, "")
                ],
                "valid_from": a.detail.valid_from.isoformat() if a.detail.valid_from else None,
                "valid_to": a.detail.valid_to.isoformat() if a.detail.valid_to else None,
                "detail_id": str(a.detail.pk),
                "fact_id": str(a.detail.fact_id),
                "replaced": a.ended.summary if a.ended is not None else "",
            }
        )
    return lines


def snapshot(person: Person, today: date) -> list[dict[str, Any]]:
    """Every current personal detail, per category (printed on initial and annual receipts: the
    person reports all their personal details then)."""
    facts = (
        Detail.objects.filter(person=person, is_current=True, withdrawn=False)
        .exclude(kind=DetailKind.DESCRIPTION)
        .order_by("kind", "-valid_from")
    )
    groups: dict[str, list[str]] = {}
    for fact in facts:
        if fact.valid_to is not None and fact.valid_to < today:
            continue
        groups.setdefault(fact.kind, []).append(fact.summary)
    return [
        {"category": DetailKind(k).label, "items": groups[k]}
        for k in DetailKind.values
        if k in groups
    ]
