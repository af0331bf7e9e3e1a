"""The law engine's answer stored back: the `Assessment` snapshot, the `Obligation` rows (by
the answer's obligation `key`) and the status moves the answer requires.

`recompute(person, actor=, trigger=)` is called by every register service that changes a fact
the law looks at, inside that service's transaction, with the person's row locked.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import date, datetime, timedelta
from typing import Any

from ncos.registry.choices import ANCOR_STATUSES, ObligationStatus, OffenceOutcome, PersonStatus
from ncos.registry.models import Assessment, Obligation, Person
from ncos.registry.services._common import local_today, now
from ncos.registry.services.obligations import case_for_person

logger = logging.getLogger("ncos.registry")

# --- the answer -------------------------------------------------------------------------------


def _hash(value: Any) -> str:
    body = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def _day(value: Any) -> date | None:
    if not value:
        return None
    text = str(value)
    return date.fromisoformat(text[:10])


def _moment(value: Any) -> datetime | None:
    if not value or "T" not in str(value):
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


_OBLIGATION_KEYS = frozenset(
    {
        "kind",
        "key",
        "trigger",
        "due",
        "status",
        "sections",
        "explanation",
        "manner",
        "opens",
        "met_on",
        "days_late",
    }
)


def _obligation_fields(item: dict[str, Any]) -> dict[str, Any]:
    trigger, due = item.get("trigger"), item.get("due")
    trigger_at, due_at = _moment(trigger), _moment(due)
    status = item.get("status") or ObligationStatus.DUE
    if status not in ObligationStatus.values:
        status = ObligationStatus.DUE
    return {
        "kind": str(item.get("kind", ""))[:40],
        "trigger_at": trigger_at,
        "trigger_date": _day(trigger) if trigger_at is None else None,
        "due_at": due_at,
        "due_date": _day(due),
        "opens_on": _day(item.get("opens")),
        "status": status,
        "sections": list(item.get("sections") or []),
        "explanation": str(item.get("explanation") or ""),
        "manner": list(item.get("manner") or []),
        "met_on": _day(item.get("met_on")),
        "days_late": item.get("days_late"),
        "details": {k: v for k, v in item.items() if k not in _OBLIGATION_KEYS},
    }


def _store_obligations(person: Person, assessment: Assessment, answer: dict[str, Any]) -> None:
    stamp = assessment.computed_at
    existing = {o.key: o for o in Obligation.objects.filter(person=person)}
    seen: set[str] = set()
    for item in answer.get("obligations") or []:
        key = str(item.get("key") or f"{item.get('kind')}:{item.get('trigger') or item.get('due')}")
        if key in seen:
            logger.warning("law engine answered a duplicate obligation key %s", key)
            continue
        seen.add(key)
        fields = _obligation_fields(item)
        current = existing.get(key)
        if current is None:
            Obligation.objects.create(
                person=person,
                key=key[:120],
                assessment=assessment,
                first_seen_at=stamp,
                updated_at=stamp,
                **fields,
            )
            continue
        if any(getattr(current, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(current, k, v)
            current.assessment = assessment
            current.updated_at = stamp
            current.save()
    gone = [
        o.pk
        for k, o in existing.items()
        if k not in seen and o.status != ObligationStatus.WITHDRAWN
    ]
    if gone:
        Obligation.objects.filter(pk__in=gone).update(
            status=ObligationStatus.WITHDRAWN, assessment=assessment, updated_at=stamp
        )


def _assess(case: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    try:
        from ncos.law import CaseError, assess
    except ImportError:  # pragma: no cover - the engine ships with ncos
        return None, "The law engine is not installed."
    try:
        return assess(case), ""
    except CaseError as exc:
        return None, f"The facts could not be assessed: {exc} ({exc.field})."[:500]
    except Exception as exc:  # the register must keep working if the engine fails on a case
        logger.exception("law engine failed on a case")
        return None, f"The law engine could not assess this person ({type(exc).__name__}: {exc})."[
            :500
        ]


def recompute(person: Person, *, actor: Any, trigger: str, as_of: date | None = None) -> Assessment:
    """Assess `person` (already locked by the caller) and store what the law says."""
    as_of = as_of or local_today(person)
    case = case_for_person(person, as_of)
    answer, error = _assess(case)
    body = {k: v for k, v in (answer or {"error": error}).items() if k != "as_of"}
    digest = _hash(body)
    latest = Assessment.objects.filter(person=person).order_by("-number").first()
    if latest is not None and latest.answer_hash == digest and latest.as_of == as_of:
        return latest
    assessment = Assessment.objects.create(
        person=person,
        number=(latest.number if latest else 0) + 1,
        computed_at=now(),
        as_of=as_of,
        jurisdiction=person.managing_jurisdiction_id,
        engine_version=str((answer or {}).get("engine_version", "")),
        case=case,
        answer=answer,
        answer_hash=digest,
        error=error,
        registrable=None if answer is None else bool(answer.get("registrable")),
        reporting_period=str((answer or {}).get("reporting_period") or ""),
        reporting_period_start=_day((answer or {}).get("reporting_period_start")),
        reporting_period_end=_day((answer or {}).get("reporting_period_end")),
        trigger=trigger[:100],
    )
    if answer is not None:
        _store_obligations(person, assessment, answer)
        _follow_status(person, assessment, actor=actor, as_of=as_of)
    return assessment


def _follow_status(person: Person, assessment: Assessment, *, actor: Any, as_of: date) -> None:
    """Move the status where the law's answer requires it (never out of `deceased`)."""
    from ncos.registry.services.person import apply_status

    status = person.status
    end = assessment.reporting_period_end
    ended = end is not None and end < as_of
    if assessment.registrable:
        if (
            status
            in (PersonStatus.MANAGED, PersonStatus.REPORTING_ENDED, PersonStatus.FINDING_QUASHED)
            and not ended
        ):
            start = assessment.reporting_period_start or as_of
            apply_status(
                person,
                PersonStatus.REGISTRABLE,
                actor=actor,
                effective_on=min(start, as_of),
                reason=f"The law engine found the person registrable ({_period_text(assessment)}).",
                automatic=True,
            )
        elif status in (PersonStatus.REGISTRABLE, PersonStatus.MANAGED) and ended:
            apply_status(
                person,
                PersonStatus.REPORTING_ENDED,
                actor=actor,
                effective_on=end + timedelta(days=1),
                reason=f"The reporting period ended on {end.isoformat()}.",
                automatic=True,
            )
        return
    quashed = person.offences.filter(outcome=OffenceOutcome.QUASHED).exists()
    standing = person.offences.filter(outcome=OffenceOutcome.FOUND_GUILTY).exists()
    if status in ANCOR_STATUSES and quashed and not standing:
        apply_status(
            person,
            PersonStatus.FINDING_QUASHED,
            actor=actor,
            effective_on=as_of,
            reason="Every finding of guilt was quashed; the person is no longer registrable.",
            automatic=True,
        )


def _period_text(assessment: Assessment) -> str:
    parts = [f"reporting period {assessment.reporting_period or 'not stated'}"]
    if assessment.reporting_period_start:
        parts.append(f"from {assessment.reporting_period_start.isoformat()}")
    return " ".join(parts)
